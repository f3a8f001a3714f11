import { describe, expect, it } from 'vitest';
import type { AcknowledgedVia, AlarmEvent } from '../alarms/alarm-event';
import type { AlarmRule } from '../alarms/alarm-rule';
import type { StoredAlarmRule } from '../alarms/alarm-store';
import { INITIAL_RULE_STATE } from '../alarms/rule-state';
import { ManualClock } from '../clock';
import { NotFoundError } from '../errors';
import { followAlarmLink, LinkExpiredError, LinkInvalidError, previewAlarmLink, type AlarmLinkDependencies } from './follow-alarm-link';
import type { NotificationChannel } from './notification-channel';
import { signLink, type LinkPayload } from './signed-link';

const key = Buffer.alloc(32, 1);
const clock = new ManualClock('2026-11-20T08:00:00.000Z');
const exp = Math.floor(clock.now().getTime() / 1000) + 3600;
const ACCT = 'acct-1';

const rule: AlarmRule = {
  alarmId: 'rule-1', accountId: ACCT, name: 'Brisket done', target: { type: 'probe', serial: 'S1', channel: '1' }, kind: 'above', threshold: 203, low: null, high: null,
  band: null, minutes: null, units: 'F', hysteresis: 2, cooldownMinutes: 5, notify: ['mail'], urgent: true, escalateEveryMinutes: 5, enabled: true, snoozedUntil: null,
  deviceAlarm: false, createdAt: '2026-11-20T07:00:00.000Z', updatedAt: '2026-11-20T07:00:00.000Z',
};
const event: AlarmEvent = {
  eventId: 'event-1', accountId: ACCT, alarmId: 'rule-1', ruleName: 'Brisket done', kind: 'above', target: rule.target, label: 'Brisket', channel: '1', value: 204, threshold: 203,
  units: 'F', message: 'Brisket is at or above 203 °F: 204 °F', urgent: true, notify: ['mail'], escalateEveryMinutes: 5, firedAt: '2026-11-20T07:55:00.000Z',
  deliveredAt: '2026-11-20T07:55:01.000Z', acknowledgedAt: null, acknowledgedVia: null, resolvedAt: null, deliveries: {}, escalationRound: 1,
};
const mail: NotificationChannel = {
  channelId: 'mail', accountId: ACCT, name: 'cook@example.com', target: { type: 'email', address: 'cook@example.com' }, status: 'pending-verification', disabledReason: null,
  quietHours: null, consecutiveFailures: 0, lastDelivery: null, verifiedAt: null, createdAt: '2026-11-20T07:00:00.000Z', updatedAt: '2026-11-20T07:00:00.000Z',
};

/** In-memory stores with exactly the calls following a link makes. */
function world(over: { noKey?: boolean } = {}) {
  const events = new Map([[event.eventId, { ...event }]]);
  const rules = new Map<string, StoredAlarmRule>([[rule.alarmId, { rule: { ...rule }, state: { ...INITIAL_RULE_STATE }, deviceAlarm: null }]]);
  const channels = new Map([[mail.channelId, { ...mail }]]);
  const acks: AcknowledgedVia[] = [];
  const deps: AlarmLinkDependencies = {
    linkKey: async () => (over.noKey ? undefined : key),
    clock,
    alarms: {
      getEvent: async (acct, id) => (acct === ACCT ? events.get(id) : undefined),
      getRule: async (acct, id) => (acct === ACCT ? rules.get(id) : undefined),
      acknowledge: async (acct, id, at, via) => {
        const e = acct === ACCT ? events.get(id) : undefined;
        if (e && e.acknowledgedAt === null) {
          Object.assign(e, { acknowledgedAt: at, acknowledgedVia: via });
          acks.push(via);
        }
        return e;
      },
      updateRule: async (r) => {
        const stored = rules.get(r.alarmId);
        if (!stored) return false;
        stored.rule = r;
        return true;
      },
    },
    channels: {
      get: async (acct, id) => (acct === ACCT ? channels.get(id) : undefined),
      update: async (c) => (channels.has(c.channelId) ? (channels.set(c.channelId, c), true) : false),
    },
  };
  return { deps, events, rules, channels, acks };
}

const token = (payload: Partial<LinkPayload>) => signLink(key, { act: 'ack', acct: ACCT, id: event.eventId, exp, ...payload });

describe('previewAlarmLink', () => {
  it('says what an ack link does and what it is about, changing nothing', async () => {
    const w = world();
    const preview = await previewAlarmLink(token({}), w.deps);
    expect(preview).toMatchObject({ act: 'ack', done: false, alarm: { alarmId: 'rule-1', name: 'Brisket done', serial: 'S1', channel: '1', label: 'Brisket' }, event: { eventId: 'event-1', state: 'delivered', value: 204 }, channel: null });
    expect(preview.message).toContain('Acknowledge');
    expect(preview.expiresAt).toBe(new Date(exp * 1000).toISOString());
    expect(w.events.get('event-1')!.acknowledgedAt).toBeNull();
  });

  it('a verify link names the address and its status', async () => {
    const preview = await previewAlarmLink(token({ act: 'verify', id: 'mail' }), world().deps);
    expect(preview).toMatchObject({ act: 'verify', done: false, channel: { channelId: 'mail', type: 'email', destination: 'cook@example.com', status: 'pending-verification' }, alarm: null });
  });
});

