import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '../api/schemas';
import { hashToken } from '../ids';
import type { LiveConnection } from '../live/connection-store';
import { mayReceive } from '../live/live-connections';
import { shareCredentials } from './share-credentials';
import { newShareToken } from './share-links';
import type { ShareLink, ShareStore } from './share-store';

function memoryShares(): ShareStore & { items: Map<string, ShareLink> } {
  const items = new Map<string, ShareLink>();
  return {
    items,
    put: async (s) => void items.set(s.tokenHash, s),
    getByTokenHash: async (h) => items.get(h),
    listForCook: async (cookId) => [...items.values()].filter((s) => s.cookId === cookId),
    delete: async (h) => void items.delete(h),
  };
}

describe('share tokens', () => {
  it('carry 256 random bits after their prefix, and only their hash is looked up', async () => {
    const token = newShareToken();
    expect(token).toMatch(/^pws_[A-Za-z0-9_-]{43}$/);
    expect(new Set(Array.from({ length: 100 }, newShareToken)).size).toBe(100);
    const shares = memoryShares();
    let now = new Date('2026-11-01T10:00:00Z');
    await shares.put({ shareId: 'sh-1', tokenHash: hashToken(token), cookId: 'c-1', serial: 'S', accountId: 'acct', userId: 'u', createdAt: now.toISOString(), expiresAt: '2026-11-01T12:00:00.000Z' });
    const kind = shareCredentials({ shares, clock: { now: () => now } });
    expect(kind.matches(token)).toBe(true);
    expect(kind.matches('a-session-token')).toBe(false);
    const origin = { sourceIp: '', userAgent: null };
    expect(await kind.resolve(token, origin)).toEqual({
      kind: 'share',
      userId: 'u',
      accountId: 'acct',
      email: '',
      scopes: ['read'],
      credentialId: 'sh-1',
      expiresAt: '2026-11-01T12:00:00.000Z',
      cookId: 'c-1',
      serial: 'S',
    });
    expect(await kind.resolve(newShareToken(), origin)).toBeUndefined();
    now = new Date('2026-11-01T12:00:00Z');
    expect(await kind.resolve(token, origin)).toBeUndefined(); // expired: gone at once, whatever the TTL does
  });
});

describe('what a socket may receive', () => {
  const share: LiveConnection = { connectionId: 'x', userId: 'u', accountId: 'a', credentialKind: 'share', credentialId: 'sh', connectedAt: '', expiresAt: '', cookId: 'c-1', serial: 'S' };
  const session: LiveConnection = { ...share, credentialKind: 'session', cookId: undefined, serial: undefined };
  const reading = (serial: string): ServerMessage => ({ type: 'readings', serial, channels: [{ channel: '1', value: 1, units: 'F', status: 'OK', probeConnected: true, at: '' }] });
  const alert: ServerMessage = { type: 'alert', serial: 'S', kind: 'lid-open', channel: null, message: 'm', at: '' };

  it("gives a share link only its device's readings and predictions while its cook runs", () => {
    const active = new Set(['c-1']);
    expect(mayReceive(share, reading('S'), active)).toBe(true);
    expect(mayReceive(share, reading('OTHER'), active)).toBe(false);
    expect(mayReceive(share, alert, active)).toBe(false);
    expect(mayReceive(share, reading('S'), new Set(['c-2']))).toBe(false); // the shared cook ended; the next is not shared
    expect(mayReceive(session, alert, new Set())).toBe(true);
  });
});
