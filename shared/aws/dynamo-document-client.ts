import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** One document client per process; `endpoint` points at DynamoDB Local on a laptop. */
export function createDocumentClient(options: { region: string; endpoint?: string | undefined }): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

export function epochSeconds(iso: string | Date): number {
  return Math.floor(new Date(iso).getTime() / 1000);
}
