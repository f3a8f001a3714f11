import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { EMPTY_PERSONAL_PRIORS, personalPriorsSchema, type PersonalPriors } from '../cook/personal/personal-priors';
import type { PersonalPriorsStore, StoredPersonalPriors } from '../cooks/personal-priors-store';
import { keys } from './table-design';

export const PERSONAL_PRIORS_ITEM_TYPE = 'personal-priors';

/**
 * The priors an item holds, validated (it is the account's data: parsed, not trusted). An item that does not parse
 * (written by a later version, or damaged) reads as nothing learned: the next cook's end replaces it.
 */
export function personalPriorsOf(item: Record<string, unknown>): PersonalPriors {
  const parsed = personalPriorsSchema.safeParse(item.priors);
  return parsed.success ? parsed.data : EMPTY_PERSONAL_PRIORS;
}

/**
 * ACCOUNT#{accountId} / PRIORS#personal: in the account partition, so the poll worker's one Query of it brings the
 * priors along with the active cooks (no read of its own per poll). A put is conditional on the revision read.
 */
export class DynamoPersonalPriorsStore implements PersonalPriorsStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(accountId: string): Promise<StoredPersonalPriors | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.personalPriors(accountId), ConsistentRead: true }));
    if (!out.Item) return undefined;
    return { priors: personalPriorsOf(out.Item), revision: Number(out.Item.revision) };
  }

  async put(accountId: string, priors: PersonalPriors, expectedRevision: number | undefined, updatedAt: string): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.personalPriors(accountId), type: PERSONAL_PRIORS_ITEM_TYPE, accountId, priors, revision: (expectedRevision ?? 0) + 1, updatedAt },
          ...(expectedRevision === undefined
            ? { ConditionExpression: 'attribute_not_exists(PK)' }
            : { ConditionExpression: 'revision = :expected', ExpressionAttributeValues: { ':expected': expectedRevision } }),
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
