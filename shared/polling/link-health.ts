/**
 * What a poll records on the link (`GET /account`): ok, failing (ThermoWorks errors; polling goes on) or relink-needed
 * (only the user can fix it by signing in again). Decided by the error's type, never by an HTTP status.
 */
import type { LinkedAccount, LinkStatus, LinkStatusUpdate } from '../auth/account-store';
import type { PitwatchError } from '../errors';
import { AccountDisabledError, InvalidCredentialsError, ReauthRequiredError, ThermoWorksPermissionDeniedError } from '../thermoworks/errors';

/** ThermoWorks refused the stored credential or the account itself: polling again would fail the same way. */
export function failureStatus(error: PitwatchError): Exclude<LinkStatus, 'ok'> {
  const needsRelink =
    error instanceof ReauthRequiredError ||
    error instanceof InvalidCredentialsError ||
    error instanceof AccountDisabledError ||
    error instanceof ThermoWorksPermissionDeniedError;
  return needsRelink ? 'relink-needed' : 'failing';
}

/** `lastPolledAt` on a healthy link is refreshed this often, not on every poll. */
const LINK_HEARTBEAT_MS = 15 * 60_000;
/**
 * `lastReadingAt` tells the dispatcher active accounts from idle ones (idle after 30 minutes without news): moving it
 * every 5 minutes is plenty, and spares a write per poll while a cook is on.
 */
const LAST_READING_RESOLUTION_MS = 5 * 60_000;

const olderThan = (iso: string | null, ms: number, now: Date) => iso === null || now.getTime() - new Date(iso).getTime() >= ms;

/** What a successful poll records on the link, or undefined when the stored link is still true enough. */
export function successUpdate(link: LinkedAccount, foundReadings: boolean, now: Date): LinkStatusUpdate | undefined {
  const readingNews = foundReadings && olderThan(link.lastReadingAt, LAST_READING_RESOLUTION_MS, now);
  if (link.status === 'ok' && !readingNews && !olderThan(link.lastPolledAt, LINK_HEARTBEAT_MS, now)) return undefined;
  return { status: 'ok', statusMessage: null, polledAt: now.toISOString(), ...(foundReadings ? { lastReadingAt: now.toISOString() } : {}) };
}
