/**
 * Share links: a cook's owner hands out `{web}/share/{token}`; whoever holds it sees that one cook (probes,
 * readings, predictions, events) and its live readings, and nothing else of the account. Tokens are 256 random bits
 * (`pws_…`), stored only as their SHA-256; a share ends when it expires or is revoked, and its sockets close then.
 */
import { randomBytes } from 'node:crypto';
import type { SharedCook } from '../api/cook-schemas';
import type { Principal } from '../auth/principal';
import type { CredentialKindResolver } from '../auth/credential-resolver';
import type { Clock } from '../clock';
import { cookChartReadings } from '../cooks/cook-series';
import { requireCook } from '../cooks/manage-cook';
import type { CookStore } from '../cooks/cook-store';
import { cookDetail } from '../cooks/cook-views';
import { NotFoundError } from '../errors';
import { hashToken, type IdGenerator } from '../ids';
import { closeLiveConnections } from '../live/live-connections';
import type { ReadingStore } from '../readings/reading';
import { scheduleShareExpiry, type ShareExpiryDependencies } from './share-expiry';
import type { ShareLink, ShareStore } from './share-store';
import { predictionForShare } from './share-redaction';
import { isLive, SHARE_TOKEN_PREFIX } from './share-credentials';
import type { LiveSockets } from '../live/live-connections';

/** 32 random bytes: 256 bits, well past the 128 the issue asks for. */
export function newShareToken(): string {
  return `${SHARE_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export interface ShareDependencies {
  shares: ShareStore;
  cooks: CookStore;
  clock: Clock;
  ids: IdGenerator;
  /** The website's origin: links are `{webUrl}/share/{token}`. */
  webUrl: string;
  /** Where the share waits for its expiry, so that its sockets close then (share-expiry.ts). */
  expiries: ShareExpiryDependencies;
}

export async function createShare(
  principal: Pick<Principal, 'accountId' | 'userId'>,
  cookId: string,
  expiresInHours: number,
  deps: ShareDependencies,
  token: string = newShareToken(),
): Promise<{ shareId: string; url: string; expiresAt: string }> {
  const { record } = await requireCook(principal.accountId, cookId, deps.cooks);
  const now = deps.clock.now();
  const share: ShareLink = {
    shareId: deps.ids.id(),
    tokenHash: hashToken(token),
    cookId,
    serial: record.serial,
    accountId: principal.accountId,
    userId: principal.userId,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + expiresInHours * 3_600_000).toISOString(),
  };
  await deps.shares.put(share);
  // Before the token is handed out: a share whose expiry could not be queued is never seen by anyone.
  await scheduleShareExpiry(share, deps.expiries);
  return { shareId: share.shareId, url: `${deps.webUrl}/share/${token}`, expiresAt: share.expiresAt };
}


export async function listShares(accountId: string, cookId: string, deps: Pick<ShareDependencies, 'shares' | 'cooks' | 'clock'>) {
  await requireCook(accountId, cookId, deps.cooks);
  const now = deps.clock.now();
  const shares = (await deps.shares.listForCook(cookId)).filter((s) => s.accountId === accountId && isLive(s, now));
  return { shares: shares.map((s) => ({ shareId: s.shareId, createdAt: s.createdAt, expiresAt: s.expiresAt })) };
}

/** Revokes one share: the link answers 404 from now on and its sockets get `session-ended` and close at once. */
export async function revokeShare(
  accountId: string,
  cookId: string,
  shareId: string,
  deps: Pick<ShareDependencies, 'shares' | 'cooks'> & { live: LiveSockets },
): Promise<void> {
  await requireCook(accountId, cookId, deps.cooks);
  const share = (await deps.shares.listForCook(cookId)).find((s) => s.shareId === shareId && s.accountId === accountId);
  if (!share) throw new NotFoundError(`No share ${shareId} on this cook.`);
  await deps.shares.delete(share.tokenHash);
  await closeLiveConnections(accountId, (c) => c.credentialKind === 'share' && c.credentialId === shareId, 'revoked', deps.live);
}

/** Every share of a cook goes (the cook was deleted); their sockets close. */
export async function revokeAllShares(accountId: string, cookId: string, deps: Pick<ShareDependencies, 'shares'> & { live: LiveSockets }): Promise<number> {
  const shares = (await deps.shares.listForCook(cookId)).filter((s) => s.accountId === accountId);
  await Promise.all(shares.map((s) => deps.shares.delete(s.tokenHash)));
  const ids = new Set(shares.map((s) => s.shareId));
  if (ids.size > 0) await closeLiveConnections(accountId, (c) => c.credentialKind === 'share' && ids.has(c.credentialId), 'revoked', deps.live);
  return shares.length;
}

/** The share principal kind of the one authentication step: `pws_` tokens. Read-only, one cook. */
/** What `GET /share/{token}` shows: that cook, its readings, predictions and events; nothing of the account. */
export async function sharedCook(
  token: string,
  maxPoints: number,
  deps: { credentials: CredentialKindResolver; cooks: CookStore; readings: ReadingStore; clock: Clock },
): Promise<SharedCook> {
  const principal = await deps.credentials.resolve(token, { sourceIp: '', userAgent: null });
  const gone = new NotFoundError('This share link has expired or was revoked.');
  if (!principal?.cookId) throw gone;
  const { record, active } = await requireCook(principal.accountId, principal.cookId, deps.cooks).catch(() => {
    throw gone;
  });
  const detail = cookDetail(record, active);
  const readings = await cookChartReadings({ ...record, probes: active?.probes ?? record.probes }, maxPoints, { readings: deps.readings, now: deps.clock.now() });
  return {
    cook: {
      serial: record.serial,
      name: record.name,
      status: record.status,
      startedAt: record.startedAt,
      endedAt: record.endedAt,
      pitChannel: detail.pitChannel,
      probes: detail.probes.map((p) => ({ channel: p.channel, label: p.label, targetF: p.targetF, units: p.units })),
      predictions: detail.predictions.map(predictionForShare),
      alerts: detail.alerts,
      events: detail.events,
    },
    readings,
    expiresAt: principal.expiresAt ?? '',
  };
}
