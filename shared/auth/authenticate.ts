import type { Clock } from '../clock';
import { UnauthorizedError } from '../errors';
import { hashToken } from '../ids';
import type { AuthSession, SessionStore } from './session-store';

/** Resolves a session token to its session. DynamoDB's TTL deletes lazily, so expiry is checked here too. */
export async function authenticate(token: string, sessions: SessionStore, clock: Clock): Promise<AuthSession> {
  const session = await sessions.get(hashToken(token));
  if (!session || new Date(session.expiresAt).getTime() <= clock.now().getTime()) {
    throw new UnauthorizedError('Your session has ended. Sign in again.');
  }
  return session;
}
