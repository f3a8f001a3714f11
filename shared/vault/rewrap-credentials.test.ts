import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { LinkedAccount } from '../auth/account-store';
import type { MqttIntegrationRecord } from '../integrations/mqtt/mqtt-integration';
import { DEPLOYMENT_OWNER, type StoredNotifySecrets } from '../notify/deployment-secrets';
import type { NotificationChannel } from '../notify/notification-channel';
import { LocalKeyProvider } from './local-key-provider';
import { rewrapCredentials, type RewrapStores } from './rewrap-credentials';
import type { SealedSecret } from './sealed-secret';
import { deploymentSecretsFor, linkFor, mqttFor, vaultsOn, webhookFor } from './testing/rewrap-fixtures';

/** In-memory stores with the same conditional replace as the DynamoDB ones (compare the ciphertext read). */
function memoryStores() {
  const links = new Map<string, LinkedAccount>();
  const mqtt = new Map<string, MqttIntegrationRecord>();
  const channels = new Map<string, NotificationChannel>();
  let deployment: StoredNotifySecrets | undefined;
  const same = (a: SealedSecret | null | undefined, b: SealedSecret) => a?.ciphertext === b.ciphertext;
  const stores: RewrapStores = {
    accounts: { listLinks: async () => ({ links: [...links.values()], cursor: undefined }), putLink: async (l) => void links.set(l.userId, l) },
    mqtt: {
      listAll: async () => ({ records: [...mqtt.values()], cursor: undefined }),
      replaceSealedPassword: async (accountId, expected, sealed) => {
        const r = mqtt.get(accountId);
        if (!r || !same(r.sealedPassword, expected)) return false;
        mqtt.set(accountId, { ...r, sealedPassword: sealed });
        return true;
      },
    },
    channels: {
      list: async (accountId) => [...channels.values()].filter((c) => c.accountId === accountId),
      replaceSealedSecret: async (accountId, channelId, expected, sealed) => {
        const c = channels.get(`${accountId}/${channelId}`);
        if (!c || c.target.type !== 'webhook' || !same(c.target.sealedSecret, expected)) return false;
        channels.set(`${accountId}/${channelId}`, { ...c, target: { ...c.target, sealedSecret: sealed } });
        return true;
      },
    },
    deploymentSecrets: {
      get: async () => deployment,
      replaceSealed: async (expected, sealed) => {
        if (!deployment || !same(deployment.sealed, expected)) return false;
        deployment = { ...deployment, sealed };
        return true;
      },
    },
  };
  return {
    stores, links, mqtt, channels,
    addChannel: (c: NotificationChannel) => channels.set(`${c.accountId}/${c.channelId}`, c),
    setDeployment: (d: StoredNotifySecrets) => (deployment = d),
    deployment: () => deployment!,
  };
}

const webhookSecretOf = (c: NotificationChannel | undefined) => (c?.target.type === 'webhook' ? c.target.sealedSecret : undefined)!;

describe('rewrapCredentials after a key rotation', () => {
  it('moves every kind of sealed secret under the current key, leaves current ones alone, and the old key is no longer needed', async () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const before = vaultsOn(new LocalKeyProvider(oldKey));
    const rotated = new LocalKeyProvider(newKey, [oldKey]);
    const after = vaultsOn(rotated);
    const w = memoryStores();
    w.links.set('u1', await linkFor('u1', 'a1', before));
    w.links.set('u2', await linkFor('u2', 'a2', after)); // linked after the rotation: already current
    w.mqtt.set('a1', await mqttFor('a1', 'u1', before));
    w.mqtt.set('a2', { ...(await mqttFor('a2', 'u2', before)), sealedPassword: null }); // a broker without a password
    w.addChannel(await webhookFor('a1', 'c1', before));
    w.addChannel(await webhookFor('a2', 'c2', before));
    w.setDeployment(await deploymentSecretsFor(before));

    const summary = await rewrapCredentials(w.stores, after, await rotated.currentKeyId());

    expect(summary.failed).toEqual([]);
    expect(summary.byItem).toEqual({
      thermoworksCredentials: { checked: 2, rewrapped: 1, changed: 0 },
      mqttBrokerPasswords: { checked: 1, rewrapped: 1, changed: 0 },
      webhookSecrets: { checked: 2, rewrapped: 2, changed: 0 },
      deploymentSecrets: { checked: 1, rewrapped: 1, changed: 0 },
    });
    expect(summary).toMatchObject({ checked: 6, rewrapped: 5, changed: 0 });
    // Opened with the new key alone, every secret is what it was.
    const onlyNew = vaultsOn(new LocalKeyProvider(newKey));
    expect(await onlyNew['thermoworks-refresh-token'].open(w.links.get('u1')!.sealedRefreshToken, 'u1', 'poll')).toBe('token-u1');
    expect(await onlyNew['thermoworks-refresh-token'].open(w.links.get('u2')!.sealedRefreshToken, 'u2', 'poll')).toBe('token-u2');
    expect(await onlyNew['mqtt-broker-password'].open(w.mqtt.get('a1')!.sealedPassword!, 'u1', 'mqtt-publish')).toBe('broker-u1');
    expect(w.mqtt.get('a2')!.sealedPassword).toBeNull();
    expect(await onlyNew['notification-secret'].open(webhookSecretOf(w.channels.get('a1/c1')), 'a1', 'notify')).toBe('whsec-c1');
    expect(await onlyNew['notification-secret'].open(webhookSecretOf(w.channels.get('a2/c2')), 'a2', 'notify')).toBe('whsec-c2');
    expect(JSON.parse(await onlyNew['notification-secret'].open(w.deployment().sealed, DEPLOYMENT_OWNER, 'notify'))).toEqual({ vapidPrivateKey: 'vapid-private', linkKey: 'link-key' });

    // A second run finds nothing to do.
    expect(await rewrapCredentials(w.stores, after, await rotated.currentKeyId())).toMatchObject({ checked: 6, rewrapped: 0, changed: 0, failed: [] });
  });

  it('leaves a secret its owner replaced meanwhile, and reports one it cannot open without stopping', async () => {
    const oldKey = randomBytes(32);
    const lostKey = randomBytes(32);
    const rotated = new LocalKeyProvider(randomBytes(32), [oldKey]);
    const w = memoryStores();
    const before = vaultsOn(new LocalKeyProvider(oldKey));
    w.links.set('u1', await linkFor('u1', 'a1', vaultsOn(new LocalKeyProvider(lostKey)))); // under a key nobody holds
    w.mqtt.set('a1', await mqttFor('a1', 'u1', before));
    w.addChannel(await webhookFor('a1', 'c1', before));
    // The user sets a new broker password between the listing and the replacement.
    const replaced = (await mqttFor('a1', 'u1', vaultsOn(rotated))).sealedPassword!;
    const listAll = w.stores.mqtt.listAll;
    w.stores.mqtt.listAll = async () => {
      const page = await listAll();
      w.mqtt.set('a1', { ...w.mqtt.get('a1')!, sealedPassword: replaced });
      return page;
    };

    const summary = await rewrapCredentials(w.stores, vaultsOn(rotated), rotated.keyId);

    expect(summary.failed).toEqual([{ item: 'thermoworksCredentials', owner: 'u1', error: expect.stringMatching(/./) as unknown as string }]);
    expect(summary.byItem.mqttBrokerPasswords).toEqual({ checked: 1, rewrapped: 0, changed: 1 });
    expect(w.mqtt.get('a1')!.sealedPassword).toEqual(replaced);
    expect(summary.byItem.webhookSecrets).toEqual({ checked: 1, rewrapped: 1, changed: 0 });
  });
});
