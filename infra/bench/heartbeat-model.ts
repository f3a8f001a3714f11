/**
 * The browser's heartbeat as the cost benches price it: the web app (web/src/live/liveConnection.ts) pings every
 * 1.5 s while its page is visible, so a dead socket shows within 5 s, and every 25 s while hidden; the $default
 * route answers each ping with a pong. How much of a cook its page is visible is assumed, not measured.
 */
import { HIDDEN_PING_INTERVAL_MS, PING_INTERVAL_MS } from '../../web/src/live/liveConnection';

/** Share of the time a cook's page is open that it is visible (screen on, tab in front): an assumption. */
export const PAGE_VISIBLE_SHARE = 0.25;

/** Pings per hour of an open page that is visible `visibleShare` of the time. */
export function pingsPerHour(visibleShare: number = PAGE_VISIBLE_SHARE): number {
  return 3_600_000 * (visibleShare / PING_INTERVAL_MS + (1 - visibleShare) / HIDDEN_PING_INTERVAL_MS);
}
