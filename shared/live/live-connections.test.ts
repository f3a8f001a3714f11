import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal';
import { ManualClock } from '../clock';
import type { ConnectionStore, LiveConnection } from './connection-store';
import { openLiveConnection } from './live-connections';

const NOW = '2026-11-20T08:00:00.000Z';
const principal = (over: Partial<Principal> = {}): Principal => ({
  kind: 'session',
  userId: 'u1',
  accountId: 'a1',
  email: 'a@b.co',
  scopes: [],
  credentialId: 's1',
  ...over,
});

async function opened(p: Principal, clockScale?: number): Promise<LiveConnection> {
  const stored: LiveConnection[] = [];
  const connections: ConnectionStore = { put: async (c) => void stored.push(c), delete: async () => undefined, listForAccount: async () => stored };
  await openLiveConnection({ connectionId: 'c1', principal: p }, { connections, clock: new ManualClock(NOW), ...(clockScale === undefined ? {} : { clockScale }) });
  return stored[0]!;
}

describe('openLiveConnection', () => {
  it("ends the socket with API Gateway's two hours, or the session's end when sooner", async () => {
    expect((await opened(principal())).expiresAt).toBe('2026-11-20T10:00:00.000Z');
    expect((await opened(principal({ expiresAt: '2026-11-20T09:00:00.000Z' }))).expiresAt).toBe('2026-11-20T09:00:00.000Z');
  });

  it("under --time-scale 60, API Gateway's two real hours are 120 simulated hours, not two (a socket closed every two real minutes)", async () => {
    expect((await opened(principal(), 60)).expiresAt).toBe('2026-11-25T08:00:00.000Z');
    // The session's own end is simulated time already: it still bounds the socket.
    expect((await opened(principal({ expiresAt: '2026-11-21T08:00:00.000Z' }), 60)).expiresAt).toBe('2026-11-21T08:00:00.000Z');
  });
});
