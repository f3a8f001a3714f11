import type { ServerMessage } from '../api/schemas';
import { mayReceive, type LiveSockets } from './live-connections';

/** Pushed outside a poll, no cook is known to be in progress: a share link's socket is sent nothing (mayReceive). */
const NO_ACTIVE_COOKS: ReadonlySet<string> = new Set();

/**
 * Sends `message` to the account's own open pages: signed-in sessions and API tokens. What a share link's socket may
 * receive is mayReceive's rule (the shared cook's readings and predictions during a poll), never the owner's cooks,
 * alarms or channels. A page that is gone is forgotten; a failed push never fails the caller.
 */
export async function pushToAccountPages(accountId: string, message: ServerMessage, deps: LiveSockets): Promise<void> {
  const own = (await deps.connections.listForAccount(accountId)).filter((c) => mayReceive(c, message, NO_ACTIVE_COOKS));
  await Promise.all(
    own.map(async (c) => {
      const outcome = await deps.pusher.push(c.connectionId, message).catch(() => 'failed' as const);
      if (outcome === 'gone') await deps.connections.delete(c.connectionId);
    }),
  );
}
