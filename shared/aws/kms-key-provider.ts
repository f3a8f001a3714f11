/** KeyProvider on AWS KMS: GenerateDataKey / Decrypt with the user id in the encryption context. */
import { DecryptCommand, DescribeKeyCommand, GenerateDataKeyCommand, type KMSClient } from '@aws-sdk/client-kms';
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

  /**
   * GenerateDataKey records the key's ARN on every data key, whatever `keyId` names it by (ARN, key id or alias), so
   * the configured id is resolved to that ARN. Compared as configured, an alias would match nothing and every
   * rotation would re-wrap every secret again.
   */
  async currentKeyId(): Promise<string> {
    const out = await this.kms.send(new DescribeKeyCommand({ KeyId: this.keyId }));
    if (!out.KeyMetadata?.Arn) throw new Error('KMS DescribeKey returned no key ARN');
    return out.KeyMetadata.Arn;
  }
}
