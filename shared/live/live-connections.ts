import { authenticate } from '../auth/authenticate';
import type { SessionStore } from '../auth/session-store';
import type { Clock } from '../clock';
import type { ConnectionStore } from './connection-store';

/** API Gateway ends every WebSocket after two hours at most. */
const MAX_CONNECTION_SECONDS = 2 * 3600;

/** $connect: the browser passes its session token as `?token=`; the connection then follows that account. */
export async function openLiveConnection(
  input: { connectionId: string; token: string },
  deps: { sessions: SessionStore; connections: ConnectionStore; clock: Clock },
): Promise<void> {
  const session = await authenticate(input.token, deps.sessions, deps.clock);
  const now = deps.clock.now();
  await deps.connections.put({
    connectionId: input.connectionId,
    userId: session.userId,
    accountId: session.accountId,
    connectedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + MAX_CONNECTION_SECONDS * 1000).toISOString(),
  });
}
