/** Test fixtures for key rotation: one of each sealed item, sealed under a given vault set. */
import type { LinkedAccount } from '../../auth/account-store';
import { pendingStatus, type MqttIntegrationRecord } from '../../integrations/mqtt/mqtt-integration';
import { DEPLOYMENT_OWNER, type StoredNotifySecrets } from '../../notify/deployment-secrets';
import type { NotificationChannel } from '../../notify/notification-channel';
import { CredentialVault } from '../credential-vault';
import type { KeyProvider } from '../key-provider';
import type { RewrapVaults } from '../rewrap-credentials';
import { SECRET_KINDS } from '../secret-kind';

export const vaultsOn = (keys: KeyProvider): RewrapVaults => Object.fromEntries(SECRET_KINDS.map((kind) => [kind, new CredentialVault(keys, undefined, undefined, kind)])) as RewrapVaults;

export async function linkFor(userId: string, accountId: string, vaults: RewrapVaults): Promise<LinkedAccount> {
  return {
    userId, accountId, email: `${userId}@example.com`, sealedRefreshToken: await vaults['thermoworks-refresh-token'].seal(`token-${userId}`, userId),
    status: 'ok', statusMessage: null, linkedAt: '2026-12-01T00:00:00Z', lastPolledAt: null, lastReadingAt: null,
  };
}

export async function mqttFor(accountId: string, userId: string, vaults: RewrapVaults): Promise<MqttIntegrationRecord> {
  return {
    accountId, userId, url: 'mqtts://broker.example.com', username: 'ha', sealedPassword: await vaults['mqtt-broker-password'].seal(`broker-${userId}`, userId),
    discoveryPrefix: 'homeassistant', version: 'v1', createdAt: 'x', updatedAt: 'x', status: pendingStatus, retained: {}, discoveryRefreshedAt: null,
  };
}

export async function webhookFor(accountId: string, channelId: string, vaults: RewrapVaults): Promise<NotificationChannel> {
  return {
    channelId, accountId, name: 'Hook', status: 'active', disabledReason: null, quietHours: null, consecutiveFailures: 0, lastDelivery: null, verifiedAt: null, createdAt: 'x', updatedAt: 'x',
    target: { type: 'webhook', url: 'https://hooks.example.com/x', preset: 'generic', sealedSecret: await vaults['notification-secret'].seal(`whsec-${channelId}`, accountId) },
  };
}

export async function deploymentSecretsFor(vaults: RewrapVaults): Promise<StoredNotifySecrets> {
  return { vapidPublicKey: 'BPub', sealed: await vaults['notification-secret'].seal(JSON.stringify({ vapidPrivateKey: 'vapid-private', linkKey: 'link-key' }), DEPLOYMENT_OWNER), createdAt: 'x' };
}
