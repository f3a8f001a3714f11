/**
 * Alarm rules (account partition, with their state) and alarm events (ALARMEVENTS#{accountId}) on DynamoDB. The
 * worker changes only a rule's `ruleState`/`deviceAlarm` attributes, users only its settings, so neither overwrites the
 * other; event changes are conditional updates of single attributes (acknowledge once, claims per delivery key).
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AcknowledgedVia, AlarmEvent, ChannelDelivery } from '../alarms/alarm-event';
import type { AlarmRule } from '../alarms/alarm-rule';
import type { AlarmStore, DeviceAlarmClear, DeviceAlarmStatus, EventPage, StoredAlarmRule } from '../alarms/alarm-store';
import type { AlarmRuleState } from '../alarms/rule-state';
import { ValidationError } from '../errors';
import { epochSeconds } from './dynamo-document-client';
import { DEVICE_ALARM_CLEAR_ITEM_TYPE, storedRuleOf } from './alarm-rule-item';
import { keys } from './table-design';

/** Alarm history is kept 90 days. */
const EVENT_RETENTION_DAYS = 90;

const conditionFailed = (error: unknown) => error instanceof ConditionalCheckFailedException;


function eventOf(item: Record<string, unknown>): AlarmEvent {
  const { PK: _pk, SK: _sk, type: _type, claims: _claims, expiresAt: _ttl, ...event } = item;
  return event as unknown as AlarmEvent;
}

const encodeCursor = (eventId: string) => Buffer.from(eventId).toString('base64url');
const decodeCursor = (cursor: string) => Buffer.from(cursor, 'base64url').toString('utf8');

/** A cursor names an event id inside the queried range; anything else is the caller's mistake (DynamoDB would refuse it). */
function startAfter(cursor: string, lower: string, upper: string): string {
  const eventId = decodeCursor(cursor);
  const sk = `EVENT#${eventId}`;
  if (!/^[0-9]{13}[A-Za-z0-9_-]{0,64}$/.test(eventId) || sk < lower || sk > upper) throw new ValidationError('This cursor does not belong to this query.', { details: { cursor } });
  return eventId;
}

