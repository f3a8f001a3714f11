import { describe, expect, it } from 'vitest';
import type { AlarmEvent } from './alarm-event';
import { eventState, needsEscalation } from './alarm-event';
import { decideRound, nextRound } from './escalation';
import { planDeliveries } from './plan-deliveries';
import { inQuietHours } from './quiet-hours';

const night = { start: '22:00', end: '07:00', timeZone: 'America/Chicago' };

describe('quiet hours', () => {
  it('span midnight in the channel’s time zone', () => {
    // 03:00 UTC is 21:00 in Chicago (CST, UTC-6), 04:30 UTC is 22:30, 13:00 UTC is 07:00.
    expect(inQuietHours(night, new Date('2026-11-20T03:00:00Z'))).toBe(false);
    expect(inQuietHours(night, new Date('2026-11-20T04:30:00Z'))).toBe(true);
    expect(inQuietHours(night, new Date('2026-11-20T12:59:00Z'))).toBe(true);
    expect(inQuietHours(night, new Date('2026-11-20T13:00:00Z'))).toBe(false);
  });

  it('a daytime window, and none', () => {
    const lunch = { start: '12:00', end: '13:00', timeZone: 'UTC' };
    expect(inQuietHours(lunch, new Date('2026-11-20T12:30:00Z'))).toBe(true);
    expect(inQuietHours(lunch, new Date('2026-11-20T13:30:00Z'))).toBe(false);
    expect(inQuietHours(null, new Date('2026-11-20T12:30:00Z'))).toBe(false);
  });
});

describe('planDeliveries', () => {
  const channels = [
    { channelId: 'push', status: 'active' as const, quietHours: night },
    { channelId: 'hook', status: 'active' as const, quietHours: null },
    { channelId: 'off', status: 'disabled' as const, quietHours: null },
    { channelId: 'unconfirmed', status: 'pending-verification' as const, quietHours: null },
  ];
  const at2am = new Date('2026-11-20T08:00:00Z');

  it('skips channels in quiet hours, disabled and deleted ones', () => {
    expect(planDeliveries({ notify: ['push', 'hook', 'off', 'gone', 'hook'], urgent: false }, channels, at2am)).toEqual([
      { channelId: 'push', action: 'skip', status: 'quiet-hours' },
      { channelId: 'hook', action: 'send' },
      { channelId: 'off', action: 'skip', status: 'channel-disabled' },
      { channelId: 'gone', action: 'skip', status: 'channel-missing' },
    ]);
  });

  it('an email address not yet confirmed gets no alarm, urgent or not', () => {
    expect(planDeliveries({ notify: ['unconfirmed'], urgent: true }, channels, at2am)).toEqual([{ channelId: 'unconfirmed', action: 'skip', status: 'channel-unverified' }]);
  });

  it('urgent alarms ring through quiet hours', () => {
    expect(planDeliveries({ notify: ['push'], urgent: true }, channels, at2am)).toEqual([{ channelId: 'push', action: 'send' }]);
  });
});

describe('escalation', () => {
  const event = (over: Partial<AlarmEvent> = {}) => ({ urgent: true, acknowledgedAt: null, resolvedAt: null, escalationRound: 0, escalateEveryMinutes: 5, ...over });
  const now = new Date('2026-11-20T08:00:00Z');

  it('an unacknowledged urgent alarm repeats every N minutes', () => {
    expect(nextRound(event(), 0)).toEqual({ round: 1, delaySeconds: 300 });
    expect(decideRound(event({ escalationRound: 1 }), 1, null, now)).toEqual({ action: 'deliver' });
    expect(nextRound(event({ escalateEveryMinutes: 15 }), 3)).toEqual({ round: 4, delaySeconds: 900 });
  });

  it('acknowledgement or resolution stops it; a non-urgent alarm never repeats; 24 rounds at most', () => {
    expect(decideRound(event({ acknowledgedAt: '2026-11-20T07:58:00Z' }), 1, null, now)).toEqual({ action: 'drop', reason: 'acknowledged' });
    expect(decideRound(event({ resolvedAt: '2026-11-20T07:58:00Z' }), 2, null, now)).toEqual({ action: 'drop', reason: 'resolved' });
    expect(nextRound(event({ acknowledgedAt: '2026-11-20T07:58:00Z' }), 1)).toBeNull();
    expect(nextRound(event({ urgent: false }), 0)).toBeNull();
    expect(decideRound(event({ urgent: false }), 1, null, now)).toEqual({ action: 'drop', reason: 'not-urgent' });
    expect(nextRound(event(), 24)).toBeNull();
    expect(decideRound(event({ escalationRound: 25 }), 25, null, now)).toEqual({ action: 'drop', reason: 'exhausted' });
  });

  it('a round superseded by a later one is dropped; the first notification always goes', () => {
    expect(decideRound(event({ escalationRound: 3 }), 2, null, now)).toEqual({ action: 'drop', reason: 'stale' });
    expect(decideRound(event({ acknowledgedAt: '2026-11-20T07:58:00Z' }), 0, null, now)).toEqual({ action: 'deliver' });
  });

  it('a snoozed rule puts the round off until the snooze ends', () => {
    expect(decideRound(event({ escalationRound: 1 }), 1, '2026-11-20T08:10:00Z', now)).toEqual({ action: 'postpone', delaySeconds: 600 });
  });

  it('event state is the furthest it got', () => {
    const base = { deliveredAt: null, acknowledgedAt: null, resolvedAt: null };
    expect(eventState(base)).toBe('fired');
    expect(eventState({ ...base, deliveredAt: 'x' })).toBe('delivered');
    expect(eventState({ ...base, deliveredAt: 'x', acknowledgedAt: 'y' })).toBe('acknowledged');
    expect(eventState({ ...base, resolvedAt: 'z' })).toBe('resolved');
    expect(needsEscalation({ urgent: true, acknowledgedAt: null, resolvedAt: 'z' })).toBe(false);
  });
});
