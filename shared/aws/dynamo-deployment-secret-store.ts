import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DeploymentSecretStore, StoredNotifySecrets } from '../notify/deployment-secrets';
import { keys } from './table-design';

export class DynamoDeploymentSecretStore implements DeploymentSecretStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(): Promise<StoredNotifySecrets | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.deploymentSecrets, ConsistentRead: true }));
    if (!out.Item) return undefined;
    return { vapidPublicKey: out.Item.vapidPublicKey as string, sealed: out.Item.sealed as StoredNotifySecrets['sealed'], createdAt: out.Item.createdAt as string };
  }

  async putIfAbsent(secrets: StoredNotifySecrets): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({ TableName: this.tableName, Item: { ...keys.deploymentSecrets, type: 'deployment-secrets', ...secrets }, ConditionExpression: 'attribute_not_exists(PK)' }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
