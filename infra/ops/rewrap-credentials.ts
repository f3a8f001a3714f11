/**
 * `npm run vault:rewrap`: re-wrap every sealed secret under the vault's current master key — ThermoWorks refresh
 * tokens, MQTT broker passwords, webhook secrets and the deployment's VAPID private key and link key.
 * Run with the deployed stack's settings and AWS credentials, e.g.
 *   TABLE_NAME=<TableName output> VAULT_KEY_ID=<new KMS key ARN, key id or alias> AWS_REGION=us-east-1 npm run vault:rewrap
 * It needs kms:DescribeKey on the new key (to learn its ARN), and kms:Decrypt and kms:GenerateDataKey as the vault does.
 * The previous key must still be enabled while this runs (KMS decrypts each data key with the key that wrapped it).
 * Prints the summary as JSON (per item: checked, rewrapped, changed meanwhile) and exits 1 if any secret failed.
 */
import { createDependencies } from '../../functions/runtime/dependencies';
import { createMqttIntegrationStore } from '../../functions/runtime/mqtt';
import { createChannelStore, createDeploymentSecretStore } from '../../functions/runtime/notify';
import { createKeyProvider, createVault } from '../../functions/runtime/vault';
import { rewrapCredentials, type RewrapVaults } from '../../shared/vault/rewrap-credentials';
import { SECRET_KINDS } from '../../shared/vault/secret-kind';

const deps = createDependencies(process.env);
if (!deps.config.vault) throw new Error('Set VAULT_KEY_ID (or VAULT_LOCAL_KEY_FILE)');
// As sealed secrets record it: VAULT_KEY_ID may name the key by alias or key id, the secrets by its ARN.
const currentKeyId = await createKeyProvider(deps).currentKeyId();
const vaults = Object.fromEntries(SECRET_KINDS.map((kind) => [kind, createVault(deps, kind)])) as RewrapVaults;
const summary = await rewrapCredentials(
  { accounts: deps.accounts(), mqtt: createMqttIntegrationStore(deps), channels: createChannelStore(deps), deploymentSecrets: createDeploymentSecretStore(deps) },
  vaults,
  currentKeyId,
);
console.log(JSON.stringify(summary, null, 2));
if (summary.failed.length > 0) process.exit(1);
