import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import type { ServerMessage } from '../api/schemas';
import type { LiveConnection } from '../live/connection-store';
import { expiryDelaySeconds, handleShareExpiry, scheduleShareExpiry, type ShareExpiryMessage } from './share-expiry';

function recordingQueue() {
  const sent: Array<{ message: ShareExpiryMessage; delaySeconds: number }> = [];
  return { sent, send: async (message: ShareExpiryMessage, delaySeconds: number) => void sent.push({ message, delaySeconds }) };
}

const connection = (connectionId: string, over: Partial<LiveConnection> = {}): LiveConnection => ({
  connectionId,
  userId: 'u',
  accountId: 'acct',
  credentialKind: 'share',
  credentialId: 'sh-1',
  connectedAt: '2026-11-01T10:00:00.000Z',
  cookId: 'c-1',
  serial: 'S',
  expiresAt: '2026-11-01T12:00:00.000Z',
  ...over,
});

function liveWith(connections: LiveConnection[]) {
  const pushed: Array<{ connectionId: string; message: ServerMessage }> = [];
  const disconnected: string[] = [];
  const items = new Map(connections.map((c) => [c.connectionId, c]));
  return {
    pushed,
    disconnected,
    items,
    live: {
      connections: { put: async (c: LiveConnection) => void items.set(c.connectionId, c), delete: async (id: string) => void items.delete(id), listForAccount: async (a: string) => [...items.values()].filter((c) => c.accountId === a) },
      pusher: {
        push: async (connectionId: string, message: ServerMessage) => (pushed.push({ connectionId, message }), 'sent' as const),
        disconnect: async (connectionId: string) => void disconnected.push(connectionId),
      },
    },
  };
}

describe('share expiry', () => {
  it('waits what is left of the share, at most SQS’s 15 minutes, in real seconds under a scaled clock', () => {
    const now = new Date('2026-11-01T10:00:00.000Z');
    expect(expiryDelaySeconds('2026-11-01T10:00:04.200Z', now, 1)).toBe(5);
    expect(expiryDelaySeconds('2026-11-01T12:00:00.000Z', now, 1)).toBe(900);
    expect(expiryDelaySeconds('2026-11-01T12:00:00.000Z', now, 60)).toBe(120);
    expect(expiryDelaySeconds('2026-11-01T09:00:00.000Z', now, 1)).toBe(0);
  });

  it('is queued when the share is made', async () => {
    const queue = recordingQueue();
    await scheduleShareExpiry({ accountId: 'acct', shareId: 'sh-1', expiresAt: '2026-11-01T10:10:00.000Z' }, { queue, clock: new ManualClock('2026-11-01T10:00:00Z'), clockScale: 1 });
    expect(queue.sent).toEqual([{ message: { type: 'share-expiry', accountId: 'acct', shareId: 'sh-1', expiresAt: '2026-11-01T10:10:00.000Z' }, delaySeconds: 600 }]);
  });

  it('hops until the expiry, then closes that share’s sockets and no other', async () => {
    const queue = recordingQueue();
    const clock = new ManualClock('2026-11-01T10:00:00Z');
    const world = liveWith([connection('mine-1'), connection('mine-2'), connection('other-share', { credentialId: 'sh-2' }), connection('session', { credentialKind: 'session', credentialId: 'sess' })]);
    const message: ShareExpiryMessage = { type: 'share-expiry', accountId: 'acct', shareId: 'sh-1', expiresAt: '2026-11-01T10:20:00.000Z' };
    const deps = { queue, clock, clockScale: 1, live: world.live };

    expect(await handleShareExpiry(message, deps)).toEqual({ requeuedForSeconds: 900 });
    expect(world.pushed).toEqual([]);
    clock.advance(900_000);
    expect(await handleShareExpiry(message, deps)).toEqual({ requeuedForSeconds: 300 });
    clock.advance(299_500); // SQS delivered half a second early: wait the rest, at least a second
    expect(await handleShareExpiry(message, deps)).toEqual({ requeuedForSeconds: 1 });
    expect(queue.sent.map((s) => s.delaySeconds)).toEqual([900, 300, 1]);
    clock.advance(500);
    expect(await handleShareExpiry(message, deps)).toEqual({ closed: 2 });
    expect(world.pushed).toEqual([
      { connectionId: 'mine-1', message: { type: 'session-ended', reason: 'expired' } },
      { connectionId: 'mine-2', message: { type: 'session-ended', reason: 'expired' } },
    ]);
    expect(world.disconnected).toEqual(['mine-1', 'mine-2']);
    expect([...world.items.keys()]).toEqual(['other-share', 'session']);
    expect(queue.sent).toHaveLength(3);
  });

  it('closes nothing when the share’s sockets are already gone (revoked early)', async () => {
    const world = liveWith([]);
    const message: ShareExpiryMessage = { type: 'share-expiry', accountId: 'acct', shareId: 'sh-1', expiresAt: '2026-11-01T10:00:00.000Z' };
    expect(await handleShareExpiry(message, { queue: recordingQueue(), clock: new ManualClock('2026-11-01T10:00:01Z'), clockScale: 1, live: world.live })).toEqual({ closed: 0 });
  });
});
