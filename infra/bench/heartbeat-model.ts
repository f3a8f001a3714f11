/**
 * The browser's heartbeat as the cost benches price it: the web app (web/src/live/liveConnection.ts) pings every
 * 1.5 s while its page is visible, so a dead socket shows within 5 s, and every 25 s while hidden; API Gateway's
 * `ping` route answers each with a pong itself (shared/live/heartbeat-route.ts), so a ping costs two messages and an
 * access-log line, and no Lambda. How much of a cook its page is visible is assumed, not measured.
 */
import { HIDDEN_PING_INTERVAL_MS, PING_INTERVAL_MS } from '../../web/src/live/liveConnection';

export { PING_INTERVAL_MS };

/** One line of the WebSocket stage's access log (its JSON format in live-updates.ts): every ping writes one. */
export const WS_ACCESS_LOG_LINE_BYTES = 330;

/** Share of the time a cook's page is open that it is visible (screen on, tab in front): an assumption. */
export const PAGE_VISIBLE_SHARE = 0.25;

/** Pings per hour of an open page that is visible `visibleShare` of the time. */
export function pingsPerHour(visibleShare: number = PAGE_VISIBLE_SHARE): number {
  return 3_600_000 * (visibleShare / PING_INTERVAL_MS + (1 - visibleShare) / HIDDEN_PING_INTERVAL_MS);
}
