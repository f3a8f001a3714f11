import { DecryptCommand, DescribeKeyCommand, GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { CredentialVault } from '../vault/credential-vault';
import { KmsKeyProvider } from './kms-key-provider';

const kms = mockClient(KMSClient);
const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describe('KmsKeyProvider', () => {
  beforeEach(() => kms.reset());

  it('asks KMS for an AES-256 data key bound to the user, and unwraps it with the same context', async () => {
    const plaintext = new Uint8Array(32).fill(7);
    const wrapped = new Uint8Array([1, 2, 3]);
    kms.on(GenerateDataKeyCommand).resolves({ Plaintext: plaintext.slice(), CiphertextBlob: wrapped, KeyId: KEY_ARN });
    kms.on(DecryptCommand).resolves({ Plaintext: plaintext.slice(), KeyId: KEY_ARN });
    const vault = new CredentialVault(new KmsKeyProvider(new KMSClient({ region: 'us-east-1' }), 'alias/pitwatch'));

    const sealed = await vault.seal('refresh', 'user-9');
    expect(await vault.open(sealed, 'user-9', 'poll')).toBe('refresh');

    const context = { purpose: 'thermoworks-refresh-token', userId: 'user-9' };
    expect(kms.commandCalls(GenerateDataKeyCommand)[0]?.args[0].input).toEqual({ KeyId: 'alias/pitwatch', KeySpec: 'AES_256', EncryptionContext: context });
    expect(kms.commandCalls(DecryptCommand)[0]?.args[0].input).toEqual({ CiphertextBlob: Buffer.from(wrapped), EncryptionContext: context, KeyId: KEY_ARN });
    expect(sealed.keyId).toBe(KEY_ARN);
  });

  it('names the current key by the ARN that sealed secrets record, when configured by alias', async () => {
    kms.on(DescribeKeyCommand).resolves({ KeyMetadata: { KeyId: '1234abcd-12ab-34cd-56ef-1234567890ab', Arn: KEY_ARN } });
    kms.on(GenerateDataKeyCommand).resolves({ Plaintext: new Uint8Array(32).fill(7), CiphertextBlob: new Uint8Array([1]), KeyId: KEY_ARN });
    const keys = new KmsKeyProvider(new KMSClient({ region: 'us-east-1' }), 'alias/pitwatch');

    expect(await keys.currentKeyId()).toBe((await new CredentialVault(keys).seal('refresh', 'user-9')).keyId);
    expect(kms.commandCalls(DescribeKeyCommand).map((c) => c.args[0].input)).toEqual([{ KeyId: 'alias/pitwatch' }]);
  });

  it('refuses a DescribeKey answer without an ARN instead of comparing against nothing', async () => {
    kms.on(DescribeKeyCommand).resolves({});
    await expect(new KmsKeyProvider(new KMSClient({ region: 'us-east-1' }), 'alias/pitwatch').currentKeyId()).rejects.toThrow('no key ARN');
  });
});
