import { describe, expect, it, vi } from 'vitest';
import { ApiError, ContractError, SessionExpiredError } from '../api/errors';
import { testAlarm, testAlarmEvent, testChannel } from '../testing/testAlarms';
import { createAlarmApi, fieldIssues } from './alarmApi';

const answer = (status: number, body: unknown) => vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));

describe('the alarm API client', () => {
  it('sends the session and the body, and answers what the server sent once it is read', async () => {
    const fetch = answer(201, testAlarm());
    const api = createAlarmApi({ apiUrl: 'http://api.test/' }, { fetch });
    await expect(api.createAlarm('tok', { serial: 'S1', channel: '2', kind: 'above', threshold: 203 })).resolves.toEqual(testAlarm());
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('http://api.test/alarms');
    expect(init).toMatchObject({ method: 'POST', headers: { authorization: 'Bearer tok', 'content-type': 'application/json' } });
    expect(JSON.parse(String(init.body))).toEqual({ serial: 'S1', channel: '2', kind: 'above', threshold: 203 });
  });

  it('refuses an off-contract body rather than trusting it', async () => {
    const api = createAlarmApi({ apiUrl: 'http://api.test' }, { fetch: answer(200, { alarms: [{ ...testAlarm(), kind: 'boiling' }] }) });
    await expect(api.listAlarms('tok')).rejects.toBeInstanceOf(ContractError);
    const channels = createAlarmApi({ apiUrl: 'http://api.test' }, { fetch: answer(200, { channels: [testChannel()], vapidPublicKey: 'k', email: { available: true }, sms: { available: false, perHour: 5 } }) });
    await expect(channels.listChannels('tok')).resolves.toMatchObject({ channels: [testChannel()], vapidPublicKey: 'k' });
  });

  it("turns the server's validation issues into per-field messages, and a 401 into a dead session", async () => {
    const body = { error: { code: 'VALIDATION_FAILED', message: 'Request is invalid.', details: { issues: [{ path: 'threshold', message: 'above needs threshold' }] } } };
    const api = createAlarmApi({ apiUrl: 'http://api.test' }, { fetch: answer(400, body) });
    const error = await api.createAlarm('tok', { serial: 'S1', channel: '2', kind: 'above' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(fieldIssues(error)).toEqual({ threshold: 'above needs threshold' });
    const expired = createAlarmApi({ apiUrl: 'http://api.test' }, { fetch: answer(401, { error: { code: 'UNAUTHORIZED', message: 'no' } }) });
    await expect(expired.listAlarms('tok')).rejects.toBeInstanceOf(SessionExpiredError);
  });

  it('pages the history with the cursor', async () => {
    const fetch = answer(200, { events: [testAlarmEvent()], cursor: 'abc' });
    const api = createAlarmApi({ apiUrl: 'http://api.test' }, { fetch });
    await expect(api.listAlarmEvents('tok', { cursor: 'prev' })).resolves.toEqual({ events: [testAlarmEvent()], cursor: 'abc' });
    expect((fetch.mock.calls[0] as unknown as [string])[0]).toBe('http://api.test/alarm-events?cursor=prev');
  });
});
