/**
 * The vault's audit trail in DynamoDB: one item per decrypt (who, when, why, which key), kept 400 days, queried per
 * user (PK AUDIT#{userId}, SK {time}#{purpose}).
 */
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DecryptAudit, DecryptPurpose } from '../vault/credential-vault';
import { keys } from './table-design';

const RETENTION_SECONDS = 400 * 86_400;

export interface DecryptAuditEntry {
  userId: string;
  purpose: DecryptPurpose;
  keyId: string;
  at: string;
}

export class DynamoDecryptAudit implements DecryptAudit {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async record(entry: { userId: string; purpose: DecryptPurpose; keyId: string; at: Date }): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.decryptAudit(entry.userId, entry.at.toISOString(), entry.purpose),
          type: 'decrypt-audit',
          userId: entry.userId,
          purpose: entry.purpose,
          keyId: entry.keyId,
          at: entry.at.toISOString(),
          expiresAt: Math.floor(entry.at.getTime() / 1000) + RETENTION_SECONDS,
        },
      }),
    );
  }

  async list(userId: string, limit = 100): Promise<DecryptAuditEntry[]> {
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.decryptAuditPartition(userId) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map((i) => ({ userId: String(i.userId), purpose: i.purpose as DecryptPurpose, keyId: String(i.keyId), at: String(i.at) }));
  }
}
