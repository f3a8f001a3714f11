/**
 * `npm run vault:rewrap`: re-wrap every sealed secret under the vault's current master key — ThermoWorks refresh
 * tokens, MQTT broker passwords, webhook secrets and the deployment's VAPID private key and link key.
 * Run with the deployed stack's settings and AWS credentials, e.g.
 *   TABLE_NAME=<TableName output> VAULT_KEY_ID=<new KMS key ARN> AWS_REGION=us-east-1 npm run vault:rewrap
 * The previous key must still be enabled while this runs (KMS decrypts each data key with the key that wrapped it).
 * Prints the summary as JSON (per item: checked, rewrapped, changed meanwhile) and exits 1 if any secret failed.
 */
import { createDependencies } from '../../functions/runtime/dependencies';
import { createMqttIntegrationStore } from '../../functions/runtime/mqtt';
import { createChannelStore, createDeploymentSecretStore } from '../../functions/runtime/notify';
import { createVault } from '../../functions/runtime/vault';
import { rewrapCredentials, type RewrapVaults } from '../../shared/vault/rewrap-credentials';
import { SECRET_KINDS } from '../../shared/vault/secret-kind';

const deps = createDependencies(process.env);
const vault = deps.config.vault;
if (!vault) throw new Error('Set VAULT_KEY_ID (or VAULT_LOCAL_KEY_FILE)');
const currentKeyId = vault.kind === 'kms' ? vault.keyId : (await import('../../shared/vault/local-key-provider')).LocalKeyProvider.fromFile(vault.path).keyId;
const vaults = Object.fromEntries(SECRET_KINDS.map((kind) => [kind, createVault(deps, kind)])) as RewrapVaults;
const summary = await rewrapCredentials(
  { accounts: deps.accounts(), mqtt: createMqttIntegrationStore(deps), channels: createChannelStore(deps), deploymentSecrets: createDeploymentSecretStore(deps) },
  vaults,
  currentKeyId,
);
console.log(JSON.stringify(summary, null, 2));
if (summary.failed.length > 0) process.exit(1);
