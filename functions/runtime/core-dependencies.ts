/**
 * The composition root's core: config, the one clock, ids, and the DynamoDB stores every function may need, built
 * once per Lambda container (module scope), lazily. Functions no browser or token calls (the poll worker and
 * dispatcher, the notifier, the MQTT publisher, the share expirer) build only this: dependencies.ts adds the
 * authentication step's stores for the HTTP and WebSocket functions, and its modules stay out of these bundles.
 */
import { DynamoAccountStore } from '../../shared/aws/dynamo-account-store';
import { DynamoConnectionStore } from '../../shared/aws/dynamo-connection-store';
import { DynamoCookStore } from '../../shared/aws/dynamo-cook-store';
import { DynamoDeviceStore } from '../../shared/aws/dynamo-device-store';
import { DynamoPersonalPriorsStore } from '../../shared/aws/dynamo-personal-priors-store';
import { createDocumentClient } from '../../shared/aws/dynamo-document-client';
import { ScaledClock, systemClock, type Clock } from '../../shared/clock';
import { loadConfig, type AppConfig } from '../../shared/config';
import { randomIds } from '../../shared/ids';

export function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

export function createCoreDependencies(env: Record<string, string | undefined> = process.env) {
  const config: AppConfig = loadConfig(env);
  // One "now" for every handler: the local stack's simulated clock under --time-scale, real time otherwise.
  const clock: Clock = config.simulatedClock ? new ScaledClock(config.simulatedClock) : systemClock;
  const db = lazy(() => createDocumentClient({ region: config.region, endpoint: config.dynamoEndpoint }));
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
    accounts: lazy(() => new DynamoAccountStore(db(), config.tableName)),
    devices: lazy(() => new DynamoDeviceStore(db(), config.tableName)),
    connections: lazy(() => new DynamoConnectionStore(db(), config.tableName)),
    cooks: lazy(() => new DynamoCookStore(db(), config.tableName)),
    /** What each account's ended cooks taught the predictions (one small item per account). */
    personalPriors: lazy(() => new DynamoPersonalPriorsStore(db(), config.tableName)),
  };
}

export type CoreDependencies = ReturnType<typeof createCoreDependencies>;
