import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** One document client per process; `endpoint` points at DynamoDB Local on a laptop. */
export function createDocumentClient(options: { region: string; endpoint?: string | undefined }): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  });
  // No logger is ever given, yet the SDK's logger middleware still runs its sensitive-data filter over every input
  // and output (a walk of the whole schema) to hand it to the no-op logger: a measurable share of a poll's CPU.
  client.middlewareStack.remove('loggerMiddleware');
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

export function epochSeconds(iso: string | Date): number {
  return Math.floor(new Date(iso).getTime() / 1000);
}
