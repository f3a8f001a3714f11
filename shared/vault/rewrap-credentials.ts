/**
 * Key rotation for everything the vault has sealed: each secret not yet under the vault's current master key is
 * opened (audited as 'rotation') and sealed again with a fresh data key from the current key. The kinds:
 * - ThermoWorks refresh tokens (one per linked account, `thermoworks-refresh-token`);
 * - MQTT broker passwords (one per MQTT integration, `mqtt-broker-password`);
 * - webhook signing secrets (per webhook channel, `notification-secret`, the account as owner);
 * - the deployment's VAPID private key and link key (one sealed item, `notification-secret`, owner `deployment`).
 * Each replacement is conditional on the sealed value it read, so a secret the user changed meanwhile is left as they
 * set it (counted as `changed`, already under the current key). With KMS the old key must stay enabled while this
 * runs; afterwards it can be scheduled for deletion.
 */
import type { AccountStore } from '../auth/account-store';
import type { MqttIntegrationRecord } from '../integrations/mqtt/mqtt-integration';
import { DEPLOYMENT_OWNER, type StoredNotifySecrets } from '../notify/deployment-secrets';
import type { NotificationChannel } from '../notify/notification-channel';
import type { CredentialVault } from './credential-vault';
import type { SealedSecret } from './sealed-secret';
import type { SecretKind } from './secret-kind';

/** The stores' side of rotation: list everything sealed, and replace one sealed value if it is still the one read. */
export interface RewrapStores {
  accounts: Pick<AccountStore, 'listLinks' | 'putLink'>;
  mqtt: {
    /** Every MQTT integration of the deployment, a page at a time. */
    listAll(cursor?: string): Promise<{ records: MqttIntegrationRecord[]; cursor: string | undefined }>;
    replaceSealedPassword(accountId: string, expected: SealedSecret, sealed: SealedSecret): Promise<boolean>;
  };
  channels: {
    list(accountId: string): Promise<NotificationChannel[]>;
    replaceSealedSecret(accountId: string, channelId: string, expected: SealedSecret, sealed: SealedSecret): Promise<boolean>;
  };
  deploymentSecrets: {
    get(): Promise<StoredNotifySecrets | undefined>;
    replaceSealed(expected: SealedSecret, sealed: SealedSecret): Promise<boolean>;
  };
}

/** One vault per kind: each is its own KMS purpose, and a vault opens only its own kind. */
export type RewrapVaults = Record<SecretKind, CredentialVault>;

export const REWRAPPED_ITEMS = ['thermoworksCredentials', 'mqttBrokerPasswords', 'webhookSecrets', 'deploymentSecrets'] as const;
export type RewrappedItem = (typeof REWRAPPED_ITEMS)[number];

export interface RewrapCount {
  checked: number;
  rewrapped: number;
  /** Replaced by its owner while this ran: left as they set it. */
  changed: number;
}

export interface RewrapSummary extends RewrapCount {
  byItem: Record<RewrappedItem, RewrapCount>;
  failed: Array<{ item: RewrappedItem; owner: string; error: string }>;
}

export async function rewrapCredentials(stores: RewrapStores, vaults: RewrapVaults, currentKeyId: string): Promise<RewrapSummary> {
  const byItem = Object.fromEntries(REWRAPPED_ITEMS.map((item) => [item, { checked: 0, rewrapped: 0, changed: 0 }])) as Record<RewrappedItem, RewrapCount>;
  const failed: RewrapSummary['failed'] = [];

  /** One sealed secret: skipped when current, else opened, sealed anew and replaced if unchanged. */
  const rewrap = async (item: RewrappedItem, kind: SecretKind, owner: string, sealed: SealedSecret, replace: (fresh: SealedSecret) => Promise<boolean>) => {
    const count = byItem[item];
    count.checked++;
    if (sealed.keyId === currentKeyId) return;
    try {
      const secret = await vaults[kind].open(sealed, owner, 'rotation');
      if (await replace(await vaults[kind].seal(secret, owner))) count.rewrapped++;
      else count.changed++;
    } catch (error) {
      failed.push({ item, owner, error: error instanceof Error ? error.message : String(error) });
    }
  };

  // Webhook channels live under their account; every account is a linked ThermoWorks account.
  const accountIds = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await stores.accounts.listLinks(cursor);
    for (const link of page.links) {
      accountIds.add(link.accountId);
      await rewrap('thermoworksCredentials', 'thermoworks-refresh-token', link.userId, link.sealedRefreshToken, async (fresh) => {
        await stores.accounts.putLink({ ...link, sealedRefreshToken: fresh });
        return true;
      });
    }
    cursor = page.cursor;
  } while (cursor);

  do {
    const page = await stores.mqtt.listAll(cursor);
    for (const record of page.records) {
      if (!record.sealedPassword) continue;
      const sealed = record.sealedPassword;
      await rewrap('mqttBrokerPasswords', 'mqtt-broker-password', record.userId, sealed, (fresh) => stores.mqtt.replaceSealedPassword(record.accountId, sealed, fresh));
    }
    cursor = page.cursor;
  } while (cursor);

  for (const accountId of accountIds) {
    for (const channel of await stores.channels.list(accountId)) {
      if (channel.target.type !== 'webhook') continue;
      const sealed = channel.target.sealedSecret;
      await rewrap('webhookSecrets', 'notification-secret', accountId, sealed, (fresh) => stores.channels.replaceSealedSecret(accountId, channel.channelId, sealed, fresh));
    }
  }

  const deployment = await stores.deploymentSecrets.get();
  if (deployment) await rewrap('deploymentSecrets', 'notification-secret', DEPLOYMENT_OWNER, deployment.sealed, (fresh) => stores.deploymentSecrets.replaceSealed(deployment.sealed, fresh));

  const total = (key: keyof RewrapCount) => REWRAPPED_ITEMS.reduce((n, item) => n + byItem[item][key], 0);
  return { checked: total('checked'), rewrapped: total('rewrapped'), changed: total('changed'), byItem, failed };
}
