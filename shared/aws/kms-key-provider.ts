/** KeyProvider on AWS KMS: GenerateDataKey / Decrypt with the user id in the encryption context. */
import { DecryptCommand, GenerateDataKeyCommand, type KMSClient } from '@aws-sdk/client-kms';
import type { DataKey, KeyProvider } from '../vault/key-provider';

export class KmsKeyProvider implements KeyProvider {
  constructor(
    private readonly kms: KMSClient,
    private readonly keyId: string,
  ) {}

  async generateDataKey(context: Record<string, string>): Promise<DataKey> {
    const out = await this.kms.send(
      new GenerateDataKeyCommand({ KeyId: this.keyId, KeySpec: 'AES_256', EncryptionContext: context }),
    );
    if (!out.Plaintext || !out.CiphertextBlob || !out.KeyId) throw new Error('KMS GenerateDataKey returned no key');
    return { plaintext: out.Plaintext, encrypted: out.CiphertextBlob, keyId: out.KeyId };
  }

  async decryptDataKey(encrypted: Uint8Array, context: Record<string, string>, keyId: string): Promise<Uint8Array> {
    const out = await this.kms.send(
      new DecryptCommand({ CiphertextBlob: encrypted, EncryptionContext: context, KeyId: keyId }),
    );
    if (!out.Plaintext) throw new Error('KMS Decrypt returned no plaintext');
    return out.Plaintext;
  }
}
