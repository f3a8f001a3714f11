/**
 * Envelope encryption of users' secrets (ThermoWorks refresh tokens, MQTT broker passwords): a data key per secret
 * from the KeyProvider, AES-256-GCM over the secret, the wrapped data key stored beside it. The secret's kind and the
 * user id are both the key provider's encryption context and the GCM additional data, so a ciphertext copied onto
 * another user's item, or used as another kind of secret, does not open; and IAM grants each kind separately.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ForbiddenError } from '../errors';
import type { KeyProvider } from './key-provider';
import type { SealedSecret } from './sealed-secret';
import type { SecretKind } from './secret-kind';

/** Why a secret was opened, for the audit trail. */
export type DecryptPurpose = 'poll' | 'login' | 'rotation' | 'backfill' | 'mqtt-publish' | 'mqtt-test' | 'mqtt-remove' | 'notify';

/** Who opened which secret, when and why: kept for the audit trail. */
export interface DecryptAudit {
  record(entry: { userId: string; purpose: DecryptPurpose; keyId: string; at: Date }): void | Promise<void>;
}

function contextFor(kind: SecretKind, userId: string): Record<string, string> {
  return { purpose: kind, userId };
}

function aadFor(kind: SecretKind, userId: string): Buffer {
  return Buffer.from(`pitwatch:${kind}:${userId}`, 'utf8');
}

export class VaultDecryptError extends ForbiddenError {}

export class CredentialVault {
  constructor(
    private readonly keys: KeyProvider,
    private readonly audit?: DecryptAudit,
    private readonly now: () => Date = () => new Date(),
    /** The one kind of secret this vault seals and opens. */
    readonly kind: SecretKind = 'thermoworks-refresh-token',
  ) {}

  async seal(secret: string, userId: string): Promise<SealedSecret> {
    const dataKey = await this.keys.generateDataKey(contextFor(this.kind, userId));
    try {
      return encrypt(secret, aadFor(this.kind, userId), dataKey.plaintext, { keyId: dataKey.keyId, encryptedDataKey: Buffer.from(dataKey.encrypted).toString('base64') });
    } finally {
      dataKey.plaintext.fill(0);
    }
  }

  /**
   * Replaces the secret inside `sealed` (ThermoWorks rotated the refresh token) under the same data key, with a
   * fresh IV: only an unwrap (KMS Decrypt) is needed, so the poll worker never needs GenerateDataKey.
   */
  async reseal(sealed: SealedSecret, secret: string, userId: string): Promise<SealedSecret> {
    const plaintextKey = await this.unwrap(sealed, userId);
    try {
      return encrypt(secret, aadFor(this.kind, userId), plaintextKey, { keyId: sealed.keyId, encryptedDataKey: sealed.encryptedDataKey });
    } finally {
      plaintextKey.fill(0);
    }
  }

  private async unwrap(sealed: SealedSecret, userId: string): Promise<Uint8Array> {
    try {
      return await this.keys.decryptDataKey(Buffer.from(sealed.encryptedDataKey, 'base64'), contextFor(this.kind, userId), sealed.keyId);
    } catch (cause) {
      throw new VaultDecryptError('Stored credential does not belong to this user or its key is unavailable.', { cause });
    }
  }

  async open(sealed: SealedSecret, userId: string, purpose: DecryptPurpose): Promise<string> {
    const plaintextKey = await this.unwrap(sealed, userId);
    try {
      const decipher = createDecipheriv('aes-256-gcm', plaintextKey, Buffer.from(sealed.iv, 'base64'));
      decipher.setAAD(aadFor(this.kind, userId));
      decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
      const secret = Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString('utf8');
      await this.audit?.record({ userId, purpose, keyId: sealed.keyId, at: this.now() });
      return secret;
    } catch (cause) {
      throw new VaultDecryptError('Stored credential failed its integrity check.', { cause });
    } finally {
      plaintextKey.fill(0);
    }
  }
}

function encrypt(secret: string, aad: Buffer, key: Uint8Array, wrapped: Pick<SealedSecret, 'keyId' | 'encryptedDataKey'>): SealedSecret {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return { v: 1, ...wrapped, iv: iv.toString('base64'), ciphertext: ciphertext.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}