export class DynamoAlarmStore implements AlarmStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async listRules(accountId: string): Promise<StoredAlarmRule[]> {
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.accountPartition(accountId), ':prefix': keys.alarmRulePrefix },
      }),
    );
    return (out.Items ?? []).map(storedRuleOf);
  }

  async getRule(accountId: string, alarmId: string): Promise<StoredAlarmRule | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.alarmRule(accountId, alarmId) }));
    return out.Item ? storedRuleOf(out.Item) : undefined;
  }

  async putRule(stored: StoredAlarmRule): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.alarmRule(stored.rule.accountId, stored.rule.alarmId), type: 'alarm', rule: stored.rule, ruleState: stored.state, deviceAlarm: stored.deviceAlarm },
      }),
    );
  }

  async updateRule(rule: AlarmRule, changes: { state?: AlarmRuleState; deviceAlarm?: DeviceAlarmStatus | null }): Promise<boolean> {
    const sets = ['#rule = :rule'];
    const values: Record<string, unknown> = { ':rule': rule };
    if (changes.state) {
      sets.push('ruleState = :state');
      values[':state'] = changes.state;
    }
    if (changes.deviceAlarm !== undefined) {
      sets.push('deviceAlarm = :da');
      values[':da'] = changes.deviceAlarm;
    }
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.alarmRule(rule.accountId, rule.alarmId),
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeNames: { '#rule': 'rule' },
          ExpressionAttributeValues: values,
        }),
      );
      return true;
    } catch (error) {
      if (conditionFailed(error)) return false;
      throw error;
    }
  }

  async deleteRule(accountId: string, alarmId: string): Promise<StoredAlarmRule | undefined> {
    const out = await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: keys.alarmRule(accountId, alarmId), ReturnValues: 'ALL_OLD' }));
    return out.Attributes ? storedRuleOf(out.Attributes) : undefined;
  }

  /** Sets one attribute of a rule that still exists (and, given `condition`, still meets it); else does nothing. */
  private async setIfExists(
    accountId: string,
    alarmId: string,
    attribute: string,
    value: unknown,
    condition: { expression: string; names: Record<string, string>; values: Record<string, unknown> } = { expression: 'attribute_exists(PK)', names: {}, values: {} },
  ): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.alarmRule(accountId, alarmId),
          UpdateExpression: 'SET #a = :v',
          ConditionExpression: condition.expression,
          ExpressionAttributeNames: { '#a': attribute, ...condition.names },
          ExpressionAttributeValues: { ':v': value, ...condition.values },
        }),
      );
    } catch (error) {
      if (!conditionFailed(error)) throw error; // deleted or changed meanwhile: the newer state stands
    }
  }


  async requestDeviceAlarmClear(accountId: string, clear: DeviceAlarmClear): Promise<void> {
    // Only the fields given are set, so a second rule deleted on the same channel adds its field to the first's.
    const fields = (['high', 'low'] as const).filter((f) => clear.alarms[f]);
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.deviceAlarmClear(accountId, clear.serial, clear.channel),
        UpdateExpression: `SET #type = :type, serial = :serial, channel = :channel, requestedAt = :at${fields.map((f) => `, #${f} = :${f}`).join('')} ADD alarmIds :ids`,
        ExpressionAttributeNames: { '#type': 'type', ...Object.fromEntries(fields.map((f) => [`#${f}`, f])) },
        ExpressionAttributeValues: {
          ':type': DEVICE_ALARM_CLEAR_ITEM_TYPE,
          ':serial': clear.serial,
          ':channel': clear.channel,
          ':at': clear.requestedAt,
          ':ids': new Set(clear.alarmIds),
          ...Object.fromEntries(fields.map((f) => [`:${f}`, clear.alarms[f]])),
        },
      }),
    );
  }

  async deviceAlarmCleared(accountId: string, clear: DeviceAlarmClear): Promise<void> {
    try {
      await this.db.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: keys.deviceAlarmClear(accountId, clear.serial, clear.channel),
          ConditionExpression: 'requestedAt = :at',
          ExpressionAttributeValues: { ':at': clear.requestedAt },
        }),
      );
    } catch (error) {
      if (!conditionFailed(error)) throw error; // asked again meanwhile (or gone): the next poll reads it anew
    }
  }

  saveRuleState(accountId: string, alarmId: string, state: AlarmRuleState): Promise<void> {
    return this.setIfExists(accountId, alarmId, 'ruleState', state);
  }

  saveDeviceAlarm(accountId: string, alarmId: string, status: DeviceAlarmStatus, read: DeviceAlarmStatus): Promise<void> {
    // Still the status the poll read: an edit or a switch since then set a newer one, which stays.
    if (read.at === null) return this.setIfExists(accountId, alarmId, 'deviceAlarm', status);
    return this.setIfExists(accountId, alarmId, 'deviceAlarm', status, { expression: 'deviceAlarm.#at = :readAt', names: { '#at': 'at' }, values: { ':readAt': read.at } });
  }

  async putEvent(event: AlarmEvent): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.alarmEvent(event.accountId, event.eventId),
          type: 'alarm-event',
          ...event,
          claims: {},
          expiresAt: epochSeconds(event.firedAt) + EVENT_RETENTION_DAYS * 86_400,
        },
        // An event id is written once: a redelivered poll that fired the same event again must not reset it.
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    ).catch((error: unknown) => {
      if (!conditionFailed(error)) throw error;
    });
  }

  async getEvent(accountId: string, eventId: string): Promise<AlarmEvent | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.alarmEvent(accountId, eventId), ConsistentRead: true }));
    return out.Item ? eventOf(out.Item) : undefined;
  }

  async listEvents(accountId: string, range: { from?: string; to?: string; cursor?: string; limit: number }): Promise<EventPage> {
    // Event ids begin with the firing time in ms (13 digits), so SK bounds are time bounds.
    const lower = `EVENT#${range.from ? String(Date.parse(range.from)).padStart(13, '0') : ''}`;
    const upper = `EVENT#${range.to ? String(Date.parse(range.to)).padStart(13, '0') : '~'}`;
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :lo AND :hi',
        ExpressionAttributeValues: { ':pk': keys.alarmEventsPartition(accountId), ':lo': lower, ':hi': upper },
        Limit: range.limit,
        ...(range.cursor ? { ExclusiveStartKey: keys.alarmEvent(accountId, startAfter(range.cursor, lower, upper)) } : {}),
      }),
    );
    const events = (out.Items ?? []).map(eventOf).filter((e) => !range.to || e.firedAt < range.to);
    const last = out.LastEvaluatedKey?.SK as string | undefined;
    return { events, cursor: last ? encodeCursor(last.slice('EVENT#'.length)) : undefined };
  }

  private async updateEvent(accountId: string, eventId: string, update: Omit<ConstructorParameters<typeof UpdateCommand>[0], 'TableName' | 'Key'>): Promise<AlarmEvent | undefined | 'condition-failed'> {
    try {
      const out = await this.db.send(new UpdateCommand({ TableName: this.tableName, Key: keys.alarmEvent(accountId, eventId), ReturnValues: 'ALL_NEW', ...update }));
      return out.Attributes ? eventOf(out.Attributes) : undefined;
    } catch (error) {
      if (conditionFailed(error)) return 'condition-failed';
      throw error;
    }
  }

  async acknowledge(accountId: string, eventId: string, at: string, via: AcknowledgedVia): Promise<AlarmEvent | undefined> {
    const result = await this.updateEvent(accountId, eventId, {
      UpdateExpression: 'SET acknowledgedAt = :at, acknowledgedVia = :via',
      ConditionExpression: 'attribute_exists(PK) AND acknowledgedAt = :null',
      ExpressionAttributeValues: { ':at': at, ':via': via, ':null': null },
    });
    return result === 'condition-failed' ? this.getEvent(accountId, eventId) : result;
  }

  async resolve(accountId: string, eventId: string, at: string): Promise<AlarmEvent | undefined> {
    const result = await this.updateEvent(accountId, eventId, {
      UpdateExpression: 'SET resolvedAt = :at',
      ConditionExpression: 'attribute_exists(PK) AND resolvedAt = :null',
      ExpressionAttributeValues: { ':at': at, ':null': null },
    });
    return result === 'condition-failed' ? this.getEvent(accountId, eventId) : result;
  }

  async claimDelivery(accountId: string, eventId: string, key: string, at: string, staleBefore: string): Promise<boolean> {
    const result = await this.updateEvent(accountId, eventId, {
      UpdateExpression: 'SET claims.#k = :claim',
      ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(claims.#k) OR (claims.#k.#st = :sending AND claims.#k.#at < :stale))',
      ExpressionAttributeNames: { '#k': key, '#st': 'status', '#at': 'at' },
      ExpressionAttributeValues: { ':claim': { status: 'sending', at }, ':sending': 'sending', ':stale': staleBefore },
      ReturnValues: 'NONE',
    });
    return result !== 'condition-failed';
  }

  async completeDelivery(accountId: string, eventId: string, key: string, outcome: 'sent' | 'failed'): Promise<void> {
    await this.updateEvent(accountId, eventId, {
      UpdateExpression: 'SET claims.#k.#st = :outcome',
      ConditionExpression: 'attribute_exists(claims.#k)',
      ExpressionAttributeNames: { '#k': key, '#st': 'status' },
      ExpressionAttributeValues: { ':outcome': outcome },
      ReturnValues: 'NONE',
    });
  }

  async releaseDelivery(accountId: string, eventId: string, key: string): Promise<void> {
    await this.updateEvent(accountId, eventId, {
      UpdateExpression: 'REMOVE claims.#k',
      ExpressionAttributeNames: { '#k': key },
      ReturnValues: 'NONE',
    });
  }

  async recordDelivery(accountId: string, eventId: string, channelId: string, delivery: ChannelDelivery): Promise<void> {
    await this.updateEvent(accountId, eventId, {
      UpdateExpression: 'SET deliveries.#c = :d',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeNames: { '#c': channelId },
      ExpressionAttributeValues: { ':d': delivery },
      ReturnValues: 'NONE',
    });
  }

  async markDelivered(accountId: string, eventId: string, at: string): Promise<void> {
    await this.updateEvent(accountId, eventId, {
      UpdateExpression: 'SET deliveredAt = :at',
      ConditionExpression: 'attribute_exists(PK) AND deliveredAt = :null',
      ExpressionAttributeValues: { ':at': at, ':null': null },
      ReturnValues: 'NONE',
    });
  }

  async advanceEscalation(accountId: string, eventId: string, round: number): Promise<boolean> {
    const result = await this.updateEvent(accountId, eventId, {
      UpdateExpression: 'SET escalationRound = :r',
      ConditionExpression: 'attribute_exists(PK) AND escalationRound < :r',
      ExpressionAttributeValues: { ':r': round },
      ReturnValues: 'NONE',
    });
    return result !== 'condition-failed';
  }
}
