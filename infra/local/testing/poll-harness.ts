/**
 * A poll pipeline on real parts for tests and benches: the ThermoWorks simulator over HTTP on a manual clock,
 * DynamoDB Local, the real client, vault, stores and worker code. Time moves only when the test says so, and the
 * simulator's ground truth says what the devices really recorded.
 */
import { randomBytes } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AccountStore } from '../../../shared/auth/account-store';
import { login } from '../../../shared/auth/login';
import { DynamoAccountStore } from '../../../shared/aws/dynamo-account-store';
import { DynamoConnectionStore } from '../../../shared/aws/dynamo-connection-store';
import { DynamoCookStore } from '../../../shared/aws/dynamo-cook-store';
import { DynamoDecryptAudit } from '../../../shared/aws/dynamo-decrypt-audit';
import { DynamoDeviceStore } from '../../../shared/aws/dynamo-device-store';
import { defaultDynamoHistoryOptions, DynamoReadingStore } from '../../../shared/aws/dynamo-reading-store';
import { DynamoSessionStore } from '../../../shared/aws/dynamo-session-store';
import { DynamoAttemptCounterStore } from '../../../shared/aws/dynamo-attempt-counter-store';
import { defaultSessionPolicy } from '../../../shared/auth/session-policy';
import type { SignInThrottlePolicy } from '../../../shared/auth/sign-in-throttle';
import { ManualClock } from '../../../shared/clock';
import { randomIds } from '../../../shared/ids';
import type { Pusher } from '../../../shared/live/pusher';
import type { PollDependencies } from '../../../shared/polling/poll-dependencies';
import { processPollBatch, type PollBatchResult } from '../../../shared/polling/process-poll-batch';
import type { ThermoWorksAccountSession } from '../../../shared/thermoworks/port';
import type { ReadingStore } from '../../../shared/readings/reading';
import { createThermoWorksClient, thermoWorksConfigFromEnv } from '../../../shared/thermoworks';
import { startSimulator, type RunningSimulator, type ScenarioInput } from '../../../shared/thermoworks/simulator';
import { CredentialVault } from '../../../shared/vault/credential-vault';
import { LocalKeyProvider } from '../../../shared/vault/local-key-provider';
import { freshTable } from './local-table';


/** Harnesses link many simulated accounts from one address: the per-network sign-in limit is not what they test. */
export const harnessSignInThrottle: SignInThrottlePolicy = { maxFailuresPerEmail: 5, maxFailuresPerIp: 1_000_000, windowSeconds: 900, maxFailuresPerEmailPerDay: 9 };
const harnessOrigin = { sourceIp: '127.0.0.1', userAgent: 'poll-harness' };

export interface PollHarness {
  clock: ManualClock;
  simulator: RunningSimulator;
  accounts: AccountStore;
  readings: ReadingStore;
  deps: PollDependencies & { log: { warn: () => void; error: () => void } };
  pushed: unknown[];
  /** userId of each signed-in scenario account, by email. */
  users: Map<string, string>;
  /** The vault's decrypt audit trail (one item per decrypt), as in AWS. */
  audit: DynamoDecryptAudit;
  /** The document client and table every store uses (benches meter DynamoDB calls through its middleware stack). */
  db: DynamoDBDocumentClient;
  tableName: string;
  poll(emails?: string[], options?: { messageId?: string }): Promise<PollBatchResult>;
  stop(): Promise<void>;
}

export async function startPollHarness(input: {
  dynamoEndpoint: string;
  scenario: ScenarioInput;
  start?: string;
  pollIntervalSeconds?: number;
  /** Real milliseconds added to every simulator response (all accounts), from after the accounts are linked. */
  latencyMs?: number;
  /** Accounts signed in at once while linking (default 1: one after the other). */
  loginConcurrency?: number;
  /** Each account's poll time budget (real milliseconds); none by default. */
  timeBudgetMs?: number;
  /** The vault's master key (random by default): given, other processes can open what the harness sealed. */
  vaultKey?: Buffer;
  /** Starts the simulator (default: in this process); a bench may run it in a process of its own. */
  simulator?: (options: { scenario: ScenarioInput; clock: ManualClock }) => Promise<RunningSimulator>;
}): Promise<PollHarness> {
  const clock = new ManualClock(input.start ?? '2026-11-01T18:00:00.000Z');
  const simulator = await (input.simulator ?? ((o) => startSimulator({ port: 0, ...o })))({ scenario: input.scenario, clock });
  const { db, tableName } = await freshTable(input.dynamoEndpoint);
  const thermoworks = createThermoWorksClient({
    config: thermoWorksConfigFromEnv(simulator.env),
    clock,
    sleep: async () => undefined, // retries back off in simulated time only
  });
  const accounts = new DynamoAccountStore(db, tableName);
  const readings = new DynamoReadingStore(db, tableName, defaultDynamoHistoryOptions, clock);
  const audit = new DynamoDecryptAudit(db, tableName);
  const vault = new CredentialVault(new LocalKeyProvider(input.vaultKey ?? randomBytes(32)), audit, () => clock.now());
  const pushed: unknown[] = [];
  const pusher: Pusher = { push: async (_id, message) => (pushed.push(message), 'sent'), disconnect: async () => undefined };
  const deps = {
    thermoworks,
    vault,
    accounts,
    devices: new DynamoDeviceStore(db, tableName),
    cooks: new DynamoCookStore(db, tableName),
    readings,
    connections: new DynamoConnectionStore(db, tableName),
    pusher,
    clock,
    sessionCache: new Map<string, ThermoWorksAccountSession>(),
    pollIntervalSeconds: input.pollIntervalSeconds ?? 15,
    ...(input.timeBudgetMs !== undefined ? { timeBudgetMs: input.timeBudgetMs } : {}),
    log: { warn: () => undefined, error: () => undefined },
  };
  const users = new Map<string, string>();
  const sessions = new DynamoSessionStore(db, tableName);
  const scenarioAccounts = simulator.scenario.accounts;
  const results: string[] = [];
  let next = 0;
  const linkNext = async (): Promise<void> => {
    while (next < scenarioAccounts.length) {
      const i = next++;
      const account = scenarioAccounts[i]!;
      const result = await login({ email: account.email, password: account.password }, harnessOrigin, {
        thermoworks,
        accounts,
        sessions,
        vault,
        clock,
        ids: randomIds,
        sessionPolicy: defaultSessionPolicy,
        attempts: new DynamoAttemptCounterStore(db, tableName),
        throttle: harnessSignInThrottle,
        live: { connections: deps.connections, pusher },
      });
      results[i] = result.user.userId;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, input.loginConcurrency ?? 1) }, linkNext));
  scenarioAccounts.forEach((account, i) => users.set(account.email, results[i]!));
  if (input.latencyMs) simulator.setFaults('*', { latencyMs: input.latencyMs });
  let n = 0;
  return {
    clock,
    simulator,
    accounts,
    readings,
    deps,
    pushed,
    users,
    audit,
    db,
    tableName,
    poll: (emails = [...users.keys()], options = {}) =>
      processPollBatch(
        emails.map((email) => ({
          messageId: options.messageId ?? `m-${++n}`,
          body: JSON.stringify({ userId: users.get(email), dueAt: clock.now().toISOString() }),
        })),
        deps,
      ),
    stop: () => simulator.stop(),
  };
}
