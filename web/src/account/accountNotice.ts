/**
 * What the page says about the linked ThermoWorks account (GET /account): a banner when polling has stopped
 * (ThermoWorks wants the password again) or keeps failing, and a discreet "Last reading 2 min ago". Pure.
 */
import type { AccountStatus, DeviceView } from '../../../shared/api/schemas';
import type { ClockOptions } from '../cooks/predictionFormat';
import { formatAgo } from '../devices/format';
import { isOlder } from '../live/mergeReading';

/** The account as the page knows it: loaded, not linked at all (GET /account said 404), or not known yet. */
export type AccountKnowledge = { kind: 'loaded'; account: AccountStatus } | { kind: 'unlinked' } | { kind: 'unknown' };

export type AccountBanner = { kind: 'relink'; text: string } | { kind: 'failing'; text: string };

export interface AccountNotice {
  banner: AccountBanner | null;
  /** "Last reading 2 min ago"; null while the account is not known. */
  lastReading: string | null;
}

export const RELINK_TEXT =
  'ThermoWorks asked us to sign in again — sign out and sign in with your ThermoWorks password to resume polling';

/**
 * @param seenReadingAt the newest reading already on screen (live readings arrive between two GET /account, and
 *   signing in resets the account's own `lastReadingAt` until the next poll): the newer of the two is shown.
 */
export function accountNotice(knowledge: AccountKnowledge, nowMs: number, seenReadingAt: string | null = null, clock: ClockOptions = {}): AccountNotice {
  const accountReadingAt = knowledge.kind === 'loaded' ? knowledge.account.lastReadingAt : null;
  const newest = isOlder(accountReadingAt, seenReadingAt) ? seenReadingAt : accountReadingAt;
  const lastReading =
    newest !== null ? `Last reading ${formatAgo(newest, nowMs, clock)}` : knowledge.kind === 'loaded' ? 'No readings yet' : null;

  if (knowledge.kind === 'unknown') return { banner: null, lastReading };
  // No link at all is mended the same way: signing in links the account again.
  if (knowledge.kind === 'unlinked') return { banner: { kind: 'relink', text: RELINK_TEXT }, lastReading };

  const { account } = knowledge;
  switch (account.status) {
    case 'ok':
      return { banner: null, lastReading };
    case 'relink-needed':
      return { banner: { kind: 'relink', text: RELINK_TEXT }, lastReading };
    case 'failing':
      return { banner: { kind: 'failing', text: failingText(account.statusMessage) }, lastReading };
  }
}

function failingText(statusMessage: string | null): string {
  const detail = statusMessage?.trim().replace(/[.\s]+$/, '') ?? '';
  return detail === '' ? "Can't reach ThermoWorks right now. Retrying…" : `Can't reach ThermoWorks right now: ${detail}. Retrying…`;
}

/** The newest probe reading among the devices on screen (ISO), or null when there is none. */
export function newestReadingAt(devices: readonly DeviceView[] | null): string | null {
  let newest: string | null = null;
  for (const device of devices ?? []) {
    for (const channel of device.channels) {
      if (channel.at !== null && !Number.isNaN(Date.parse(channel.at)) && isOlder(newest, channel.at)) newest = channel.at;
    }
  }
  return newest;
}
