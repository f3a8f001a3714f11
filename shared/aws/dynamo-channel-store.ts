/** Notification channels on DynamoDB (NOTIFY#{accountId}), and the SMS hourly counters. */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ChannelStore, SmsRateLimiter } from '../notify/channel-store';
import type { LastDelivery, NotificationChannel } from '../notify/notification-channel';
import type { SealedSecret } from '../vault/sealed-secret';
import { keys } from './table-design';

const channelOf = (item: Record<string, unknown>): NotificationChannel => {
  const { PK: _pk, SK: _sk, type: _type, ...channel } = item;
  // Channels stored before email verification have no verifiedAt: they were in use, so they count as confirmed.
  return { verifiedAt: channel.createdAt ?? null, ...channel } as unknown as NotificationChannel;
};

export class DynamoChannelStore implements ChannelStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async list(accountId: string): Promise<NotificationChannel[]> {
    const out = await this.db.send(
      new QueryCommand({ TableName: this.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.channelsPartition(accountId) } }),
    );
    return (out.Items ?? []).filter((i) => i.type === 'notification-channel').map(channelOf);
  }

  async get(accountId: string, channelId: string): Promise<NotificationChannel | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.channel(accountId, channelId) }));
    return out.Item ? channelOf(out.Item) : undefined;
  }

  async put(channel: NotificationChannel): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.channel(channel.accountId, channel.channelId), type: 'notification-channel', ...channel } }));
  }

  async update(channel: NotificationChannel): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.channel(channel.accountId, channel.channelId),
          UpdateExpression: 'SET #name = :name, #status = :status, disabledReason = :reason, quietHours = :quiet, consecutiveFailures = :failures, verifiedAt = :verified, updatedAt = :at',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeNames: { '#name': 'name', '#status': 'status' },
          ExpressionAttributeValues: {
            ':name': channel.name,
            ':status': channel.status,
            ':reason': channel.disabledReason,
            ':quiet': channel.quietHours,
            ':failures': channel.consecutiveFailures,
            ':verified': channel.verifiedAt,
            ':at': channel.updatedAt,
          },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  /** Key rotation only: a webhook's secret sealed anew, unless the channel changed or went meanwhile (false). */
  async replaceSealedSecret(accountId: string, channelId: string, expected: SealedSecret, sealed: SealedSecret): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.channel(accountId, channelId),
          UpdateExpression: 'SET #target.sealedSecret = :sealed',
          ConditionExpression: '#target.sealedSecret.ciphertext = :expected',
          ExpressionAttributeNames: { '#target': 'target' },
          ExpressionAttributeValues: { ':sealed': sealed, ':expected': expected.ciphertext },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async delete(accountId: string, channelId: string): Promise<boolean> {
    const out = await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: keys.channel(accountId, channelId), ReturnValues: 'ALL_OLD' }));
    return out.Attributes !== undefined;
  }

  async recordOutcome(accountId: string, channelId: string, outcome: LastDelivery, disableAt: number) {
    const success = outcome.status === 'sent';
    try {
      const out = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.channel(accountId, channelId),
          UpdateExpression: success ? 'SET lastDelivery = :o, consecutiveFailures = :zero' : 'SET lastDelivery = :o ADD consecutiveFailures :one',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: success ? { ':o': outcome, ':zero': 0 } : { ':o': outcome, ':one': 1 },
          ReturnValues: 'ALL_NEW',
        }),
      );
      let channel = channelOf(out.Attributes!);
      if (success || channel.status !== 'active' || channel.consecutiveFailures < disableAt) return { channel, disabledNow: false };
      // Only the attempt that crossed the limit disables it (and tells the user), once.
      try {
        const disabled = await this.db.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: keys.channel(accountId, channelId),
            UpdateExpression: 'SET #status = :disabled, disabledReason = :reason',
            ConditionExpression: '#status = :active',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':disabled': 'disabled', ':active': 'active', ':reason': `Disabled after ${disableAt} failed deliveries in a row (last: ${outcome.detail ?? 'failed'})` },
            ReturnValues: 'ALL_NEW',
          }),
        );
        channel = channelOf(disabled.Attributes!);
        return { channel, disabledNow: true };
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return { channel, disabledNow: false };
        throw error;
      }
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }
}

export class DynamoSmsRateLimiter implements SmsRateLimiter {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async reserve(accountId: string, now: Date, perHour: number): Promise<boolean> {
    const hour = now.toISOString().slice(0, 13);
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.smsRate(accountId, hour),
          UpdateExpression: 'SET #type = :type, expiresAt = :ttl ADD sent :one',
          ConditionExpression: 'attribute_not_exists(sent) OR sent < :limit',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: { ':type': 'sms-rate', ':ttl': Math.floor(now.getTime() / 1000) + 7200, ':one': 1, ':limit': perHour },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
