/**
 * Stands in for KMS on a laptop: a 256-bit master key kept in a file (created on first use, mode 0600) wraps data
 * keys with AES-256-GCM, binding the encryption context as additional data exactly as KMS binds it.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataKey, KeyProvider } from './key-provider';

function canonicalContext(context: Record<string, string>): Buffer {
  const sorted = Object.keys(context).sort().map((k) => [k, context[k]]);
  return Buffer.from(JSON.stringify(sorted), 'utf8');
}

function keyIdOf(masterKey: Buffer): string {
  return `local:${createHash('sha256').update(masterKey).digest('hex').slice(0, 16)}`;
}

export class LocalKeyProvider implements KeyProvider {
  readonly keyId: string;
  /** Earlier master keys still accepted for unwrapping, so secrets can be re-wrapped after a rotation. */
  private readonly previous: Map<string, Buffer>;

  constructor(
    private readonly masterKey: Buffer,
    previousKeys: readonly Buffer[] = [],
  ) {
    if (masterKey.length !== 32) throw new Error('Local master key must be 32 bytes');
    this.keyId = keyIdOf(masterKey);
    this.previous = new Map(previousKeys.map((k) => [keyIdOf(k), k]));
  }

  async currentKeyId(): Promise<string> {
    return this.keyId;
  }

  static fromFile(path: string): LocalKeyProvider {
    if (!existsSync(path)) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, randomBytes(32).toString('base64'), { mode: 0o600 });
    }
    return new LocalKeyProvider(Buffer.from(readFileSync(path, 'utf8').trim(), 'base64'));
  }

  async generateDataKey(context: Record<string, string>): Promise<DataKey> {
    const plaintext = randomBytes(32);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.masterKey, iv);
    cipher.setAAD(canonicalContext(context));
    const wrapped = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return { plaintext, encrypted: Buffer.concat([iv, cipher.getAuthTag(), wrapped]), keyId: this.keyId };
  }

  async decryptDataKey(encrypted: Uint8Array, context: Record<string, string>, keyId: string): Promise<Uint8Array> {
    const masterKey = keyId === this.keyId ? this.masterKey : this.previous.get(keyId);
    if (!masterKey) throw new Error(`Data key was wrapped by ${keyId}, which this vault does not hold`);
    const buf = Buffer.from(encrypted);
    const decipher = createDecipheriv('aes-256-gcm', masterKey, buf.subarray(0, 12));
    decipher.setAAD(canonicalContext(context));
    decipher.setAuthTag(buf.subarray(12, 28));
    return Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]);
  }
}
