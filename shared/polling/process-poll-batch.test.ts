import { describe, expect, it } from 'vitest';
import type { AccountStore, LinkedAccount } from '../auth/account-store';
import { processPollBatch } from './process-poll-batch';
import type { PollDependencies } from './poll-dependencies';

const link = (userId: string, over: Partial<LinkedAccount> = {}): LinkedAccount => ({
  userId,
  accountId: `acct-${userId}`,
  email: `${userId}@x.co`,
  sealedRefreshToken: { v: 1, keyId: 'k', encryptedDataKey: 'e', iv: 'i', ciphertext: 'c', tag: 't' },
  status: 'ok',
  statusMessage: null,
  linkedAt: '2026-10-01T00:00:00.000Z',
  lastPolledAt: null,
  lastReadingAt: null,
  ...over,
});
const message = (messageId: string, userId: string) => ({ messageId, body: JSON.stringify({ userId, dueAt: '2026-11-01T12:00:00.000Z' }) });

/** Enough of the dependencies for processPollBatch to reach pollAccount, which then fails on the vault (a bug class). */
function deps(links: LinkedAccount[], calls: string[][]): PollDependencies & { log: { warn: () => void; error: () => void } } {
  const accounts = {
    getLinks: async (ids: readonly string[]) => (calls.push([...ids]), new Map(links.filter((l) => ids.includes(l.userId)).map((l) => [l.userId, l]))),
  } as unknown as AccountStore;
  return {
    accounts,
    sessionCache: new Map(),
    vault: { open: async () => Promise.reject(new Error('vault down')) },
    log: { warn: () => undefined, error: () => undefined },
  } as unknown as PollDependencies & { log: { warn: () => void; error: () => void } };
}

describe('processPollBatch', () => {
  it('reads the batch\'s links in one call, skips the unlinked and the relink-needed, and polls an account queued twice once', async () => {
    const calls: string[][] = [];
    const result = await processPollBatch(
      [message('m1', 'u1'), message('m2', 'u1'), message('m3', 'gone'), message('m4', 'u4'), { messageId: 'm5', body: 'not json' }],
      deps([link('u1'), link('u4', { status: 'relink-needed' })], calls),
    );
    expect(calls).toEqual([['u1', 'gone', 'u4']]);
    // u1's poll failed (the vault): both of its messages go back to the queue; the malformed one too (then the DLQ).
    expect(result.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(['m1', 'm2', 'm5']);
  });

  it('hands every message back when the links cannot be read', async () => {
    const d = deps([], []);
    d.accounts.getLinks = async () => Promise.reject(new Error('DynamoDB down'));
    const result = await processPollBatch([message('m1', 'u1'), message('m2', 'u2')], d);
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'm1' }, { itemIdentifier: 'm2' }]);
  });
});
