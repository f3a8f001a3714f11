import { describe, expect, it } from 'vitest';
import type { AccountStore, LinkedAccount } from '../auth/account-store';
import { ManualClock } from '../clock';
import { dispatchPolls, idleAfterMs, schedulePolls } from './dispatch-polls';
import { pollCadence } from './poll-cadence';
import type { PollQueue, ScheduledPoll } from './poll-request';

const NOW = new Date('2026-11-01T12:00:00.000Z');
const link = (over: Partial<LinkedAccount> = {}): LinkedAccount => ({
  userId: 'u1',
  accountId: 'a1',
  email: 'e@x.co',
  sealedRefreshToken: { v: 1, keyId: 'k', encryptedDataKey: 'e', iv: 'i', ciphertext: 'c', tag: 't' },
  status: 'ok',
  statusMessage: null,
  linkedAt: '2026-10-01T00:00:00.000Z',
  lastPolledAt: null,
  lastReadingAt: '2026-11-01T11:59:00.000Z',
  ...over,
});

describe('schedulePolls', () => {
  it('polls an active account every 15 s across the minute, by SQS delays', () => {
    const polls = schedulePolls(link(), NOW, pollCadence);
    expect(polls.map((p) => p.delaySeconds)).toEqual([0, 15, 30, 45]);
    expect(polls.map((p) => p.request.dueAt)).toEqual(['2026-11-01T12:00:00.000Z', '2026-11-01T12:00:15.000Z', '2026-11-01T12:00:30.000Z', '2026-11-01T12:00:45.000Z']);
  });

  it('polls an idle account once every 5 minutes, on a minute of its own', () => {
    const idle = link({ lastReadingAt: '2026-11-01T10:00:00.000Z' });
    const minutes = Array.from({ length: 10 }, (_, m) => schedulePolls(idle, new Date(NOW.getTime() + m * 60_000), pollCadence).length);
    expect(minutes.reduce((a, b) => a + b, 0)).toBe(2);
    expect(minutes.every((n) => n <= 1)).toBe(true);
  });

  it('under a simulated clock: active or idle by simulated time, idle stagger and dueAt by the dispatcher\'s real minute', () => {
    // At 30×, the dispatcher's real minutes are 30 simulated minutes apart: by the simulated minute an idle account
    // would land on the same stagger residue every run (always or never polled).
    const idle = link({ lastReadingAt: '2026-11-01T10:00:00.000Z' });
    const runs = Array.from({ length: 10 }, (_, m) => {
      const realAt = new Date(NOW.getTime() + m * 60_000);
      const simulatedAt = new Date(NOW.getTime() + m * 30 * 60_000);
      return schedulePolls(idle, simulatedAt, pollCadence, realAt);
    });
    expect(runs.map((r) => r.length).reduce((a, b) => a + b, 0)).toBe(2);
    // Read at a simulated now 45 min ahead of its real one, a reading 20 simulated minutes old is still news…
    const realAt = NOW;
    const simulatedAt = new Date(NOW.getTime() + 45 * 60_000);
    const active = schedulePolls(link({ lastReadingAt: '2026-11-01T12:25:00.000Z' }), simulatedAt, pollCadence, realAt);
    expect(active.map((p) => p.request.dueAt)).toEqual(['2026-11-01T12:00:00.000Z', '2026-11-01T12:00:15.000Z', '2026-11-01T12:00:30.000Z', '2026-11-01T12:00:45.000Z']);
    // …and one 40 simulated minutes old is not, though it is "in the future" of the real clock.
    const quiet = schedulePolls(link({ userId: 'u-quiet', lastReadingAt: '2026-11-01T12:05:00.000Z' }), simulatedAt, pollCadence, realAt);
    expect(quiet.length).toBeLessThanOrEqual(1);
  });

  it('under --time-scale 60: news from the poll one real minute ago keeps the account active (an outage does not make it idle for good)', () => {
    // At 60× the dispatcher's real minutes are 60 simulated minutes apart, twice the 30-minute idle threshold: an
    // account that missed one run's news turned idle, and the news its idle poll found was an hour old at the next run.
    const scale = 60;
    const realAt = NOW;
    const simulatedAt = new Date('2026-11-01T20:00:00.000Z');
    const ago = (simulatedMinutes: number) => new Date(simulatedAt.getTime() - simulatedMinutes * 60_000).toISOString();
    const afterIdlePoll = schedulePolls(link({ lastReadingAt: ago(60) }), simulatedAt, pollCadence, realAt, scale);
    expect(afterIdlePoll.map((p) => p.delaySeconds)).toEqual([0, 15, 30, 45]);
    // Three real minutes (three runs) without news: idle, polled on its stagger minute at most.
    expect(schedulePolls(link({ lastReadingAt: ago(180) }), simulatedAt, pollCadence, realAt, scale).length).toBeLessThanOrEqual(1);
    // In AWS (scale 1) the threshold stays 30 minutes.
    expect(idleAfterMs(pollCadence, 1)).toBe(30 * 60_000);
    expect(schedulePolls(link({ lastReadingAt: ago(31) }), simulatedAt, pollCadence).length).toBeLessThanOrEqual(1);
  });

  it('treats a freshly linked account as active and never polls one that needs re-linking', () => {
    expect(schedulePolls(link({ lastReadingAt: null, linkedAt: '2026-11-01T11:58:00.000Z' }), NOW, pollCadence)).toHaveLength(4);
    expect(schedulePolls(link({ status: 'relink-needed' }), NOW, pollCadence)).toEqual([]);
  });
});

describe('dispatchPolls', () => {
  it('queues every page of links and reports what SQS refused', async () => {
    const pages = [[link({ userId: 'u1' }), link({ userId: 'u2' })], [link({ userId: 'u3', status: 'relink-needed' })]];
    const accounts: AccountStore = {
      putLink: async () => undefined,
      getLink: async () => undefined,
      getLinks: async () => new Map(),
      updateLinkStatus: async () => undefined,
      listLinks: async (cursor) => ({ links: pages[Number(cursor ?? 0)]!, cursor: cursor ? undefined : '1' }),
    };
    const sent: ScheduledPoll[] = [];
    const queue: PollQueue = { send: async (polls) => (sent.push(...polls), { sent: Math.max(0, polls.length - 1), failed: Math.min(1, polls.length) }) };
    const summary = await dispatchPolls({ accounts, queue, clock: new ManualClock(NOW) });
    expect(summary).toEqual({ accounts: 3, active: 2, skipped: 1, messages: 7, failed: 1 });
    expect(new Set(sent.map((p) => p.request.userId))).toEqual(new Set(['u1', 'u2']));
  });

  it('judges activity with the clock scale it is given (the local stack under --time-scale)', async () => {
    const accounts: AccountStore = {
      putLink: async () => undefined,
      getLink: async () => undefined,
      getLinks: async () => new Map(),
      updateLinkStatus: async () => undefined,
      listLinks: async () => ({ links: [link({ userId: 'u-scaled', lastReadingAt: '2026-11-01T11:00:00.000Z' })], cursor: undefined }),
    };
    const sent: ScheduledPoll[] = [];
    const queue: PollQueue = { send: async (polls) => (sent.push(...polls), { sent: polls.length, failed: 0 }) };
    const summary = await dispatchPolls({ accounts, queue, clock: new ManualClock(NOW), schedule: new ManualClock(NOW), clockScale: 60 });
    expect(summary.active).toBe(1);
    expect(sent).toHaveLength(4);
  });
});
