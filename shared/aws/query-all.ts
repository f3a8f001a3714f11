/** Every item of a DynamoDB Query, page after page (a Query answers at most 1 MB at a time). */
import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';

export type QueryAllInput = Pick<QueryCommandInput, 'IndexName' | 'KeyConditionExpression' | 'ExpressionAttributeValues' | 'ExpressionAttributeNames'>;

export async function queryAll(db: DynamoDBDocumentClient, tableName: string, input: QueryAllInput): Promise<Array<Record<string, unknown>>> {
  const items: Array<Record<string, unknown>> = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.send(new QueryCommand({ TableName: tableName, ...input, ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Every item under one GSI1 partition key. */
export function queryGsi1(db: DynamoDBDocumentClient, tableName: string, gsi1pk: string): Promise<Array<Record<string, unknown>>> {
  return queryAll(db, tableName, { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': gsi1pk } });
}
