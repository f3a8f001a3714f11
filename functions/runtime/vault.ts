import { KMSClient } from '@aws-sdk/client-kms';
import { DynamoDecryptAudit } from '../../shared/aws/dynamo-decrypt-audit';
import { KmsKeyProvider } from '../../shared/aws/kms-key-provider';
import { ConfigError } from '../../shared/config';
import { CredentialVault } from '../../shared/vault/credential-vault';
import type { KeyProvider } from '../../shared/vault/key-provider';
import { LocalKeyProvider } from '../../shared/vault/local-key-provider';
import type { SecretKind } from '../../shared/vault/secret-kind';
import type { CoreDependencies } from './core-dependencies';

/**
 * The credential vault for one kind of secret: KMS in AWS (the function's role may use only the kinds it is granted),
 * the local master-key file on a laptop; every decrypt audited in DynamoDB.
 */
export function createVault(deps: CoreDependencies, kind: SecretKind = 'thermoworks-refresh-token'): CredentialVault {
  return new CredentialVault(createKeyProvider(deps), new DynamoDecryptAudit(deps.db(), deps.config.tableName), undefined, kind);
}

/** The vault's master key: KMS in AWS, the local master-key file on a laptop. */
export function createKeyProvider(deps: CoreDependencies): KeyProvider {
  const vault = deps.config.vault;
  if (!vault) throw new ConfigError('This function needs VAULT_KEY_ID (KMS) or VAULT_LOCAL_KEY_FILE (local stack)');
  return vault.kind === 'kms' ? new KmsKeyProvider(new KMSClient({ region: deps.config.region }), vault.keyId) : LocalKeyProvider.fromFile(vault.path);
}
