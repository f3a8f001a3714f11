import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CredentialVault, VaultDecryptError, type DecryptAudit } from './credential-vault';
import { LocalKeyProvider } from './local-key-provider';

function vaultWithAudit() {
  const entries: Parameters<DecryptAudit['record']>[0][] = [];
  const vault = new CredentialVault(new LocalKeyProvider(randomBytes(32)), { record: (e) => void entries.push(e) }, () => new Date('2026-11-01T00:00:00Z'));
  return { vault, entries };
}

describe('CredentialVault', () => {
  it('opens what it sealed for the same user and records who opened it and why', async () => {
    const { vault, entries } = vaultWithAudit();
    const sealed = await vault.seal('refresh-token-abc', 'user-1');
    expect(sealed.ciphertext).not.toContain('refresh-token-abc');
    expect(Buffer.from(sealed.ciphertext, 'base64').toString('utf8')).not.toContain('refresh');
    await expect(vault.open(sealed, 'user-1', 'poll')).resolves.toBe('refresh-token-abc');
    expect(entries).toEqual([{ userId: 'user-1', purpose: 'poll', keyId: sealed.keyId, at: new Date('2026-11-01T00:00:00Z') }]);
  });

  it('refuses a ciphertext moved onto another user', async () => {
    const { vault, entries } = vaultWithAudit();
    const sealed = await vault.seal('secret', 'user-1');
    await expect(vault.open(sealed, 'user-2', 'poll')).rejects.toBeInstanceOf(VaultDecryptError);
    expect(entries).toHaveLength(0);
  });

  it('refuses a tampered ciphertext', async () => {
    const { vault } = vaultWithAudit();
    const sealed = await vault.seal('secret', 'user-1');
    const bytes = Buffer.from(sealed.ciphertext, 'base64');
    bytes[0] = (bytes[0] ?? 0) ^ 0xff;
    await expect(vault.open({ ...sealed, ciphertext: bytes.toString('base64') }, 'user-1', 'poll')).rejects.toBeInstanceOf(VaultDecryptError);
  });

  it('uses a fresh data key and iv per secret', async () => {
    const { vault } = vaultWithAudit();
    const a = await vault.seal('same', 'user-1');
    const b = await vault.seal('same', 'user-1');
    expect(a.encryptedDataKey).not.toBe(b.encryptedDataKey);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it('reseals a rotated secret under the same data key with a fresh iv, without generating a data key', async () => {
    const provider = new LocalKeyProvider(randomBytes(32));
    const vault = new CredentialVault(provider);
    const sealed = await vault.seal('old-refresh', 'user-1');
    let generated = 0;
    const counting = { generateDataKey: async (c: Record<string, string>) => (generated++, provider.generateDataKey(c)), decryptDataKey: provider.decryptDataKey.bind(provider), currentKeyId: provider.currentKeyId.bind(provider) };
    const resealed = await new CredentialVault(counting).reseal(sealed, 'new-refresh', 'user-1');
    expect(generated).toBe(0);
    expect(resealed.encryptedDataKey).toBe(sealed.encryptedDataKey);
    expect(resealed.iv).not.toBe(sealed.iv);
    await expect(vault.open(resealed, 'user-1', 'poll')).resolves.toBe('new-refresh');
    // Still bound to its user.
    await expect(vault.open(resealed, 'user-2', 'poll')).rejects.toBeInstanceOf(VaultDecryptError);
    await expect(vault.reseal(sealed, 'x', 'user-2')).rejects.toBeInstanceOf(VaultDecryptError);
  });

  it('keeps each kind of secret apart: a broker password does not open as a refresh token, nor the reverse', async () => {
    const keys = new LocalKeyProvider(randomBytes(32));
    const tokens = new CredentialVault(keys);
    const passwords = new CredentialVault(keys, undefined, undefined, 'mqtt-broker-password');
    const password = await passwords.seal('broker-secret', 'user-1');
    await expect(passwords.open(password, 'user-1', 'mqtt-publish')).resolves.toBe('broker-secret');
    await expect(tokens.open(password, 'user-1', 'poll')).rejects.toBeInstanceOf(VaultDecryptError);
    await expect(passwords.open(await tokens.seal('refresh', 'user-1'), 'user-1', 'mqtt-publish')).rejects.toBeInstanceOf(VaultDecryptError);
  });

  it('cannot open with another master key', async () => {
    const sealed = await new CredentialVault(new LocalKeyProvider(randomBytes(32))).seal('secret', 'user-1');
    await expect(new CredentialVault(new LocalKeyProvider(randomBytes(32))).open(sealed, 'user-1', 'poll')).rejects.toBeInstanceOf(VaultDecryptError);
  });
});
