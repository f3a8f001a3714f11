/**
 * The composition root: builds adapters from the validated config, once per Lambda container (module scope), lazily.
 * Split by AWS service on purpose: a handler imports only the modules for the clients it uses (this file and
 * core-dependencies.ts: DynamoDB; `vault.ts` KMS, `history.ts` Timestream, `pusher.ts` the WebSocket management API,
 * `poll-queue.ts` SQS, `thermoworks.ts`), because importing an AWS SDK client is most of a cold start (bench:lambda).
 * This file adds the authentication step's stores to the core (core-dependencies.ts) for the HTTP and WebSocket
 * functions. The local stack reaches the same code through the same handlers, with config pointing at DynamoDB
 * Local, the simulator and the local gateways.
 */
import { apiTokenCredentials } from '../../shared/auth/api-tokens';
import { credentialResolver } from '../../shared/auth/credential-resolver';
import { resolveSessionToken } from '../../shared/auth/sessions';
import { DynamoApiTokenStore } from '../../shared/aws/dynamo-api-token-store';
import { DynamoAttemptCounterStore } from '../../shared/aws/dynamo-attempt-counter-store';
import { DynamoSessionStore } from '../../shared/aws/dynamo-session-store';
import { DynamoShareStore } from '../../shared/aws/dynamo-share-store';
import { DynamoSettingsStore } from '../../shared/aws/dynamo-settings-store';
import { shareCredentials } from '../../shared/sharing/share-credentials';
import { createCoreDependencies, lazy } from './core-dependencies';

export { lazy } from './core-dependencies';

export function createDependencies(env: Record<string, string | undefined> = process.env) {
  const core = createCoreDependencies(env);
  const { db, config, clock } = core;
  const sessions = lazy(() => new DynamoSessionStore(db(), config.tableName));
  const apiTokens = lazy(() => new DynamoApiTokenStore(db(), config.tableName));
  const shares = lazy(() => new DynamoShareStore(db(), config.tableName));
  const shareKind = lazy(() => shareCredentials({ shares: shares(), clock }));
  return {
    ...core,
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
    shares,
    /** Share tokens alone (the public share route resolves its path token with it). */
    shareCredentials: shareKind,
    settings: lazy(() => new DynamoSettingsStore(db(), config.tableName)),
  };
}

export type Dependencies = ReturnType<typeof createDependencies>;
