/**
 * `npm run vault:rewrap`: re-wrap every stored ThermoWorks refresh token under the vault's current master key.
 * Run with the deployed stack's settings and AWS credentials, e.g.
 *   TABLE_NAME=<TableName output> VAULT_KEY_ID=<new KMS key ARN> AWS_REGION=us-east-1 npm run vault:rewrap
 * The previous key must still be enabled while this runs (KMS decrypts each data key with the key that wrapped it).
 */
import { createDependencies } from '../../functions/runtime/dependencies';
import { createVault } from '../../functions/runtime/vault';
import { rewrapCredentials } from '../../shared/vault/rewrap-credentials';

const deps = createDependencies(process.env);
const vault = deps.config.vault;
if (!vault) throw new Error('Set VAULT_KEY_ID (or VAULT_LOCAL_KEY_FILE)');
const currentKeyId = vault.kind === 'kms' ? vault.keyId : (await import('../../shared/vault/local-key-provider')).LocalKeyProvider.fromFile(vault.path).keyId;
const summary = await rewrapCredentials(deps.accounts(), createVault(deps), currentKeyId);
console.log(JSON.stringify(summary));
if (summary.failed.length > 0) process.exit(1);
