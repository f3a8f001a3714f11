import { describe, expect, it } from 'vitest';
import type { AccountStatus, DeviceView } from '../../../shared/api/schemas';
import { RELINK_TEXT, accountNotice, newestReadingAt } from './accountNotice';

const now = Date.parse('2026-03-01T12:00:00.000Z');
const account = (overrides: Partial<AccountStatus> = {}): AccountStatus => ({
  userId: 'u-1',
  email: 'demo@pitwatch.local',
  status: 'ok',
  statusMessage: null,
  linkedAt: '2026-03-01T08:00:00.000Z',
  lastPolledAt: '2026-03-01T11:59:55.000Z',
  lastReadingAt: '2026-03-01T11:55:00.000Z',
  ...overrides,
});

describe('accountNotice', () => {
  it('shows no banner while all is well, only when the last reading came', () => {
    expect(accountNotice({ kind: 'loaded', account: account() }, now)).toEqual({ banner: null, lastReading: 'Last reading 5 min ago' });
    expect(accountNotice({ kind: 'loaded', account: account({ lastReadingAt: null }) }, now).lastReading).toBe('No readings yet');
  });

  it('asks for a new sign-in when ThermoWorks revoked access', () => {
    const notice = accountNotice({ kind: 'loaded', account: account({ status: 'relink-needed', statusMessage: 'token revoked' }) }, now);
    expect(notice.banner).toEqual({ kind: 'relink', text: RELINK_TEXT });
    expect(RELINK_TEXT).toBe(
      'ThermoWorks asked us to sign in again — sign out and sign in with your ThermoWorks password to resume polling',
    );
  });

  it("says when ThermoWorks can't be reached, with the reason", () => {
    const failing = (statusMessage: string | null) =>
      accountNotice({ kind: 'loaded', account: account({ status: 'failing', statusMessage, lastReadingAt: '2026-03-01T09:00:00.000Z' }) }, now);
    expect(failing('ThermoWorks answered 503')).toEqual({
      banner: { kind: 'failing', text: "Can't reach ThermoWorks right now: ThermoWorks answered 503. Retrying…" },
      lastReading: 'Last reading 3 h ago',
    });
    expect(failing('Timed out.').banner?.text).toBe("Can't reach ThermoWorks right now: Timed out. Retrying…");
    expect(failing(null).banner?.text).toBe("Can't reach ThermoWorks right now. Retrying…");
  });

  it('treats an unlinked account like a revoked one, and says nothing before the first answer', () => {
    expect(accountNotice({ kind: 'unlinked' }, now)).toEqual({ banner: { kind: 'relink', text: RELINK_TEXT }, lastReading: null });
    expect(accountNotice({ kind: 'unknown' }, now)).toEqual({ banner: null, lastReading: null });
  });

  it('shows the newer of the account’s last reading and the newest reading on screen', () => {
    const loaded = { kind: 'loaded', account: account() } as const; // 11:55
    expect(accountNotice(loaded, now, '2026-03-01T11:59:50.000Z').lastReading).toBe('Last reading just now');
    expect(accountNotice(loaded, now, '2026-03-01T10:00:00.000Z').lastReading).toBe('Last reading 5 min ago');
    // Signing in resets the account's lastReadingAt; live readings already prove data is flowing.
    const reset = { kind: 'loaded', account: account({ lastReadingAt: null }) } as const;
    expect(accountNotice(reset, now, '2026-03-01T11:58:00.000Z').lastReading).toBe('Last reading 2 min ago');
    expect(accountNotice({ kind: 'unknown' }, now, '2026-03-01T11:58:00.000Z')).toEqual({ banner: null, lastReading: 'Last reading 2 min ago' });
  });
});

describe('newestReadingAt', () => {
  const device = (ats: Array<string | null>): DeviceView => ({
    serial: 'S',
    label: 'L',
    kind: 'signals',
    battery: null,
    wifiDbm: null,
    online: true,
    lastSeen: null,
    channels: ats.map((at, i) => ({ number: String(i + 1), label: 'C', value: 1, units: 'F', status: 'normal', probeConnected: true, at })),
  });

  it('finds the newest channel reading across devices, by instant', () => {
    expect(
      newestReadingAt([device(['2026-03-01T10:00:00.000Z', null]), device(['2026-03-01T11:10:00+01:00', '2026-03-01T10:20:00.000Z'])]),
    ).toBe('2026-03-01T10:20:00.000Z');
    expect(newestReadingAt([device([null, 'garbage'])])).toBeNull();
    expect(newestReadingAt(null)).toBeNull();
  });
});
