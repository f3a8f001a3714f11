/** The poll's last step: what changed goes to the account's open WebSockets; a connection gone (410) is forgotten. */
import type { ReadingsMessage, ServerMessage } from '../api/schemas';
import type { Clock } from '../clock';
import type { LatestReading } from '../devices/device-store';
import { closeLiveConnection, mayReceive } from '../live/live-connections';
import type { PollDependencies } from './poll-dependencies';
import { messageForShare } from '../sharing/share-redaction';

/** One `readings` message per device, carrying every channel this poll stored. */
export function readingsMessages(stored: readonly LatestReading[], clock: Clock): ReadingsMessage[] {
  const bySerial = new Map<string, ReadingsMessage>();
  for (const l of stored) {
    let message = bySerial.get(l.serial);
    if (!message) bySerial.set(l.serial, (message = { type: 'readings', serial: l.serial, channels: [] }));
    message.channels.push({ channel: l.channel, value: l.value, units: l.units, status: l.status, probeConnected: l.probeConnected, at: l.at ?? clock.now().toISOString() });
  }
  return [...bySerial.values()];
}

/**
 * A connection whose credential has ended (the session's hard end or a share link's expiry passed while the socket
 * was open) gets its last `session-ended` message instead, and is closed: revocations close sockets at once
 * elsewhere, expiry is noticed here. A share link's socket gets only what `mayReceive` allows (`activeCookIds`: the
 * account's cooks in progress).
 */
export async function pushUpdates(
  accountId: string,
  messages: readonly ServerMessage[],
  activeCookIds: ReadonlySet<string>,
  deps: Pick<PollDependencies, 'connections' | 'pusher' | 'clock'>,
): Promise<number> {
  if (messages.length === 0) return 0;
  const connections = await deps.connections.listForAccount(accountId);
  const now = deps.clock.now().getTime();
  let pushed = 0;
  await Promise.all(
    connections.map(async (connection) => {
      if (Date.parse(connection.expiresAt) <= now) return closeLiveConnection(connection, 'expired', deps);
      for (const message of messages) {
        if (!mayReceive(connection, message, activeCookIds)) continue;
        const shown = connection.credentialKind === 'share' ? messageForShare(message) : message;
        const result = await deps.pusher.push(connection.connectionId, shown).catch(() => 'failed' as const);
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
