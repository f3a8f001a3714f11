import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { activeCookFromItem } from './dynamo-cook-store';
import type { ActiveCook } from '../cooks/cook-record';
import type { AccountPartition, DeviceRecord, DeviceStore, LatestReading } from '../devices/device-store';
import type { MqttIntegrationRecord } from '../integrations/mqtt/mqtt-integration';
import { storedRuleOf } from './alarm-rule-item';
import type { StoredAlarmRule } from '../alarms/alarm-store';
import { keys } from './table-design';

export class DynamoDeviceStore implements DeviceStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async putDevice(device: DeviceRecord): Promise<void> {
    await this.db.send(
      new PutCommand({ TableName: this.tableName, Item: { ...keys.device(device.accountId, device.serial), type: 'device', ...device } }),
    );
  }

  async putLatestIfNewer(latest: LatestReading): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.latest(latest.accountId, latest.serial, latest.channel), type: 'latest', ...latest, atKey: latest.at ?? '' },
          // ISO-8601 UTC strings sort as times. A state change without a new time (probe unplugged) is still news.
          ConditionExpression: 'attribute_not_exists(PK) OR atKey < :at OR (atKey = :at AND (#st <> :st OR probeConnected <> :pc))',
          ExpressionAttributeNames: { '#st': 'status' },
          ExpressionAttributeValues: { ':at': latest.at ?? '', ':st': latest.status, ':pc': latest.probeConnected },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async getDevice(accountId: string, serial: string): Promise<DeviceRecord | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.device(accountId, serial) }));
    return out.Item ? (stripKeys(out.Item) as unknown as DeviceRecord) : undefined;
  }

  async listAccountDevices(accountId: string): Promise<AccountPartition> {
    const devices: DeviceRecord[] = [];
    const latest: LatestReading[] = [];
    const cooks: ActiveCook[] = [];
    let mqtt: MqttIntegrationRecord | undefined;
    const alarms: StoredAlarmRule[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': keys.accountPartition(accountId) },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of out.Items ?? []) {
        if (item.type === 'device') devices.push(stripKeys(item) as unknown as DeviceRecord);
        else if (item.type === 'latest') latest.push(stripKeys(item) as unknown as LatestReading);
        else if (item.type === 'cook') cooks.push(activeCookFromItem(item));
        else if (item.type === 'mqtt-integration') mqtt = mqttIntegrationOf(item);
        else if (item.type === 'alarm') alarms.push(storedRuleOf(item));
      }
      start = out.LastEvaluatedKey;
    } while (start);
    return { devices, latest, cooks, ...(mqtt ? { mqtt } : {}), ...(alarms.length > 0 ? { alarms } : {}) };
  }
}

export function mqttIntegrationOf(item: Record<string, unknown>): MqttIntegrationRecord {
  const { GSI1PK: _gsiPk, GSI1SK: _gsiSk, ...rest } = stripKeys(item);
  return rest as unknown as MqttIntegrationRecord;
}

function stripKeys(item: Record<string, unknown>): Record<string, unknown> {
  const { PK: _pk, SK: _sk, type: _type, atKey: _atKey, ...rest } = item;
  return rest;
}
