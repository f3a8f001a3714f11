/**
 * The once-a-minute dispatcher: one queue message per linked account, spread with SQS delays so that accounts
 * with something happening (new readings in the last few minutes, i.e. a device transmitting or a cook going) are
 * polled every `activeIntervalSeconds`, and idle ones every `idleEveryMinutes` (staggered by user); see poll-cadence.ts.
 * EventBridge cannot fire more often than once a minute; delayed messages give sub-minute polls without a Lambda
 * sleeping between them.
 */
import { createHash } from 'node:crypto';
import type { AccountStore, LinkedAccount } from '../auth/account-store';
import type { Clock } from '../clock';
import { pollCadence, type PollCadence } from './poll-cadence';
import type { PollQueue, ScheduledPoll } from './poll-request';

export interface DispatchSummary {
  accounts: number;
  active: number;
  skipped: number;
  messages: number;
  failed: number;
}

function staggerMinute(userId: string, every: number): number {
  return createHash('sha256').update(userId).digest().readUInt32BE(0) % every;
}

/** Real dispatcher minutes an account stays active after news, whatever the clock's scale (see idleAfterMs). */
const ACTIVE_FOR_AT_LEAST_RUNS = 2;

/**
 * How long without news makes an account idle, in the stored timestamps' (simulated) time: `idleAfterMinutes`, but
 * never less than two of the dispatcher's real minutes. Under --time-scale n those minutes are n simulated minutes
 * apart: at 60× a 30-minute threshold is half a real minute, so an account that missed one run's news (an outage, a
 * restart) turned idle, and its idle poll's news was already an hour old at the next run: idle for good, polled
 * every 5 real minutes (5 simulated hours).
 */
export function idleAfterMs(cadence: PollCadence, clockScale: number): number {
  return Math.max(cadence.idleAfterMinutes * 60_000, ACTIVE_FOR_AT_LEAST_RUNS * 60_000 * clockScale);
}

/**
 * @param now what time it is for the stored timestamps (is the account active?).
 * @param scheduleAt the dispatcher's own, real time: EventBridge's minute and SQS's delays run on it, so the idle
 *   stagger and `dueAt` do too. The same instant as `now` in AWS; under the local stack's --time-scale `now` runs ahead.
 * @param clockScale simulated seconds per real second (`now` against `scheduleAt`): 1 in AWS.
 */
export function schedulePolls(link: LinkedAccount, now: Date, cadence: PollCadence, scheduleAt: Date = now, clockScale = 1): ScheduledPoll[] {
  if (link.status === 'relink-needed') return []; // only the user can fix it; polling would fail again
  const lastNews = link.lastReadingAt ? new Date(link.lastReadingAt).getTime() : new Date(link.linkedAt).getTime();
  const active = now.getTime() - lastNews < idleAfterMs(cadence, clockScale);
  const runMs = scheduleAt.getTime();
  if (!active) {
    const minute = Math.floor(runMs / 60_000);
    if (minute % cadence.idleEveryMinutes !== staggerMinute(link.userId, cadence.idleEveryMinutes)) return [];
    return [{ request: { userId: link.userId, dueAt: scheduleAt.toISOString() }, delaySeconds: 0 }];
  }
  const polls: ScheduledPoll[] = [];
  for (let offset = 0; offset < 60; offset += cadence.activeIntervalSeconds) {
    polls.push({ request: { userId: link.userId, dueAt: new Date(runMs + offset * 1000).toISOString() }, delaySeconds: offset });
  }
  return polls;
}

export async function dispatchPolls(
  /**
   * `schedule`: the dispatcher's real time, when `clock` is simulated (see schedulePolls); `clock` by default.
   * `clockScale`: how much faster `clock` runs than `schedule` (1 by default).
   */
  deps: { accounts: AccountStore; queue: PollQueue; clock: Clock; schedule?: Clock; clockScale?: number },
  cadence: PollCadence = pollCadence,
): Promise<DispatchSummary> {
  const now = deps.clock.now();
  const scheduleAt = deps.schedule?.now() ?? now;
  const summary: DispatchSummary = { accounts: 0, active: 0, skipped: 0, messages: 0, failed: 0 };
  // A page at a time, never all links at once; the next page is read while this one's polls are being queued.
  let page = await deps.accounts.listLinks(undefined);
  for (;;) {
    const polls: ScheduledPoll[] = [];
    for (const link of page.links) {
      summary.accounts++;
      const scheduled = schedulePolls(link, now, cadence, scheduleAt, deps.clockScale ?? 1);
      if (scheduled.length === 0) summary.skipped++;
      if (scheduled.length > 1) summary.active++;
      polls.push(...scheduled);
    }
    const next = page.cursor ? deps.accounts.listLinks(page.cursor) : undefined;
    const [result] = await Promise.all([deps.queue.send(polls), next]);
    summary.messages += result.sent;
    summary.failed += result.failed;
    if (!next) return summary;
    page = await next;
  }
}
