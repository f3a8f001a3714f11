import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DeploymentSecretStore, StoredNotifySecrets } from '../notify/deployment-secrets';
import type { SealedSecret } from '../vault/sealed-secret';
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

  /** Key rotation only: the same secrets sealed anew, unless another rotation replaced them meanwhile (false). */
  async replaceSealed(expected: SealedSecret, sealed: SealedSecret): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.deploymentSecrets,
          UpdateExpression: 'SET sealed = :sealed',
          ConditionExpression: 'sealed.ciphertext = :expected',
          ExpressionAttributeValues: { ':sealed': sealed, ':expected': expected.ciphertext },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
