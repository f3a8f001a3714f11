import type { ServerMessage } from '../api/schemas';
import type { ConnectionStore } from './connection-store';
import type { Pusher } from './pusher';

/**
 * Sends `message` to the account's own open pages: signed-in sessions and API tokens, never a share link's socket
 * (its viewer may see the shared cook's readings and predictions, not the owner's cooks, alarms or channels:
 * mayReceive in live-connections.ts). A page that is gone is forgotten; a failed push never fails the caller.
 */
export async function pushToAccountPages(accountId: string, message: ServerMessage, deps: { connections: ConnectionStore; pusher: Pusher }): Promise<void> {
  const own = (await deps.connections.listForAccount(accountId)).filter((c) => c.credentialKind !== 'share');
  await Promise.all(
    own.map(async (c) => {
      const outcome = await deps.pusher.push(c.connectionId, message).catch(() => 'failed' as const);
      if (outcome === 'gone') await deps.connections.delete(c.connectionId);
    }),
  );
}
