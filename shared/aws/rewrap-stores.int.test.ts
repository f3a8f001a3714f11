import { randomBytes } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { freshTable } from '../../infra/local/testing/local-table';
import { DEPLOYMENT_OWNER } from '../notify/deployment-secrets';
import { LocalKeyProvider } from '../vault/local-key-provider';
import { rewrapCredentials } from '../vault/rewrap-credentials';
import { deploymentSecretsFor, linkFor, mqttFor, vaultsOn, webhookFor } from '../vault/testing/rewrap-fixtures';
import { DynamoAccountStore } from './dynamo-account-store';
import { DynamoChannelStore } from './dynamo-channel-store';
import { DynamoDeploymentSecretStore } from './dynamo-deployment-secret-store';
import { DynamoMqttIntegrationStore } from './dynamo-mqtt-integration-store';

let db: DynamoDBDocumentClient;
let tableName: string;

beforeAll(async () => {
  ({ db, tableName } = await freshTable(inject('dynamoEndpoint')));
});

describe('npm run vault:rewrap on DynamoDB', () => {
  it('re-wraps ThermoWorks tokens, broker passwords, webhook secrets and the deployment secrets in their items', async () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const before = vaultsOn(new LocalKeyProvider(oldKey));
    const rotated = new LocalKeyProvider(newKey, [oldKey]);
    const stores = {
      accounts: new DynamoAccountStore(db, tableName),
      mqtt: new DynamoMqttIntegrationStore(db, tableName),
      channels: new DynamoChannelStore(db, tableName),
      deploymentSecrets: new DynamoDeploymentSecretStore(db, tableName),
    };
    await stores.accounts.putLink(await linkFor('u1', 'a1', before));
    await stores.mqtt.put(await mqttFor('a1', 'u1', before));
    await stores.channels.put(await webhookFor('a1', 'c1', before));
    await stores.deploymentSecrets.putIfAbsent(await deploymentSecretsFor(before));

    const summary = await rewrapCredentials(stores, vaultsOn(rotated), rotated.keyId);
    expect(summary).toMatchObject({ checked: 4, rewrapped: 4, changed: 0, failed: [] });

    const onlyNew = vaultsOn(new LocalKeyProvider(newKey));
    expect(await onlyNew['thermoworks-refresh-token'].open((await stores.accounts.getLink('u1'))!.sealedRefreshToken, 'u1', 'poll')).toBe('token-u1');
    const mqtt = (await stores.mqtt.get('a1'))!;
    expect(await onlyNew['mqtt-broker-password'].open(mqtt.sealedPassword!, 'u1', 'mqtt-publish')).toBe('broker-u1');
    expect(mqtt.version).toBe('v1'); // the rest of the item as it was
    const channel = (await stores.channels.get('a1', 'c1'))!;
    expect(channel.target.type === 'webhook' && (await onlyNew['notification-secret'].open(channel.target.sealedSecret, 'a1', 'notify'))).toBe('whsec-c1');
    expect(JSON.parse(await onlyNew['notification-secret'].open((await stores.deploymentSecrets.get())!.sealed, DEPLOYMENT_OWNER, 'notify'))).toMatchObject({ vapidPrivateKey: 'vapid-private' });

    // A replacement conditional on a stale read changes nothing.
    const stale = { ...mqtt.sealedPassword!, ciphertext: 'stale' };
    expect(await stores.mqtt.replaceSealedPassword('a1', stale, stale)).toBe(false);
    expect(await stores.channels.replaceSealedSecret('a1', 'c1', stale, stale)).toBe(false);
    expect(await stores.deploymentSecrets.replaceSealed(stale, stale)).toBe(false);
    expect((await stores.mqtt.get('a1'))!.sealedPassword).toEqual(mqtt.sealedPassword);
  });
});
