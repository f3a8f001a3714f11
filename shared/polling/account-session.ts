/**
 * The poll's first step: a ThermoWorks session for the linked account, from the warm worker's cache or opened from
 * the sealed refresh token (one vault decrypt, audited).
 */
import type { LinkedAccount } from '../auth/account-store';
import type { ThermoWorksAccountSession } from '../thermoworks/port';
import type { PollDependencies } from './poll-dependencies';

export async function accountSession(link: LinkedAccount, deps: PollDependencies): Promise<ThermoWorksAccountSession> {
  const cached = deps.sessionCache.get(link.userId);
  if (cached) return cached;
  const refreshToken = await deps.vault.open(link.sealedRefreshToken, link.userId, 'poll');
  const session = deps.thermoworks.session({ refreshToken, uid: link.userId }, async (tokens) => {
    // Firebase may rotate the refresh token: keep the newest, sealed, or the next cold start would use a dead one.
    if (tokens.refreshToken !== refreshToken) {
      await deps.accounts.putLink({ ...link, sealedRefreshToken: await deps.vault.reseal(link.sealedRefreshToken, tokens.refreshToken, link.userId) });
    }
  });
  deps.sessionCache.set(link.userId, session);
  return session;
}

/** After a failure that may mean the session is unusable, the next poll opens a fresh one. */
export function dropAccountSession(link: LinkedAccount, deps: PollDependencies): void {
  deps.sessionCache.delete(link.userId);
}
