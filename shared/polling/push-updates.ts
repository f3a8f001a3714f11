/** The poll's last step: what changed goes to the account's open WebSockets; a connection gone (410) is forgotten. */
import type { ReadingMessage, ServerMessage } from '../api/schemas';
import type { Clock } from '../clock';
import type { LatestReading } from '../devices/device-store';
import type { PollDependencies } from './poll-dependencies';

export function readingMessage(l: LatestReading, clock: Clock): ReadingMessage {
  return {
    type: 'reading',
    serial: l.serial,
    channel: l.channel,
    value: l.value,
    units: l.units,
    status: l.status,
    probeConnected: l.probeConnected,
    at: l.at ?? clock.now().toISOString(),
  };
}

/**
 * A connection whose credential has ended (the session's hard end passed while the socket was open) gets its last
 * `session-ended` message instead, and is closed: revocations close sockets at once elsewhere, expiry is noticed here.
 */
export async function pushUpdates(accountId: string, messages: readonly ServerMessage[], deps: Pick<PollDependencies, 'connections' | 'pusher' | 'clock'>): Promise<number> {
  if (messages.length === 0) return 0;
  const connections = await deps.connections.listForAccount(accountId);
  const now = deps.clock.now().getTime();
  let pushed = 0;
  await Promise.all(
    connections.map(async (connection) => {
      if (Date.parse(connection.expiresAt) <= now) {
        const outcome = await deps.pusher.push(connection.connectionId, { type: 'session-ended', reason: 'expired' }).catch(() => 'gone' as const);
        if (outcome === 'sent') await deps.pusher.disconnect(connection.connectionId).catch(() => undefined);
        await deps.connections.delete(connection.connectionId);
        return;
      }
      for (const message of messages) {
        const result = await deps.pusher.push(connection.connectionId, message).catch(() => 'failed' as const);
        if (result === 'gone') {
          await deps.connections.delete(connection.connectionId);
          return;
        }
        if (result === 'sent') pushed++;
      }
    }),
  );
  return pushed;
}
