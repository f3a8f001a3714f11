/**
 * Sessions on DynamoDB Local with an injected clock: sliding and absolute expiry, the per-user limit, sign-out and
 * revocation, and the sockets a revoked session opened (closed with a last `session-ended` message).
 */
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { freshTable } from '../../infra/local/testing/local-table';
import type { ServerMessage } from '../api/schemas';
import { DynamoConnectionStore } from '../aws/dynamo-connection-store';
import { DynamoSessionStore } from '../aws/dynamo-session-store';
import { ManualClock } from '../clock';
import { NotFoundError } from '../errors';
import { sequentialIds } from '../ids';
import { openLiveConnection } from '../live/live-connections';
import type { Pusher } from '../live/pusher';
import type { Principal } from './principal';
import type { SessionPolicy } from './session-policy';
import { issueSession, listSessions, resolveSessionToken, revokeOtherSessions, revokeSession, signOut } from './sessions';

const policy: SessionPolicy = { idleSeconds: 7 * 86_400, absoluteSeconds: 30 * 86_400, maxPerUser: 3, touchEverySeconds: 300 };
const user = { userId: 'u1', accountId: 'a1', email: 'cook@example.com' };
const origin = { sourceIp: '203.0.113.9', userAgent: 'Firefox' };
const DAY = 86_400_000;
const start = Date.now();

let clock: ManualClock;
let deps: {
  sessions: DynamoSessionStore;
  connections: DynamoConnectionStore;
  clock: ManualClock;
  policy: SessionPolicy;
  ids: ReturnType<typeof sequentialIds>;
  live: { connections: DynamoConnectionStore; pusher: Pusher };
};
let socketLog: Array<{ connectionId: string; event: ServerMessage | 'closed' }>;

beforeEach(async () => {
  const { db, tableName } = await freshTable(inject('dynamoEndpoint'));
  // From the real now: DynamoDB Local hides items whose TTL has passed by the wall clock.
  clock = new ManualClock(start);
  socketLog = [];
  const connections = new DynamoConnectionStore(db, tableName);
  const pusher: Pusher = {
    push: async (connectionId, message) => (socketLog.push({ connectionId, event: message }), 'sent'),
    disconnect: async (connectionId) => void socketLog.push({ connectionId, event: 'closed' }),
  };
  deps = { sessions: new DynamoSessionStore(db, tableName), connections, clock, policy, ids: sequentialIds('s'), live: { connections, pusher } };
});

async function signIn(): Promise<{ token: string; principal: Principal }> {
  const { token } = await issueSession(user, origin, deps);
  const principal = await resolveSessionToken(token, deps);
  if (!principal) throw new Error('a fresh session must resolve');
  return { token, principal };
}

