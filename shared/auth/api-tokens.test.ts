import { describe, expect, it } from 'vitest';
import { hashToken, randomIds } from '../ids';
import type { ApiTokenRecord, ApiTokenStore } from './api-token-store';
import { apiTokenCredentials, createApiToken, listApiTokens, MAX_API_TOKENS_PER_USER, resolveApiToken } from './api-tokens';
import type { Principal } from './principal';

function memoryStore(): ApiTokenStore & { items: Map<string, ApiTokenRecord>; touches: number } {
  const items = new Map<string, ApiTokenRecord>();
  return {
    items,
    touches: 0,
    async put(t) { items.set(t.tokenHash, { ...t }); },
    async get(h) { const t = items.get(h); return t && { ...t }; },
    async touch(h, at) { this.touches++; const t = items.get(h); if (!t) return false; t.lastUsedAt = at; return true; },
    async delete(h) { return items.delete(h); },
    async listForUser(u) { return [...items.values()].filter((t) => t.userId === u); },
  };
}

const owner: Principal = { kind: 'session', userId: 'u1', accountId: 'a1', email: 'e@x', scopes: ['read', 'write'], credentialId: 's1' };

describe('API tokens', () => {
  it('are pw_ plus 256 random bits, stored only as their hash, listed without the token', async () => {
    const tokens = memoryStore();
    let now = new Date('2026-12-01T10:00:00Z');
    const created = await createApiToken(owner, { name: 'Prometheus', scopes: ['read'] }, { tokens, clock: { now: () => now }, ids: randomIds });
    expect(created.token).toMatch(/^pw_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(created.token.slice(3), 'base64url')).toHaveLength(32);
    expect([...tokens.items.keys()]).toEqual([hashToken(created.token)]);
    expect(JSON.stringify([...tokens.items.values()])).not.toContain(created.token);
    expect(await listApiTokens(owner, { tokens, clock: { now: () => now } })).toEqual([
      { tokenId: created.tokenId, name: 'Prometheus', scopes: ['read'], createdAt: '2026-12-01T10:00:00.000Z', lastUsedAt: null },
    ]);
    now = new Date('2026-12-01T10:01:00Z');
    expect(await resolveApiToken(created.token, { tokens, clock: { now: () => now } })).toEqual({
      kind: 'apiToken', userId: 'u1', accountId: 'a1', email: 'e@x', scopes: ['read'], credentialId: created.tokenId,
    });
  });

  it('record their last use at most every 5 minutes', async () => {
    const tokens = memoryStore();
    let now = new Date('2026-12-01T10:00:00Z');
    const clock = { now: () => now };
    const { token } = await createApiToken(owner, { name: 'HA', scopes: ['read', 'write'] }, { tokens, clock, ids: randomIds });
    await resolveApiToken(token, { tokens, clock });
    now = new Date('2026-12-01T10:04:59Z');
    await resolveApiToken(token, { tokens, clock });
    expect(tokens.touches).toBe(1);
    now = new Date('2026-12-01T10:05:00Z');
    await resolveApiToken(token, { tokens, clock });
    expect(tokens.touches).toBe(2);
    expect(tokens.items.get(hashToken(token))!.lastUsedAt).toBe('2026-12-01T10:05:00.000Z');
  });

  it('resolve to nothing once deleted, even between the read and the touch', async () => {
    const tokens = memoryStore();
    const clock = { now: () => new Date('2026-12-01T10:00:00Z') };
    const { token } = await createApiToken(owner, { name: 'x', scopes: ['read'] }, { tokens, clock, ids: randomIds });
    const racing = { ...tokens, get: tokens.get, touch: async () => false };
    expect(await resolveApiToken(token, { tokens: racing, clock })).toBeUndefined();
    await tokens.delete(hashToken(token));
    expect(await resolveApiToken(token, { tokens, clock })).toBeUndefined();
  });

  it('are recognised by their exact shape, never a 43-character session token', () => {
    const kind = apiTokenCredentials(() => ({ tokens: memoryStore(), clock: { now: () => new Date() } }));
    expect(kind.matches(`pw_${randomIds.secretToken()}`)).toBe(true);
    // A session token is 43 base64url characters; one that happens to begin with "pw_" is still a session token.
    expect(kind.matches(`pw_${randomIds.secretToken().slice(3)}`)).toBe(false);
    expect(kind.matches(`pw_${randomIds.secretToken()}x`)).toBe(false);
  });

  it('are at most 50 per user', async () => {
    const tokens = memoryStore();
    const clock = { now: () => new Date() };
    for (let i = 0; i < MAX_API_TOKENS_PER_USER; i++) await createApiToken(owner, { name: `t${i}`, scopes: ['read'] }, { tokens, clock, ids: randomIds });
    await expect(createApiToken(owner, { name: 'one more', scopes: ['read'] }, { tokens, clock, ids: randomIds })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
