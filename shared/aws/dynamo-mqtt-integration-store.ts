import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { MqttIntegrationRecord, MqttIntegrationStore } from '../integrations/mqtt/mqtt-integration';
import type { SealedSecret } from '../vault/sealed-secret';
import { mqttIntegrationOf } from './dynamo-device-store';
import { keys } from './table-design';

/** The MQTT integration item, in the account partition (so the poll's Query of it sees the integration too). */
export class DynamoMqttIntegrationStore implements MqttIntegrationStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(accountId: string): Promise<MqttIntegrationRecord | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.mqttIntegration(accountId), ConsistentRead: true }));
    return out.Item ? mqttIntegrationOf(out.Item) : undefined;
  }

  async put(record: MqttIntegrationRecord): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.mqttIntegration(record.accountId), GSI1PK: keys.mqttIntegrationsIndex, GSI1SK: record.accountId, type: 'mqtt-integration', ...record },
      }),
    );
  }

  async recordPublish(accountId: string, version: string, update: Pick<MqttIntegrationRecord, 'status' | 'retained' | 'discoveryRefreshedAt'>): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.mqttIntegration(accountId),
          UpdateExpression: 'SET #status = :status, retained = :retained, discoveryRefreshedAt = :refreshed',
          // Replaced (new version) or removed meanwhile: this attempt's news is stale.
          ConditionExpression: 'version = :version',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':status': update.status, ':retained': update.retained, ':refreshed': update.discoveryRefreshedAt, ':version': version },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  /** Key rotation only: every integration of the deployment (GSI1 INTEGRATIONS#mqtt), a page at a time. */
  async listAll(cursor?: string): Promise<{ records: MqttIntegrationRecord[]; cursor: string | undefined }> {
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.mqttIntegrationsIndex },
        ...(cursor ? { ExclusiveStartKey: JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown> } : {}),
      }),
    );
    return {
      records: (out.Items ?? []).map(mqttIntegrationOf),
      cursor: out.LastEvaluatedKey ? Buffer.from(JSON.stringify(out.LastEvaluatedKey)).toString('base64url') : undefined,
    };
  }

  /** Key rotation only: the password sealed anew, unless the user replaced it meanwhile (false). */
  async replaceSealedPassword(accountId: string, expected: SealedSecret, sealed: SealedSecret): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.mqttIntegration(accountId),
          UpdateExpression: 'SET sealedPassword = :sealed',
          ConditionExpression: 'sealedPassword.ciphertext = :expected',
          ExpressionAttributeValues: { ':sealed': sealed, ':expected': expected.ciphertext },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async delete(accountId: string): Promise<MqttIntegrationRecord | undefined> {
    const out = await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: keys.mqttIntegration(accountId), ReturnValues: 'ALL_OLD' }));
    return out.Attributes ? mqttIntegrationOf(out.Attributes) : undefined;
  }
}
