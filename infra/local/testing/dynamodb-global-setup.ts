/** vitest globalSetup for the integration project: one DynamoDB Local for the run, its endpoint provided to tests. */
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../dynamodb-local';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dynamo = await startDynamoDbLocal();
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return () => dynamo.stop();
}
