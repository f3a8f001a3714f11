import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '../api/schemas';
import { ManualClock } from '../clock';
import type { ConnectionStore, LiveConnection } from '../live/connection-store';
import type { Pusher } from '../live/pusher';
import { pushUpdates } from './push-updates';

function setup(connections: LiveConnection[], gone: string[] = []) {
  const items = new Map(connections.map((c) => [c.connectionId, c]));
  const store: ConnectionStore = {
    put: async (c) => void items.set(c.connectionId, c),
    delete: async (id) => void items.delete(id),
    listForAccount: async (accountId) => [...items.values()].filter((c) => c.accountId === accountId),
  };
  const log: Array<[string, ServerMessage | 'closed']> = [];
  const pusher: Pusher = {
    push: async (id, message) => (gone.includes(id) ? 'gone' : (log.push([id, message]), 'sent')),
    disconnect: async (id) => void log.push([id, 'closed']),
  };
  return { items, store, pusher, log };
}

const connection = (connectionId: string, expiresAt: string): LiveConnection => ({
  connectionId,
  userId: 'u1',
  accountId: 'a1',
  credentialKind: 'session',
  credentialId: `s-${connectionId}`,
  connectedAt: '2026-11-01T00:00:00.000Z',
  expiresAt,
});
const pong: ServerMessage = { type: 'pong' };

describe('pushUpdates', () => {
  it('pushes to live connections, forgets gone ones, and ends those whose session has expired', async () => {
    const clock = new ManualClock('2026-11-01T01:00:00.000Z');
    const { items, store, pusher, log } = setup(
      [connection('live', '2026-11-01T02:00:00.000Z'), connection('expired', '2026-11-01T00:59:59.000Z'), connection('gone', '2026-11-01T02:00:00.000Z')],
      ['gone'],
    );
    const pushed = await pushUpdates('a1', [pong, pong], new Set(), { connections: store, pusher, clock });
    expect(pushed).toBe(2);
    const to = (id: string) => log.filter(([c]) => c === id).map(([, event]) => event);
    expect(to('live')).toEqual([pong, pong]);
    expect(to('expired')).toEqual([{ type: 'session-ended', reason: 'expired' }, 'closed']);
    expect(to('gone')).toEqual([]);
    expect([...items.keys()]).toEqual(['live']);
  });

  it('tells the owner what their past cooks taught a prediction, and a share link’s viewer nothing of the account', async () => {
    const clock = new ManualClock('2026-11-01T01:00:00.000Z');
    const share: LiveConnection = { ...connection('share', '2026-11-01T02:00:00.000Z'), credentialKind: 'share', serial: 'S1', cookId: 'c1' };
    const { store, pusher, log } = setup([connection('owner', '2026-11-01T02:00:00.000Z'), share]);
    const prediction: ServerMessage = {
      type: 'prediction',
      serial: 'S1',
      channel: '2',
      phase: 'stall',
      etaAt: null,
      etaLowAt: null,
      etaHighAt: null,
      reason: null,
      stallStartedAt: '2026-11-01T00:00:00.000Z',
      at: '2026-11-01T01:00:00.000Z',
      basedOn: 'based on your last 3 briskets: stall about 3 h 10 m',
    };
    await pushUpdates('a1', [prediction], new Set(['c1']), { connections: store, pusher, clock });
    const { basedOn: _basedOn, ...withoutHistory } = prediction;
    expect(log).toEqual([
      ['owner', prediction],
      ['share', withoutHistory],
    ]);
  });
});
