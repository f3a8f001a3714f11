/**
 * Sign-in attempt counters on DynamoDB: one item per key, changed only by conditional writes so that parallel
 * attempts cannot overshoot the limit. The TTL removes counters an hour after their window has ended.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AttemptCounterStore, Reservation } from '../auth/sign-in-throttle';
import { keys } from './table-design';

const TTL_AFTER_WINDOW_SECONDS = 3600;

export class DynamoAttemptCounterStore implements AttemptCounterStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async reserve(key: string, limit: number, windowSeconds: number, now: Date): Promise<Reservation> {
    const nowMs = now.getTime();
    const windowEnd = nowMs + windowSeconds * 1000;
    const ttl = Math.ceil(windowEnd / 1000) + TTL_AFTER_WINDOW_SECONDS;
    // Three rounds cover the races (a window ending or starting between our writes); then count it as shut.
    for (let round = 0; round < 3; round++) {
      try {
        const out = await this.db.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: keys.signInAttempts(key),
            UpdateExpression: 'SET attempts = attempts + :one, lastAttemptAt = :now',
            ConditionExpression: 'attribute_exists(PK) AND windowEndsAt > :now AND attempts < :limit',
            ExpressionAttributeValues: { ':one': 1, ':now': nowMs, ':limit': limit },
            ReturnValues: 'ALL_NEW',
          }),
        );
        // The last slot taken: the key stays shut for a whole window from now.
        if (Number(out.Attributes?.attempts) >= limit) {
          await this.db.send(
            new UpdateCommand({
              TableName: this.tableName,
              Key: keys.signInAttempts(key),
              UpdateExpression: 'SET windowEndsAt = :end, expiresAt = :ttl',
              ConditionExpression: 'attribute_exists(PK)',
              ExpressionAttributeValues: { ':end': windowEnd, ':ttl': ttl },
            }),
          ).catch(ignoreConditionFailure);
        }
        return { allowed: true };
      } catch (error) {
        ignoreConditionFailure(error);
      }
      try {
        await this.db.send(
          new PutCommand({
            TableName: this.tableName,
            Item: { ...keys.signInAttempts(key), type: 'sign-in-attempts', attempts: 1, windowEndsAt: windowEnd, lastAttemptAt: nowMs, expiresAt: ttl },
            ConditionExpression: 'attribute_not_exists(PK) OR windowEndsAt <= :now',
            ExpressionAttributeValues: { ':now': nowMs },
          }),
        );
        return { allowed: true };
      } catch (error) {
        ignoreConditionFailure(error);
      }
      const current = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.signInAttempts(key), ConsistentRead: true }));
      const endsAt = Number(current.Item?.windowEndsAt ?? 0);
      if (current.Item && endsAt > nowMs && Number(current.Item.attempts) >= limit) {
        return { allowed: false, retryAfterSeconds: (endsAt - nowMs) / 1000 };
      }
    }
    return { allowed: false, retryAfterSeconds: 1 };
  }

  async release(key: string): Promise<void> {
    await this.db
      .send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.signInAttempts(key),
          UpdateExpression: 'SET attempts = attempts - :one',
          ConditionExpression: 'attribute_exists(PK) AND attempts > :zero',
          ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
        }),
      )
      .catch(ignoreConditionFailure);
  }

  async reset(key: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: keys.signInAttempts(key) }));
  }
}

function ignoreConditionFailure(error: unknown): void {
  if (!(error instanceof ConditionalCheckFailedException)) throw error;
}
