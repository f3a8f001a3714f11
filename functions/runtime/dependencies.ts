/**
 * The composition root: builds every adapter from the validated config, once per Lambda container (module scope),
 * lazily so each function only creates the clients it uses. The local stack reaches the same code through the same
 * handlers, with config pointing at DynamoDB Local, the simulator and the local WebSocket gateway.
 */
import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import { KMSClient } from '@aws-sdk/client-kms';
import { SQSClient } from '@aws-sdk/client-sqs';
import { TimestreamQueryClient } from '@aws-sdk/client-timestream-query';
import { TimestreamWriteClient } from '@aws-sdk/client-timestream-write';
import { ApiGatewayPusher } from '../../shared/aws/apigw-pusher';
import { DynamoAccountStore } from '../../shared/aws/dynamo-account-store';
import { DynamoConnectionStore } from '../../shared/aws/dynamo-connection-store';
import { DynamoDecryptAudit } from '../../shared/aws/dynamo-decrypt-audit';
import { DynamoDeviceStore } from '../../shared/aws/dynamo-device-store';
import { createDocumentClient } from '../../shared/aws/dynamo-document-client';
import { DynamoReadingStore } from '../../shared/aws/dynamo-reading-store';
import { DynamoSessionStore } from '../../shared/aws/dynamo-session-store';
import { KmsKeyProvider } from '../../shared/aws/kms-key-provider';
import { SqsPollQueue } from '../../shared/aws/sqs-poll-queue';
import { TimestreamReadingStore } from '../../shared/aws/timestream-reading-store';
import { systemClock } from '../../shared/clock';
import { ConfigError, loadConfig, type AppConfig } from '../../shared/config';
import { randomIds } from '../../shared/ids';
import type { Pusher } from '../../shared/live/pusher';
import type { PollQueue } from '../../shared/polling/poll-request';
import type { ThermoWorksPort } from '../../shared/polling/thermoworks-port';
import type { ReadingStore } from '../../shared/readings/reading';
import { createThermoWorksClient, thermoWorksConfigFromEnv } from '../../shared/thermoworks';
import { CredentialVault } from '../../shared/vault/credential-vault';
import { LocalKeyProvider } from '../../shared/vault/local-key-provider';

function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

export function createDependencies(env: Record<string, string | undefined> = process.env) {
  const config: AppConfig = loadConfig(env);
  const db = lazy(() => createDocumentClient({ region: config.region, endpoint: config.dynamoEndpoint }));
  const readings = lazy((): ReadingStore => {
    if (config.history.store === 'timestream') {
      return new TimestreamReadingStore(
        new TimestreamWriteClient({ region: config.region }),
        new TimestreamQueryClient({ region: config.region }),
        config.history.databaseName,
        config.history.tableName,
      );
    }
    return new DynamoReadingStore(db(), config.tableName);
  });
  const vault = lazy(() => {
    if (!config.vault) throw new ConfigError('This function needs VAULT_KEY_ID (KMS) or VAULT_LOCAL_KEY_FILE (local stack)');
    const keys =
      config.vault.kind === 'kms'
        ? new KmsKeyProvider(new KMSClient({ region: config.region }), config.vault.keyId)
        : LocalKeyProvider.fromFile(config.vault.path);
    return new CredentialVault(keys, new DynamoDecryptAudit(db(), config.tableName));
  });
  const pusher = lazy((): Pusher => {
    if (!config.wsCallbackUrl) throw new Error('WS_CALLBACK_URL is not set');
    return new ApiGatewayPusher(new ApiGatewayManagementApiClient({ region: config.region, endpoint: config.wsCallbackUrl }));
  });
  const pollQueue = lazy((): PollQueue => {
    if (!config.pollQueue) throw new ConfigError('POLL_QUEUE_URL is not set');
    const sqs = new SQSClient({ region: config.region, ...(config.pollQueue.endpoint ? { endpoint: config.pollQueue.endpoint } : {}) });
    return new SqsPollQueue(sqs, config.pollQueue.url);
  });
  return {
    config,
    pollQueue,
    clock: systemClock,
    ids: randomIds,
    db,
    sessions: lazy(() => new DynamoSessionStore(db(), config.tableName)),
    accounts: lazy(() => new DynamoAccountStore(db(), config.tableName)),
    devices: lazy(() => new DynamoDeviceStore(db(), config.tableName)),
    connections: lazy(() => new DynamoConnectionStore(db(), config.tableName)),
    readings,
    vault,
    pusher,
    thermoworks: lazy((): ThermoWorksPort => createThermoWorksClient({ config: thermoWorksConfigFromEnv(env) })),
  };
}

export type Dependencies = ReturnType<typeof createDependencies>;
