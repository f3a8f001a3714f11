/**
 * What a poll records on the link (`GET /account`): ok, failing (ThermoWorks errors; polling goes on) or relink-needed
 * (only the user can fix it by signing in again). Decided by the error's type, never by an HTTP status.
 */
import type { LinkedAccount, LinkStatus } from '../auth/account-store';
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

/** `lastPolledAt` on a healthy, quiet link is refreshed this often, not on every poll. */
const LINK_HEARTBEAT_MS = 15 * 60_000;

export function linkNeedsUpdate(link: LinkedAccount, foundReadings: boolean, now: Date): boolean {
  if (foundReadings || link.status !== 'ok') return true;
  return link.lastPolledAt === null || now.getTime() - new Date(link.lastPolledAt).getTime() >= LINK_HEARTBEAT_MS;
}
