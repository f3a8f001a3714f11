/**
 * The whole of Pitwatch on one machine: DynamoDB Local, the ThermoWorks simulator, the same Lambda handlers behind
 * the local gateways, the poll handler on a timer, and the built web app. Used by `npm start` and the browser tests.
 *
 * One clock: the stack makes one simulated clock (`timeScale`× real time, from the scenario's `startAt` or now) and
 * hands the same settings to the simulator, to every handler (SIMULATED_CLOCK) and to the web app (/config.json), so
 * readings, cooks, alerts, sessions and the page all agree on "now". What follows the network stays on real time:
 * the poll and dispatch cadence, the local queue's delays and visibility timeout, HTTP timeouts, retry backoff,
 * ThermoWorks token lifetimes.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { ScaledClock } from '../../shared/clock';
import { demoScenario, parseScenario, scenarioStartMs, startSimulator, type RunningSimulator, type ScenarioInput } from '../../shared/thermoworks/simulator';
import { ensureTable, localAwsEnv, startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local';
import { pollCadence } from '../../shared/polling/poll-cadence';
import { lambdaContext } from './lambda-context';
import { routeKeyOf } from '../../shared/api/route-definition';
import { routeList } from '../../shared/api/route-table';
import { LocalGateway, type LambdaHandler } from './local-gateway';
import { seedDemoCooks } from './demo-cooks';
import { LocalS3 } from './local-s3';
import { LocalSqs, sqsRecord } from './local-sqs';
import { devPages } from './dev-pages';
import { SmtpCatcher } from './smtp-catcher';

export interface LocalStackOptions {
  port: number;
  host?: string;
  /** Keep DynamoDB data and the local vault key under this folder (`--persist`); in memory otherwise. */
  persistDir?: string;
  scenario?: ScenarioInput;
  /** Simulated seconds per real second, for the simulator and everything that reads its readings (default 1). */
  timeScale?: number;
  /** Seconds between polls of an active account (POLL_INTERVAL_SECONDS, 5–60; default: the same as in AWS, poll-cadence.ts). */
  pollIntervalSeconds?: number;
  /** Seconds between dispatcher runs (EventBridge's rate is 1 minute). */
  dispatchEverySeconds?: number;
  /** false: no dispatcher at all, polls happen only through `pollNow` (benches that time single polls). */
  autoDispatch?: boolean;
  webDist?: string;
  /**
   * Publish to Home Assistant through this MQTT broker (`--mqtt-url`): `mqtt://[user:password@]host[:port]`. Every
   * scenario account gets the integration at start (through PUT /integrations/mqtt, like a user would).
   */
  mqttUrl?: string;
  /** The discovery prefix for `mqttUrl` (default homeassistant). */
  mqttDiscoveryPrefix?: string;
  /** Demo cook records (three ended cooks per account, the cooks in progress back-filled): `npm start` does. */
  seedDemoCooks?: boolean;
  /**
   * Stands between the poll queue and the worker handler (the soak's worker crash: poll part of a batch, then throw).
   * `poll` is the worker handler itself.
   */
  interceptPollBatch?: (event: SQSEvent, poll: (event: SQSEvent) => Promise<SQSBatchResponse>) => Promise<SQSBatchResponse | void>;
  log?: (message: string) => void;
}

