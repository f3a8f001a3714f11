/**
 * Pitwatch sessions: issued at sign-in, resolved on every request (sliding expiry), listed and revoked by their
 * owner. Revoking a session closes the WebSockets it opened, at once.
 */
import type { SessionView } from '../api/auth-schemas';
import type { Clock } from '../clock';
import { NotFoundError } from '../errors';
import { hashToken, type IdGenerator } from '../ids';
import type { ConnectionStore } from '../live/connection-store';
import { closeLiveConnections, type SessionEndedReason } from '../live/live-connections';
import type { Pusher } from '../live/pusher';
import type { Principal, RequestOrigin } from './principal';
import { coarseIp } from './coarse-ip';
import { sessionIsLive, slidExpiry, type SessionPolicy } from './session-policy';
import type { AuthSession, SessionStore } from './session-store';

/** What closing a session's sockets takes. */
export interface SocketCloser {
  connections: ConnectionStore;
  pusher: Pusher;
}

export interface SessionDependencies {
  sessions: SessionStore;
  clock: Clock;
  policy: SessionPolicy;
}

const MAX_USER_AGENT_CHARS = 200;

/**
 * A new session for a signed-in user. If that makes more than the policy allows, the oldest go (their sockets
 * close). Returns the token: the only time it exists outside the caller's browser.
 */
export async function issueSession(
  user: { userId: string; accountId: string; email: string },
  origin: RequestOrigin,
  deps: SessionDependencies & { ids: IdGenerator; live: SocketCloser },
): Promise<{ token: string; session: AuthSession }> {
  const now = deps.clock.now();
  const token = deps.ids.secretToken();
  const absoluteExpiresAt = new Date(now.getTime() + deps.policy.absoluteSeconds * 1000).toISOString();
  const session: AuthSession = {
    tokenHash: hashToken(token),
    sessionId: deps.ids.id(),
    userId: user.userId,
    accountId: user.accountId,
    email: user.email,
    createdAt: now.toISOString(),
    lastUsedAt: now.toISOString(),
    expiresAt: slidExpiry({ absoluteExpiresAt }, now, deps.policy),
    absoluteExpiresAt,
    userAgent: origin.userAgent ? origin.userAgent.slice(0, MAX_USER_AGENT_CHARS) : null,
    ipPrefix: coarseIp(origin.sourceIp),
  };
  await deps.sessions.put(session);

  const others = (await deps.sessions.listForUser(user.userId)).filter((s) => s.tokenHash !== session.tokenHash);
  const dead = others.filter((s) => !sessionIsLive(s, now));
  const live = others.filter((s) => sessionIsLive(s, now)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const overLimit = live.slice(0, Math.max(0, live.length + 1 - deps.policy.maxPerUser));
  await Promise.all(dead.map((s) => deps.sessions.delete(s.tokenHash)));
  if (overLimit.length > 0) await revoke(user.accountId, overLimit, 'revoked', deps);
  return { token, session };
}

/** The principal a session token stands for, or undefined: unknown, expired or revoked. Slides the expiry. */
export async function resolveSessionToken(token: string, deps: SessionDependencies): Promise<Principal | undefined> {
  const tokenHash = hashToken(token);
  const session = await deps.sessions.get(tokenHash);
  const now = deps.clock.now();
  if (!session || !sessionIsLive(session, now)) return undefined;
  let expiresAt = session.expiresAt;
  if (now.getTime() - Date.parse(session.lastUsedAt) >= deps.policy.touchEverySeconds * 1000) {
    expiresAt = slidExpiry(session, now, deps.policy);
    if (!(await deps.sessions.touch(tokenHash, now.toISOString(), expiresAt))) return undefined;
  }
  return {
    kind: 'session',
    userId: session.userId,
    accountId: session.accountId,
    email: session.email,
    scopes: ['read', 'write'],
    credentialId: session.sessionId,
    // A socket opened now cannot outlive the session's hard end; the idle end is days away while it is used.
    expiresAt: session.absoluteExpiresAt < expiresAt ? session.absoluteExpiresAt : expiresAt,
  };
}

export async function listSessions(principal: Principal, deps: SessionDependencies): Promise<SessionView[]> {
  const now = deps.clock.now();
  return (await deps.sessions.listForUser(principal.userId))
    .filter((s) => sessionIsLive(s, now))
    .sort((a, b) => b.lastUsedAt.localeCompare(a.lastUsedAt))
    .map((s) => ({
      sessionId: s.sessionId,
      createdAt: s.createdAt,
      lastUsedAt: s.lastUsedAt,
      expiresAt: s.expiresAt,
      absoluteExpiresAt: s.absoluteExpiresAt,
      userAgent: s.userAgent,
      ipPrefix: s.ipPrefix,
      current: s.sessionId === principal.credentialId,
    }));
}

/** POST /auth/logout: the caller's own session. */
export async function signOut(principal: Principal, deps: SessionDependencies & { live: SocketCloser }): Promise<void> {
  const mine = (await deps.sessions.listForUser(principal.userId)).filter((s) => s.sessionId === principal.credentialId);
  await revoke(principal.accountId, mine, 'signed-out', deps);
}

/** DELETE /auth/sessions/{id}: one of the caller's sessions; someone else's id is simply not found. */
export async function revokeSession(principal: Principal, sessionId: string, deps: SessionDependencies & { live: SocketCloser }): Promise<number> {
  const target = (await deps.sessions.listForUser(principal.userId)).filter((s) => s.sessionId === sessionId);
  if (target.length === 0) throw new NotFoundError('No such session.');
  return revoke(principal.accountId, target, sessionId === principal.credentialId ? 'signed-out' : 'revoked', deps);
}

/** DELETE /auth/sessions: every session of the caller's but the one making the request. */
export async function revokeOtherSessions(principal: Principal, deps: SessionDependencies & { live: SocketCloser }): Promise<number> {
  const others = (await deps.sessions.listForUser(principal.userId)).filter((s) => s.sessionId !== principal.credentialId);
  return revoke(principal.accountId, others, 'revoked', deps);
}

/** Deletes the sessions first (so no new request gets through), then closes the sockets they opened. */
async function revoke(
  accountId: string,
  sessions: readonly AuthSession[],
  reason: SessionEndedReason,
  deps: { sessions: SessionStore; live: SocketCloser },
): Promise<number> {
  if (sessions.length === 0) return 0;
  await Promise.all(sessions.map((s) => deps.sessions.delete(s.tokenHash)));
  const ids = new Set(sessions.map((s) => s.sessionId));
  await closeLiveConnections(accountId, (c) => c.credentialKind === 'session' && ids.has(c.credentialId), reason, deps.live);
  return sessions.length;
}
