/**
 * The composition root: builds adapters from the validated config, once per Lambda container (module scope), lazily.
 * Split by AWS service on purpose: a handler imports only the modules for the clients it uses (this file: DynamoDB;
 * `vault.ts` KMS, `history.ts` Timestream, `pusher.ts` the WebSocket management API, `poll-queue.ts` SQS,
 * `thermoworks.ts`), because importing an AWS SDK client is most of a cold start (bench:lambda). The local stack
 * reaches the same code through the same handlers, with config pointing at DynamoDB Local, the simulator and the
 * local gateways.
 */
import { apiTokenCredentials } from '../../shared/auth/api-tokens';
import { credentialResolver } from '../../shared/auth/credential-resolver';
import { resolveSessionToken } from '../../shared/auth/sessions';
import { DynamoAccountStore } from '../../shared/aws/dynamo-account-store';
import { DynamoApiTokenStore } from '../../shared/aws/dynamo-api-token-store';
import { DynamoAttemptCounterStore } from '../../shared/aws/dynamo-attempt-counter-store';
import { DynamoConnectionStore } from '../../shared/aws/dynamo-connection-store';
import { DynamoCookStore } from '../../shared/aws/dynamo-cook-store';
import { DynamoDeviceStore } from '../../shared/aws/dynamo-device-store';
import { DynamoPersonalPriorsStore } from '../../shared/aws/dynamo-personal-priors-store';
import { createDocumentClient } from '../../shared/aws/dynamo-document-client';
import { DynamoSessionStore } from '../../shared/aws/dynamo-session-store';
import { DynamoShareStore } from '../../shared/aws/dynamo-share-store';
import { DynamoSettingsStore } from '../../shared/aws/dynamo-settings-store';
import { ScaledClock, systemClock, type Clock } from '../../shared/clock';
import { loadConfig, type AppConfig } from '../../shared/config';
import { randomIds } from '../../shared/ids';
import { shareCredentials } from '../../shared/sharing/share-links';

export function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

export function createDependencies(env: Record<string, string | undefined> = process.env) {
  const config: AppConfig = loadConfig(env);
  // One "now" for every handler: the local stack's simulated clock under --time-scale, real time otherwise.
  const clock: Clock = config.simulatedClock ? new ScaledClock(config.simulatedClock) : systemClock;
  const db = lazy(() => createDocumentClient({ region: config.region, endpoint: config.dynamoEndpoint }));
  const sessions = lazy(() => new DynamoSessionStore(db(), config.tableName));
  const apiTokens = lazy(() => new DynamoApiTokenStore(db(), config.tableName));
  const shares = lazy(() => new DynamoShareStore(db(), config.tableName));
  const shareKind = lazy(() => shareCredentials({ shares: shares(), clock }));
  return {
    env,
    config,
    /** What time it is for readings, cooks, sessions and everything stored: compare stored times with this. */
    clock,
    /**
     * Real time, even under a simulated clock: for what follows the network and the AWS schedule (ThermoWorks token
     * lifetimes and backoff, the dispatcher's minute). The same clock as `clock` in AWS.
     */
    wallClock: systemClock,
    /** Simulated seconds per real second (1 in AWS): turns real cadences (the poll interval) into simulated spans. */
    clockScale: config.simulatedClock?.scale ?? 1,
    ids: randomIds,
    db,
    sessions,
    apiTokens,
    /** The one authentication step's lookup: every kind of credential Pitwatch issues (API tokens by their `pw_` shape). */
    credentials: lazy(() =>
      credentialResolver([apiTokenCredentials(() => ({ tokens: apiTokens(), clock })), shareKind()], {
        matches: () => true,
        resolve: (token) => resolveSessionToken(token, { sessions: sessions(), clock, policy: config.sessions }),
      }),
    ),
    signInAttempts: lazy(() => new DynamoAttemptCounterStore(db(), config.tableName)),
    accounts: lazy(() => new DynamoAccountStore(db(), config.tableName)),
    devices: lazy(() => new DynamoDeviceStore(db(), config.tableName)),
    connections: lazy(() => new DynamoConnectionStore(db(), config.tableName)),
    cooks: lazy(() => new DynamoCookStore(db(), config.tableName)),
    /** What each account's ended cooks taught the predictions (one small item per account). */
    personalPriors: lazy(() => new DynamoPersonalPriorsStore(db(), config.tableName)),
    shares,
    /** Share tokens alone (the public share route resolves its path token with it). */
    shareCredentials: shareKind,
    settings: lazy(() => new DynamoSettingsStore(db(), config.tableName)),
  };
}

export type Dependencies = ReturnType<typeof createDependencies>;