export interface LocalStack {
  url: string;
  /** The stack's one "now": the simulator's, the handlers' and the web app's. */
  clock: ScaledClock;
  simulator: RunningSimulator;
  dynamoEndpoint: string;
  queue: LocalSqs;
  /** The MQTT publish queue (poll worker → MQTT publisher). */
  mqttQueue: LocalSqs;
  /** The notify queue (poll worker, channel tests → notifier). */
  notifyQueue: LocalSqs;
  /** The SMTP server email channels send to (`/dev/mail`). */
  mail: SmtpCatcher;
  /** Where SMS go instead of SNS, one JSON line each (`/dev/sms`). */
  smsLogFile: string;
  /** Resolves once the demo cook records are written (`seedDemoCooks`); the stack serves before that. */
  demoCooksReady: Promise<void>;
  /** The S3 stand-in exports are written to (bucket `pitwatch-exports-local`). */
  s3: LocalS3;
  /** Runs the dispatcher now (its one-minute timer keeps running too). */
  dispatchNow(): Promise<unknown>;
  /** Polls these linked users right now, straight through the worker handler (for benches and tests). */
  pollNow(userIds: readonly string[]): Promise<unknown>;
  /**
   * Stops DynamoDB Local and starts it again on the same port and data folder (`persistDir` only: in memory, the data
   * would be gone). Handlers calling it meanwhile get connection errors, as with an outage.
   */
  restartDynamoDb(): Promise<void>;
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
    const dbPath = options.persistDir ? join(options.persistDir, 'dynamodb') : undefined;
    let dynamo: DynamoDbLocal = await startDynamoDbLocal(dbPath ? { dbPath } : {});
    stoppers.push(() => dynamo.stop());
    const dynamoPort = Number(new URL(dynamo.endpoint).port);
    const restartDynamoDb = async () => {
      if (!dbPath) throw new Error('restartDynamoDb needs persistDir: in memory, DynamoDB Local would lose its data');
      await dynamo.stop();
      dynamo = await startDynamoDbLocal({ port: dynamoPort, dbPath });
    };
    const tableName = 'pitwatch-local';
    await ensureTable(dynamo.endpoint, tableName);
    log(`DynamoDB Local on ${dynamo.endpoint}`);

    const scenario = parseScenario(options.scenario ?? demoScenario);
    const clock = ScaledClock.startingNow(options.timeScale ?? 1, scenarioStartMs(scenario));
    const simulator = await startSimulator({ port: 0, scenario, simulatedClock: clock });
    stoppers.push(() => simulator.stop());
    log(`ThermoWorks simulator on ${simulator.url}`);

    const gateway = new LocalGateway({
      port: options.port,
      host: options.host ?? '127.0.0.1',
      webDist: options.webDist ?? join(repoRoot, 'web', 'dist'),
      clock: clock.settings,
      log,
    });
    const url = await gateway.listen();
    stoppers.push(() => gateway.close());

