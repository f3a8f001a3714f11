/**
 * The whole of Pitwatch on one machine: DynamoDB Local, the ThermoWorks simulator, the same Lambda handlers behind
 * the local gateways, the poll handler on a timer, and the built web app. Used by `npm start` and the browser tests.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSimulator, demoScenario } from '../../shared/thermoworks/simulator';
import { ensureTable, localAwsEnv, startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local';
import { lambdaContext } from './lambda-context';
import { LocalGateway } from './local-gateway';

export const DEMO_ACCOUNTS = [
  { email: 'demo@pitwatch.local', password: 'pitwatch' },
  { email: 'guest@pitwatch.local', password: 'pitwatch' },
] as const;

export interface LocalStackOptions {
  port: number;
  host?: string;
  /** Keep DynamoDB data and the local vault key under this folder (`--persist`); in memory otherwise. */
  persistDir?: string;
  scenario?: Parameters<typeof startSimulator>[0] extends infer O ? (O extends { scenario?: infer S } ? S : never) : never;
  timeScale?: number;
  pollIntervalSeconds?: number;
  webDist?: string;
  log?: (message: string) => void;
}

export interface LocalStack {
  url: string;
  simulatorUrl: string;
  dynamoEndpoint: string;
  /** Runs one poll now (the timer keeps running too). */
  pollOnce(): Promise<unknown>;
  stop(): Promise<void>;
}

const repoRoot = resolve(import.meta.dirname, '..', '..');

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const log = options.log ?? (() => undefined);
  const stoppers: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const s of stoppers.reverse()) await s().catch((error: unknown) => log(`stop: ${String(error)}`));
    stoppers.length = 0;
  };

  try {
    const dynamo: DynamoDbLocal = await startDynamoDbLocal(
      options.persistDir ? { dbPath: join(options.persistDir, 'dynamodb') } : {},
    );
    stoppers.push(() => dynamo.stop());
    const tableName = 'pitwatch-local';
    await ensureTable(dynamo.endpoint, tableName);
    log(`DynamoDB Local on ${dynamo.endpoint}`);

    const simulator = await startSimulator({
      port: 0,
      ...(options.scenario ? { scenario: options.scenario } : { scenario: demoScenario }),
      ...(options.timeScale ? { timeScale: options.timeScale } : {}),
    });
    stoppers.push(() => simulator.stop());
    log(`ThermoWorks simulator on ${simulator.url}`);

    const gateway = new LocalGateway({
      port: options.port,
      host: options.host ?? '127.0.0.1',
      webDist: options.webDist ?? join(repoRoot, 'web', 'dist'),
      log,
    });
    const url = await gateway.listen();
    stoppers.push(() => gateway.close());

    // The handlers build their clients from the environment at import, exactly as in Lambda: set it first.
    const keyDir = options.persistDir ?? mkdtempSync(join(tmpdir(), 'pitwatch-vault-'));
    Object.assign(process.env, {
      ...localAwsEnv,
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      HISTORY_STORE: 'dynamodb',
      VAULT_LOCAL_KEY_FILE: join(keyDir, 'vault-master.key'),
      WS_CALLBACK_URL: `http://127.0.0.1:${gateway.port}`,
      THERMOWORKS_IDENTITY_URL: simulator.url,
      THERMOWORKS_TOKEN_URL: simulator.url,
      THERMOWORKS_FIREBASE_URL: simulator.url,
      THERMOWORKS_FIRESTORE_URL: simulator.url,
      THERMOWORKS_STORAGE_URL: simulator.url,
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
      POWERTOOLS_DEV: 'true',
    });
    const [login, devices, connect, disconnect, message, poll] = await Promise.all([
      import('../../functions/http/login'),
      import('../../functions/http/devices'),
      import('../../functions/ws/connect'),
      import('../../functions/ws/disconnect'),
      import('../../functions/ws/message'),
      import('../../functions/poll/handler'),
    ]);
    gateway.mount({
      httpRoutes: { 'POST /auth/login': login.handler, 'GET /devices': devices.handler },
      webSocket: { connect: connect.handler, disconnect: disconnect.handler, message: message.handler },
    });

    // Link the demo accounts through the real login path, so the poller has something to poll before anyone signs in.
    for (const account of DEMO_ACCOUNTS) {
      const response = await fetch(`http://127.0.0.1:${gateway.port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(account),
      });
      if (!response.ok) throw new Error(`Linking ${account.email} failed: ${response.status} ${await response.text()}`);
    }

    let polling: Promise<unknown> | undefined;
    const pollOnce = () => {
      polling ??= poll.handler({}, lambdaContext('poll', 60_000)).finally(() => (polling = undefined));
      return polling;
    };
    await pollOnce();
    const timer = setInterval(() => {
      pollOnce().catch((error: unknown) => log(`poll failed: ${String(error)}`));
    }, (options.pollIntervalSeconds ?? 2) * 1000);
    stoppers.push(async () => {
      clearInterval(timer);
      await polling?.catch(() => undefined);
    });

    return { url, simulatorUrl: simulator.url, dynamoEndpoint: dynamo.endpoint, pollOnce, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
