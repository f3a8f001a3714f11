import type { ServerMessage } from '../api/schemas';
import type { Principal } from '../auth/principal';
import type { Clock } from '../clock';
import type { ConnectionStore, LiveConnection } from './connection-store';
import type { Pusher } from './pusher';

/** An account's open sockets and the means to reach them: what every push and close outside the poll takes. */
export interface LiveSockets {
  connections: ConnectionStore;
  pusher: Pusher;
}

/** API Gateway ends every WebSocket after two hours at most. */
const MAX_CONNECTION_SECONDS = 2 * 3600;

/**
 * $connect: the connection follows the principal's account until it closes or its credential ends.
 * `clockScale`: simulated seconds per real second of `clock` (1 in AWS). API Gateway's two hours are real time, so
 * under the local stack's --time-scale they span that many more simulated hours (at 60× a socket was closed every
 * two real minutes).
 */
export async function openLiveConnection(
  input: { connectionId: string; principal: Principal },
  deps: { connections: ConnectionStore; clock: Clock; clockScale?: number },
): Promise<void> {
  const { principal } = input;
  const now = deps.clock.now();
  const socketLimit = now.getTime() + MAX_CONNECTION_SECONDS * 1000 * (deps.clockScale ?? 1);
  const expiresAt = principal.expiresAt === undefined ? socketLimit : Math.min(socketLimit, Date.parse(principal.expiresAt));
  await deps.connections.put({
    connectionId: input.connectionId,
    userId: principal.userId,
    accountId: principal.accountId,
    credentialKind: principal.kind,
    credentialId: principal.credentialId,
    connectedAt: now.toISOString(),
    ...(principal.kind === 'share' && principal.cookId && principal.serial ? { cookId: principal.cookId, serial: principal.serial } : {}),
    expiresAt: new Date(expiresAt).toISOString(),
  });
}

export type SessionEndedReason = Extract<ServerMessage, { type: 'session-ended' }>['reason'];

/**
 * Closes an account's sockets that match: each gets a final `session-ended` message, then the server closes it
 * (DeleteConnection) and its item goes. Used when a session is revoked, a share ends or the account is deleted.
 */
export async function closeLiveConnections(
  accountId: string,
  which: (connection: LiveConnection) => boolean,
  reason: SessionEndedReason,
  deps: LiveSockets,
): Promise<number> {
  const matching = (await deps.connections.listForAccount(accountId)).filter(which);
  await Promise.all(matching.map((connection) => closeLiveConnection(connection, reason, deps)));
  return matching.length;
}

/** One socket: a final `session-ended`, the server closes it, its item goes. */
export async function closeLiveConnection(connection: LiveConnection, reason: SessionEndedReason, deps: LiveSockets): Promise<void> {
  const outcome = await deps.pusher.push(connection.connectionId, { type: 'session-ended', reason }).catch(() => 'gone' as const);
  if (outcome === 'sent') await deps.pusher.disconnect(connection.connectionId);
  await deps.connections.delete(connection.connectionId);
}

/**
 * What one socket may receive. A share link's socket gets only the readings and predictions of its cook's device,
 * and only while that cook is the device's active cook (`activeCookIds`): never alerts, cook messages or other devices.
 */
export function mayReceive(connection: LiveConnection, message: ServerMessage, activeCookIds: ReadonlySet<string>): boolean {
  if (connection.credentialKind !== 'share') return true;
  if (message.type !== 'readings' && message.type !== 'prediction') return false;
  return message.serial === connection.serial && connection.cookId !== undefined && activeCookIds.has(connection.cookId);
}