    const s3 = new LocalS3({ accessKeyId: localAwsEnv.AWS_ACCESS_KEY_ID, log });
    const s3Url = await s3.listen();
    stoppers.push(() => s3.close());
    const queueUrl = `http://127.0.0.1:${gateway.port}/000000000000/pitwatch-poll-local`;
    const mqttQueueUrl = `http://127.0.0.1:${gateway.port}/000000000000/pitwatch-mqtt-local`;
    const notifyQueueUrl = `http://127.0.0.1:${gateway.port}/000000000000/pitwatch-notify-local`;
    const shareExpiryQueueUrl = `http://127.0.0.1:${gateway.port}/000000000000/pitwatch-share-expiry-local`;
    const mail = new SmtpCatcher();
    const smtpPort = await mail.listen();
    stoppers.push(() => mail.close());
    // The handlers build their clients from the environment at import, exactly as in Lambda: set it first.
    const keyDir = options.persistDir ?? mkdtempSync(join(tmpdir(), 'pitwatch-vault-'));
    const smsLogFile = join(keyDir, 'sms.jsonl');
    Object.assign(process.env, {
      ...localAwsEnv,
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      HISTORY_STORE: 'dynamodb',
      VAULT_LOCAL_KEY_FILE: join(keyDir, 'vault-master.key'),
      WS_CALLBACK_URL: `http://127.0.0.1:${gateway.port}`,
      POLL_QUEUE_URL: queueUrl,
      MQTT_PUBLISH_QUEUE_URL: mqttQueueUrl,
      NOTIFY_QUEUE_URL: notifyQueueUrl,
      SHARE_EXPIRY_QUEUE_URL: shareExpiryQueueUrl,
      // Locally a webhook receiver or a broker on this machine may be tried out (http to loopback); private ranges
      // stay refused, except the broker the operator named with --mqtt-url (usually on their own network).
      EGRESS_ALLOW_LOOPBACK: 'true',
      EGRESS_ALLOWED_HOSTS: options.mqttUrl ? new URL(options.mqttUrl).hostname.replace(/^\[|\]$/g, '') : '',
      NOTIFY_EMAIL_FROM: 'alarms@pitwatch.local',
      NOTIFY_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      NOTIFY_SMS_PER_HOUR: '10',
      NOTIFY_SMS_LOG_FILE: smsLogFile,
      NOTIFY_APP_URL: `http://localhost:${gateway.port}`,
      NOTIFY_API_URL: `http://localhost:${gateway.port}/api`,
      SQS_ENDPOINT: `http://127.0.0.1:${gateway.port}`,
      POLL_INTERVAL_SECONDS: String(options.pollIntervalSeconds ?? pollCadence.activeIntervalSeconds),
      SIMULATED_CLOCK: JSON.stringify(clock.settings),
      EXPORT_BUCKET: 'pitwatch-exports-local',
      S3_ENDPOINT: s3Url,
      PUBLIC_WEB_URL: url,
      ...simulator.env,
      // Locally every answer is checked against its route's response schema: a mismatch is a 500 and a failing test.
      VALIDATE_RESPONSES: 'true',
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
      POWERTOOLS_DEV: process.env.POWERTOOLS_DEV ?? 'true',
    });
    // Every HTTP function the route table names, loaded the way Lambda would load its bundle.
    const httpFunctions = Object.fromEntries(
      await Promise.all(
        [...new Set(routeList.map((r) => r.fn))].map(async (fn) => [fn, (await import(`../../functions/http/${fn}.ts`)) as { handler: LambdaHandler }] as const),
      ),
    );
    const [connect, disconnect, message, dispatch, worker, mqttPublisher] = await Promise.all([
      import('../../functions/ws/connect'),
      import('../../functions/ws/disconnect'),
      import('../../functions/ws/message'),
      import('../../functions/poll/dispatch'),
      import('../../functions/poll/worker'),
      import('../../functions/mqtt/publisher'),
    ]);
    const notifier = await import('../../functions/notify/notifier');
    const shareExpiry = await import('../../functions/ws/share-expiry');
    const queue = new LocalSqs({
      queueUrl,
      deliver: (event) => {
        const poll = (e: SQSEvent) => worker.handler(e, lambdaContext('poll-worker', 60_000));
        return options.interceptPollBatch ? options.interceptPollBatch(event, poll) : poll(event);
      },
      visibilityTimeoutMs: 10_000,
      log,
    });
    queue.start();
    stoppers.push(() => queue.stop());
    const mqttQueue = new LocalSqs({
      queueUrl: mqttQueueUrl,
      deliver: (event) => mqttPublisher.handler(event, lambdaContext('mqtt-publisher', 30_000)),
      visibilityTimeoutMs: 30_000,
      log,
    });
    mqttQueue.start();
    stoppers.push(() => mqttQueue.stop());
    const notifyQueue = new LocalSqs({
      queueUrl: notifyQueueUrl,
      deliver: (event) => notifier.handler(event, lambdaContext('notifier', 30_000)),
      visibilityTimeoutMs: 30_000,
      log,
    });
    notifyQueue.start();
    stoppers.push(() => notifyQueue.stop());
    const shareExpiryQueue = new LocalSqs({
      queueUrl: shareExpiryQueueUrl,
      deliver: (event) => shareExpiry.handler(event, lambdaContext('share-expiry', 30_000)),
      visibilityTimeoutMs: 30_000,
      log,
    });
    shareExpiryQueue.start();
    stoppers.push(() => shareExpiryQueue.stop());
    const queues = new Map([queue, mqttQueue, notifyQueue, shareExpiryQueue].map((q) => [q.queueUrl, q]));
    gateway.mount({
      httpRoutes: Object.fromEntries(routeList.map((r) => [routeKeyOf(r), httpFunctions[r.fn]!.handler])),
      webSocket: { connect: connect.handler, disconnect: disconnect.handler, message: message.handler },
      // Each queue answers for its own URL, as SQS does; an unknown URL gets the poll queue's QueueDoesNotExist.
      awsJson: { 'AmazonSQS.': (target, body) => (queues.get(queueUrlOf(body)) ?? queue).handle(target, body) },
      devPages: devPages(mail, smsLogFile),
    });

