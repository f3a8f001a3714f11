/** Integration-test helper: a fresh, uniquely named table on the shared DynamoDB Local, with a document client. */
import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../../shared/aws/dynamo-document-client';
import { ensureTable, localAwsEnv } from '../dynamodb-local';

export async function freshTable(endpoint: string): Promise<{ tableName: string; db: DynamoDBDocumentClient }> {
  Object.assign(process.env, localAwsEnv);
  const tableName = `test-${randomUUID()}`;
  await ensureTable(endpoint, tableName);
  return { tableName, db: createDocumentClient({ region: localAwsEnv.AWS_REGION, endpoint }) };
}