describe('sessions', () => {
  it('resolve to a principal with the session id, a coarse origin, and read+write scopes', async () => {
    const { principal } = await signIn();
    expect(principal).toMatchObject({ kind: 'session', userId: 'u1', accountId: 'a1', email: 'cook@example.com', scopes: ['read', 'write'] });
    const [listed] = await listSessions(principal, deps);
    expect(listed).toMatchObject({ sessionId: principal.credentialId, ipPrefix: '203.0.113.0/24', userAgent: 'Firefox', current: true });
    expect(await resolveSessionToken('not-a-token', deps)).toBeUndefined();
  });

  it('slide on use (7 days idle), but never past 30 days from sign-in', async () => {
    const { token } = await signIn();
    // Used every 6 days: still alive after 24 days.
    for (let day = 6; day <= 24; day += 6) {
      clock.set(start + day * DAY);
      expect(await resolveSessionToken(token, deps), `day ${day}`).toBeDefined();
    }
    clock.set(start + 29.9 * DAY);
    expect(await resolveSessionToken(token, deps)).toBeDefined();
    clock.set(start + 30 * DAY);
    expect(await resolveSessionToken(token, deps)).toBeUndefined();
  });

  it('end after 7 days unused', async () => {
    const { token } = await signIn();
    clock.advance(7 * DAY - 1000);
    expect(await resolveSessionToken(token, deps)).toBeDefined();
    // That use slid it: 7 more days from here.
    clock.advance(7 * DAY - 1000);
    expect(await resolveSessionToken(token, deps)).toBeDefined();
    clock.advance(7 * DAY + 1000);
    expect(await resolveSessionToken(token, deps)).toBeUndefined();
  });

  it('write a use back at most every 5 minutes', async () => {
    const { token } = await signIn();
    const stored = async () => (await deps.sessions.listForUser('u1'))[0]!;
    const before = await stored();
    clock.advance(60_000);
    await resolveSessionToken(token, deps);
    expect((await stored()).lastUsedAt).toBe(before.lastUsedAt);
    clock.advance(300_000);
    await resolveSessionToken(token, deps);
    expect((await stored()).lastUsedAt).toBe(clock.now().toISOString());
  });

  it('are limited per user: signing in once more ends the oldest, and its sockets close', async () => {
    const first = await signIn();
    await openLiveConnection({ connectionId: 'c-first', principal: first.principal }, deps);
    clock.advance(1000);
    const second = await signIn();
    await openLiveConnection({ connectionId: 'c-second', principal: second.principal }, deps);
    clock.advance(1000);
    await signIn();
    clock.advance(1000);
    const fourth = await signIn();
    expect(await resolveSessionToken(first.token, deps)).toBeUndefined();
    expect(await resolveSessionToken(second.token, deps)).toBeDefined();
    expect((await listSessions(fourth.principal, deps)).length).toBe(3);
    expect(socketLog).toEqual([
      { connectionId: 'c-first', event: { type: 'session-ended', reason: 'revoked' } },
      { connectionId: 'c-first', event: 'closed' },
    ]);
    expect((await deps.connections.listForAccount('a1')).map((c) => c.connectionId)).toEqual(['c-second']);
  });

  it('sign out: the session ends at once and its sockets get session-ended, then close; the others stay', async () => {
    const mine = await signIn();
    const other = await signIn();
    await openLiveConnection({ connectionId: 'mine', principal: mine.principal }, deps);
    await openLiveConnection({ connectionId: 'other', principal: other.principal }, deps);
    await signOut(mine.principal, deps);
    expect(await resolveSessionToken(mine.token, deps)).toBeUndefined();
    expect(await resolveSessionToken(other.token, deps)).toBeDefined();
    expect(socketLog).toEqual([
      { connectionId: 'mine', event: { type: 'session-ended', reason: 'signed-out' } },
      { connectionId: 'mine', event: 'closed' },
    ]);
    expect((await deps.connections.listForAccount('a1')).map((c) => c.connectionId)).toEqual(['other']);
  });

  it('revoke one by id (someone else’s id is not found), or all but the current one', async () => {
    const current = await signIn();
    const laptop = await signIn();
    const phone = await signIn();
    await expect(revokeSession({ ...current.principal, userId: 'someone-else' }, laptop.principal.credentialId, deps)).rejects.toBeInstanceOf(NotFoundError);
    expect(await revokeSession(current.principal, laptop.principal.credentialId, deps)).toBe(1);
    expect(await resolveSessionToken(laptop.token, deps)).toBeUndefined();
    await expect(revokeSession(current.principal, laptop.principal.credentialId, deps)).rejects.toBeInstanceOf(NotFoundError);
    expect(await revokeOtherSessions(current.principal, deps)).toBe(1);
    expect(await resolveSessionToken(phone.token, deps)).toBeUndefined();
    expect(await resolveSessionToken(current.token, deps)).toBeDefined();
  });

  it('a socket opened with a session expires with the session at the latest', async () => {
    const { principal } = await signIn();
    clock.advance(29.95 * DAY);
    const late = await resolveSessionToken((await issueSession(user, origin, deps)).token, deps);
    await openLiveConnection({ connectionId: 'late', principal: { ...principal, expiresAt: new Date(clock.now().getTime() + 60_000).toISOString() } }, deps);
    const [connection] = (await deps.connections.listForAccount('a1')).filter((c) => c.connectionId === 'late');
    expect(connection!.expiresAt).toBe(new Date(clock.now().getTime() + 60_000).toISOString());
    expect(late).toBeDefined();
  });
});