    // Written beside the rest of the start-up (DynamoDB Local takes a few seconds): live readings do not wait for it.
    const seedStarted = Date.now();
    const demoCooksReady = options.seedDemoCooks
      ? seedDemoCooks({ simulator, dynamoEndpoint: dynamo.endpoint, tableName, region: localAwsEnv.AWS_REGION }).then((n) =>
          log(`demo cooks: ${n} written in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`),
        ).catch((error: unknown) => log(`demo cooks failed: ${String(error)}`))
      : Promise.resolve();
    stoppers.push(() => demoCooksReady);
    // Link the scenario's accounts through the real login path, so the poller has something to poll before anyone
    // signs in (with the demo scenario: the two demo accounts).
    for (const account of simulator.scenario.accounts.filter((a) => !a.disabled)) {
      const response = await fetch(`http://127.0.0.1:${gateway.port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: account.email, password: account.password }),
      });
      if (!response.ok) throw new Error(`Linking ${account.email} failed: ${response.status} ${await response.text()}`);
      if (options.mqttUrl) {
        const { sessionToken } = (await response.json()) as { sessionToken: string };
        await setUpMqtt(`http://127.0.0.1:${gateway.port}/api`, sessionToken, options.mqttUrl, options.mqttDiscoveryPrefix);
        log(`MQTT: ${account.email} publishes to ${redacted(options.mqttUrl)}`);
      }
    }

    // EventBridge's once-a-minute rule, as a timer: the dispatcher queues this minute's polls.
    let dispatching: Promise<unknown> | undefined;
    const dispatchNow = () => {
      dispatching ??= dispatch.handler({}, lambdaContext('poll-dispatch')).finally(() => (dispatching = undefined));
      return dispatching;
    };
    if (options.autoDispatch !== false) {
      await dispatchNow();
      const timer = setInterval(() => {
        dispatchNow().catch((error: unknown) => log(`dispatch failed: ${String(error)}`));
      }, (options.dispatchEverySeconds ?? 60) * 1000);
      stoppers.push(async () => {
        clearInterval(timer);
        await dispatching?.catch(() => undefined);
      });
    }

    let pollN = 0;
    // dueAt is the queue's real time, as the dispatcher writes it.
    const pollNow = (userIds: readonly string[]) =>
      worker.handler(
        { Records: userIds.map((userId) => sqsRecord(`direct-${++pollN}`, JSON.stringify({ userId, dueAt: new Date().toISOString() }))) },
        lambdaContext('poll-worker', 60_000),
      );
    return { url, clock, simulator, dynamoEndpoint: dynamo.endpoint, queue, mqttQueue, notifyQueue, mail, smsLogFile, s3, demoCooksReady, dispatchNow, pollNow, restartDynamoDb, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function queueUrlOf(body: string): string {
  try {
    return String((JSON.parse(body) as { QueueUrl?: unknown }).QueueUrl ?? '');
  } catch {
    return '';
  }
}

/** `mqtt://user:password@host:1883` → the integration's URL, username and password, set up through the API. */
async function setUpMqtt(api: string, sessionToken: string, mqttUrl: string, discoveryPrefix: string | undefined): Promise<void> {
  const url = new URL(mqttUrl);
  const body = {
    url: `${url.protocol}//${url.host}`,
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(discoveryPrefix ? { discoveryPrefix } : {}),
  };
  const res = await fetch(`${api}/integrations/mqtt`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${sessionToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`Setting up MQTT (${redacted(mqttUrl)}) failed: ${res.status} ${await res.text()}`);
}

function redacted(mqttUrl: string): string {
  const url = new URL(mqttUrl);
  if (url.password) url.password = '***';
  return url.toString();
}
