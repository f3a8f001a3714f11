import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { activeCookFromItem } from './dynamo-cook-store';
import type { ActiveCook } from '../cooks/cook-record';
import type { AccountPartition, DeviceRecord, DeviceStore, LatestReading } from '../devices/device-store';
import { isNewer } from '../devices/latest-reading';
import type { MqttIntegrationRecord } from '../integrations/mqtt/mqtt-integration';
import { DEVICE_ALARM_CLEAR_ITEM_TYPE, deviceAlarmClearOf, storedRuleOf } from './alarm-rule-item';
import { personalPriorsOf, PERSONAL_PRIORS_ITEM_TYPE } from './dynamo-personal-priors-store';
import type { DeviceAlarmClear, StoredAlarmRule } from '../alarms/alarm-store';
import { keys } from './table-design';

/** Each channel's latest reading is one map attribute of the device item, named by the channel. */
const LATEST_PREFIX = 'latest:';

type StoredLatest = Omit<LatestReading, 'accountId' | 'serial' | 'channel'> & { atKey: string };

/** Tries of one device write when a concurrent poll stored some channel first (each try drops what lost). */
const MAX_TRIES = 4;

export class DynamoDeviceStore implements DeviceStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * One UpdateItem: the device's attributes, and `latest:{channel}` for each reading, under a condition that each of
   * those channels is absent, older, or changed state at the same time (ISO-8601 UTC strings sort as times). If any
   * channel was stored as new by someone else meanwhile, the condition fails as a whole: the stored item is read
   * back and the write is tried again without the channels that are no longer news.
   */
  async putDevice(device: DeviceRecord, latest: readonly LatestReading[]): Promise<LatestReading[]> {
    let candidates = [...latest];
    for (let attempt = 1; ; attempt++) {
      try {
        await this.db.send(this.deviceUpdate(device, candidates));
        return candidates;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException) || attempt >= MAX_TRIES) throw error;
        const stored = await this.storedLatest(device.accountId, device.serial);
        candidates = candidates.filter((l) => isNewer(l, stored.get(l.channel)));
      }
    }
  }

  private deviceUpdate(device: DeviceRecord, latest: readonly LatestReading[]): UpdateCommand {
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ':type': 'device' };
    const sets = ['#type = :type'];
    names['#type'] = 'type';
    Object.entries(device).forEach(([name, value], i) => {
      if (value === undefined) return;
      names[`#d${i}`] = name;
      values[`:d${i}`] = value;
      sets.push(`#d${i} = :d${i}`);
    });
    const conditions: string[] = [];
    latest.forEach((l, i) => {
      const stored: StoredLatest = { label: l.label, value: l.value, units: l.units, status: l.status, probeConnected: l.probeConnected, at: l.at, atKey: l.at ?? '' };
      names[`#l${i}`] = `${LATEST_PREFIX}${l.channel}`;
      values[`:l${i}`] = stored;
      values[`:at${i}`] = stored.atKey;
      values[`:st${i}`] = l.status;
      values[`:pc${i}`] = l.probeConnected;
      sets.push(`#l${i} = :l${i}`);
      conditions.push(
        `(attribute_not_exists(#l${i}) OR #l${i}.atKey < :at${i} OR (#l${i}.atKey = :at${i} AND (#l${i}.#st <> :st${i} OR #l${i}.probeConnected <> :pc${i})))`,
      );
    });
    if (latest.length > 0) names['#st'] = 'status';
    return new UpdateCommand({
      TableName: this.tableName,
      Key: keys.device(device.accountId, device.serial),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ...(conditions.length > 0 ? { ConditionExpression: conditions.join(' AND ') } : {}),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    });
  }

  private async storedLatest(accountId: string, serial: string): Promise<Map<string, LatestReading>> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.device(accountId, serial), ConsistentRead: true }));
    return new Map(latestOf(out.Item ?? {}, accountId, serial).map((l) => [l.channel, l]));
  }

  async getDevice(accountId: string, serial: string): Promise<DeviceRecord | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.device(accountId, serial) }));
    return out.Item ? deviceOf(out.Item) : undefined;
  }

  async listAccountDevices(accountId: string): Promise<AccountPartition> {
    const devices: DeviceRecord[] = [];
    const latest = new Map<string, LatestReading>();
    /** One item per channel, as written before the latest readings moved onto the device item. */
    const legacy: LatestReading[] = [];
    const cooks: ActiveCook[] = [];
    let mqtt: MqttIntegrationRecord | undefined;
    const alarms: StoredAlarmRule[] = [];
    const deviceAlarmClears: DeviceAlarmClear[] = [];
    let personalPriorsItem: Record<string, unknown> | undefined;
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
        if (item.type === 'device') {
          const device = deviceOf(item);
          devices.push(device);
          for (const l of latestOf(item, accountId, device.serial)) latest.set(`${l.serial}#${l.channel}`, l);
        } else if (item.type === 'latest') legacy.push(stripKeys(item) as unknown as LatestReading);
        else if (item.type === 'cook') cooks.push(activeCookFromItem(item));
        else if (item.type === 'mqtt-integration') mqtt = mqttIntegrationOf(item);
        else if (item.type === 'alarm') alarms.push(storedRuleOf(item));
        else if (item.type === DEVICE_ALARM_CLEAR_ITEM_TYPE) deviceAlarmClears.push(deviceAlarmClearOf(item));
        else if (item.type === PERSONAL_PRIORS_ITEM_TYPE) personalPriorsItem = item;
      }
      start = out.LastEvaluatedKey;
    } while (start);
    for (const l of legacy) {
      const key = `${l.serial}#${l.channel}`;
      if (!latest.has(key)) latest.set(key, l);
    }
    return {
      devices,
      latest: [...latest.values()],
      cooks,
      ...(mqtt ? { mqtt } : {}),
      ...(alarms.length > 0 ? { alarms } : {}),
      ...(deviceAlarmClears.length > 0 ? { deviceAlarmClears } : {}),
      // Only an active cook uses them (parsed only then); they come with the Query anyway (a few KB, no call of their own).
      ...(personalPriorsItem && cooks.length > 0 ? { personalPriors: personalPriorsOf(personalPriorsItem) } : {}),
    };
  }
}

export function mqttIntegrationOf(item: Record<string, unknown>): MqttIntegrationRecord {
  const { GSI1PK: _gsiPk, GSI1SK: _gsiSk, ...rest } = stripKeys(item);
  return rest as unknown as MqttIntegrationRecord;
}

/** The latest readings a device item carries (`latest:{channel}` attributes). */
export function latestOf(item: Record<string, unknown>, accountId: string, serial: string): LatestReading[] {
  const found: LatestReading[] = [];
  for (const [name, value] of Object.entries(item)) {
    if (!name.startsWith(LATEST_PREFIX)) continue;
    const { atKey: _atKey, ...stored } = value as StoredLatest;
    found.push({ accountId, serial, channel: name.slice(LATEST_PREFIX.length), ...stored });
  }
  return found;
}

function deviceOf(item: Record<string, unknown>): DeviceRecord {
  const rest = stripKeys(item);
  for (const name of Object.keys(rest)) if (name.startsWith(LATEST_PREFIX)) delete rest[name];
  return rest as unknown as DeviceRecord;
}

function stripKeys(item: Record<string, unknown>): Record<string, unknown> {
  const { PK: _pk, SK: _sk, type: _type, atKey: _atKey, ...rest } = item;
  return rest;
}
