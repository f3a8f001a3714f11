/**
 * The share link as a credential: the authentication step resolves a `pws_…` token to a read-only principal for
 * that one cook while the share is live. Apart from share-links.ts (making, listing and showing shares) because every
 * function's authentication needs this and none of that: the poll worker's bundle, for one, carried the cook
 * management code through it.
 */
import type { CredentialKindResolver } from '../auth/credential-resolver';
import type { Clock } from '../clock';
import { hashToken } from '../ids';
import type { ShareLink, ShareStore } from './share-store';

export const SHARE_TOKEN_PREFIX = 'pws_';

export const isLive = (share: ShareLink, now: Date) => Date.parse(share.expiresAt) > now.getTime();

export function shareCredentials(deps: { shares: ShareStore; clock: Clock }): CredentialKindResolver {
  return {
    matches: (credential) => credential.startsWith(SHARE_TOKEN_PREFIX),
    async resolve(credential) {
      const share = await deps.shares.getByTokenHash(hashToken(credential));
      if (!share || !isLive(share, deps.clock.now())) return undefined;
      return {
        kind: 'share',
        userId: share.userId,
        accountId: share.accountId,
        email: '',
        scopes: ['read'],
        credentialId: share.shareId,
        expiresAt: share.expiresAt,
        cookId: share.cookId,
        serial: share.serial,
      };
    },
  };
}