describe('followAlarmLink', () => {
  it('ack: acknowledges the event via the link, once; a second follow answers the same and changes nothing', async () => {
    const w = world();
    const first = await followAlarmLink(token({}), w.deps);
    expect(first).toMatchObject({ action: 'acknowledged', eventId: 'event-1' });
    expect(w.events.get('event-1')).toMatchObject({ acknowledgedAt: clock.now().toISOString(), acknowledgedVia: 'link' });
    clock.advance(60_000);
    expect(await followAlarmLink(token({}), w.deps)).toEqual(first);
    expect(w.events.get('event-1')!.acknowledgedAt).toBe(new Date(clock.now().getTime() - 60_000).toISOString());
    expect(w.acks).toEqual(['link']);
    expect((await previewAlarmLink(token({}), w.deps)).done).toBe(true);
  });

  it('snooze: quiets the rule 10 minutes from now, leaving its evaluation state alone', async () => {
    const w = world();
    const result = await followAlarmLink(token({ act: 'snooze' }), w.deps);
    const until = new Date(clock.now().getTime() + 10 * 60_000).toISOString();
    expect(result).toMatchObject({ action: 'snoozed', eventId: 'event-1', snoozedUntil: until });
    expect(w.rules.get('rule-1')!.rule.snoozedUntil).toBe(until);
    expect((await previewAlarmLink(token({ act: 'snooze' }), w.deps)).done).toBe(true);
  });

  it('verify: the pending email channel becomes active and verified; again is harmless; a channel turned off stays off', async () => {
    const w = world();
    expect(await followAlarmLink(token({ act: 'verify', id: 'mail' }), w.deps)).toMatchObject({ action: 'verified', channelId: 'mail' });
    expect(w.channels.get('mail')).toMatchObject({ status: 'active', verifiedAt: clock.now().toISOString() });
    expect(await followAlarmLink(token({ act: 'verify', id: 'mail' }), w.deps)).toMatchObject({ action: 'verified' });

    const off = world();
    off.channels.set('mail', { ...mail, status: 'disabled', disabledReason: 'Turned off by you.' });
    await followAlarmLink(token({ act: 'verify', id: 'mail' }), off.deps);
    expect(off.channels.get('mail')).toMatchObject({ status: 'disabled', verifiedAt: clock.now().toISOString() });
  });

  it('a token that does not verify → LINK_INVALID (403); an old one → LINK_EXPIRED (410)', async () => {
    const w = world();
    const good = token({});
    const [body, signature] = good.split('.') as [string, string];
    const altered = `${Buffer.from(JSON.stringify({ act: 'ack', acct: 'acct-2', id: event.eventId, exp })).toString('base64url')}.${signature}`;
    const otherKey = signLink(Buffer.alloc(32, 2), { act: 'ack', acct: ACCT, id: event.eventId, exp });
    const notJson = `${Buffer.from('not json').toString('base64url')}.${signature}`;
    for (const bad of [altered, otherKey, `${body}.${signature.slice(1)}`, notJson]) {
      await expect(followAlarmLink(bad, w.deps)).rejects.toMatchObject({ code: 'LINK_INVALID', httpStatus: 403 });
      await expect(previewAlarmLink(bad, w.deps)).rejects.toBeInstanceOf(LinkInvalidError);
    }
    const expired = token({ exp: Math.floor(clock.now().getTime() / 1000) - 1 });
    await expect(followAlarmLink(expired, w.deps)).rejects.toMatchObject({ code: 'LINK_EXPIRED', httpStatus: 410 });
    await expect(previewAlarmLink(expired, w.deps)).rejects.toBeInstanceOf(LinkExpiredError);
    // Before the deployment has a link key, no token is genuine.
    await expect(followAlarmLink(good, world({ noKey: true }).deps)).rejects.toBeInstanceOf(LinkInvalidError);
    expect(w.events.get('event-1')!.acknowledgedAt).toBeNull();
  });

  it('what the link names is gone → 404: the event, the rule (snooze), the email channel (verify)', async () => {
    const w = world();
    await expect(followAlarmLink(token({ id: 'no-such-event' }), w.deps)).rejects.toBeInstanceOf(NotFoundError);
    w.rules.clear();
    await expect(followAlarmLink(token({ act: 'snooze' }), w.deps)).rejects.toBeInstanceOf(NotFoundError);
    await expect(previewAlarmLink(token({ act: 'snooze' }), w.deps)).rejects.toBeInstanceOf(NotFoundError);
    // Acknowledging still works when only the rule is gone: the event is what rings.
    expect(await followAlarmLink(token({}), w.deps)).toMatchObject({ action: 'acknowledged' });
    w.channels.clear();
    await expect(followAlarmLink(token({ act: 'verify', id: 'mail' }), w.deps)).rejects.toBeInstanceOf(NotFoundError);
  });
});
