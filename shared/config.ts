/**
 * The one config loader. Handlers and the local stack call `loadConfig(process.env)` once at module scope;
 * domain code never reads the environment. A missing or malformed variable fails at cold start with a
 * message naming it, not later in a request.
 */
import * as z from './validation/zod';
import { pollCadence } from './polling/poll-cadence';
import type { SessionPolicy } from './auth/session-policy';
import type { SignInThrottlePolicy } from './auth/sign-in-throttle';
import { scaledClockSettingsSchema, type ScaledClockSettings } from './clock';
import type { EgressPolicy } from './egress/ssrf-guard';

/** A JSON-valued variable: malformed JSON is reported under the variable's name like any other bad value. */
const jsonOf = <T extends z.ZodMiniType>(schema: T) =>
  z.pipe(
    z.pipe(
      z.string(),
      z.transform((text: string, ctx) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          ctx.issues.push({ code: 'custom', message: 'is not JSON', input: text });
          return z.NEVER;
        }
      }),
    ),
    schema,
  );

const envSchema = z.object({
  TABLE_NAME: z.string().check(z.minLength(1)),
  HISTORY_STORE: z._default(z.enum(['timestream', 'dynamodb']), 'dynamodb'),
  TIMESTREAM_DATABASE_NAME: z.optional(z.string().check(z.minLength(1))),
  TIMESTREAM_TABLE_NAME: z.optional(z.string().check(z.minLength(1))),
  /** KMS key (ARN or id) that wraps the credential vault's data keys. */
  VAULT_KEY_ID: z.optional(z.string().check(z.minLength(1))),
  /** Local stand-in for KMS: a file holding the master key (created on first use). */
  VAULT_LOCAL_KEY_FILE: z.optional(z.string().check(z.minLength(1))),
  /** The WebSocket API's management endpoint (API Gateway stage callback URL, or the local gateway's origin). */
  WS_CALLBACK_URL: z.optional(z.url()),
  /** The poll queue (dispatcher → workers). */
  POLL_QUEUE_URL: z.optional(z.url()),
  /** The MQTT publish queue (poll worker → MQTT publisher): only on the worker, only when MQTT publishing is deployed. */
  MQTT_PUBLISH_QUEUE_URL: z.optional(z.url()),
  /** The share-expiry queue (share links wait in it until they expire, then their sockets close). */
  SHARE_EXPIRY_QUEUE_URL: z.optional(z.url()),
  /** Only set locally: the local SQS stand-in's endpoint. */
  SQS_ENDPOINT: z.optional(z.url()),
  /** Seconds between polls of an active account: overrides shared/polling/poll-cadence.ts for every function alike. */
  POLL_INTERVAL_SECONDS: z._default(z.coerce.number().check(z.int(), z.minimum(5), z.maximum(60)), pollCadence.activeIntervalSeconds),
  /** Only set locally: DynamoDB Local's endpoint. */
  DYNAMODB_ENDPOINT: z.optional(z.url()),
  AWS_REGION: z._default(z.string().check(z.minLength(1)), 'us-east-1'),
  /** A session unused this long ends (sliding); however used, it ends SESSION_ABSOLUTE_DAYS after sign-in. */
  SESSION_IDLE_DAYS: z._default(z.coerce.number().check(z.positive(), z.maximum(365)), 7),
  SESSION_ABSOLUTE_DAYS: z._default(z.coerce.number().check(z.positive(), z.maximum(365)), 30),
  SESSIONS_PER_USER: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(1000)), 20),
  /** Sign-in throttling, before ThermoWorks sees anything: failures per email and per source IP in the window. */
  SIGN_IN_FAILURES_PER_EMAIL: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(1000)), 5),
  SIGN_IN_FAILURES_PER_IP: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100_000)), 20),
  SIGN_IN_WINDOW_MINUTES: z._default(z.coerce.number().check(z.positive(), z.maximum(1440)), 15),
  /** Kept below ThermoWorks' own lockout (about 10 bad passwords in a row), however slowly they come. */
  SIGN_IN_FAILURES_PER_EMAIL_PER_DAY: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(1000)), 9),
  /** Only set locally and in tests: check every HTTP answer against its route's response schema. */
  VALIDATE_RESPONSES: z._default(z.enum(['true', 'false']), 'false'),
  /**
   * Only set by the local stack under `--time-scale`, never in AWS: the simulated clock every handler shares with
   * the simulator and the web app, as JSON ScaledClockSettings (`{"scale":30,"realOriginMs":…,"simulatedOriginMs":…}`).
   */
  SIMULATED_CLOCK: z.optional(jsonOf(scaledClockSettingsSchema)),
  /** The exports bucket (cook exports, account exports), for functions that write or link exports. */
  EXPORT_BUCKET: z.optional(z.string().check(z.minLength(1))),
  /** Only set locally: the local S3 stand-in's endpoint. */
  S3_ENDPOINT: z.optional(z.url()),
  /** The website's origin, for links Pitwatch hands out (share links: `{origin}/share/{token}`). */
  PUBLIC_WEB_URL: z.optional(z.url()),
  /**
   * Only set locally: user-chosen destinations (webhooks, push endpoints, MQTT brokers) on loopback are allowed,
   * http too, so users can try a receiver or a broker on their own machine; private ranges stay refused.
   */
  EGRESS_ALLOW_LOOPBACK: z._default(z.enum(['true', 'false']), 'false'),
  /** Only set locally: hosts the operator named themselves (`npm start -- --mqtt-url`), allowed even when private. */
  EGRESS_ALLOWED_HOSTS: z._default(z.string(), ''),
});

export interface AppConfig {
  tableName: string;
  region: string;
  dynamoEndpoint: string | undefined;
  history:
    | { store: 'dynamodb' }
    | { store: 'timestream'; databaseName: string; tableName: string };
  /** Undefined for functions that never open the vault; the dependency factory says so when one is asked for. */
  vault: { kind: 'kms'; keyId: string } | { kind: 'local-file'; path: string } | undefined;
  wsCallbackUrl: string | undefined;
  pollQueue: { url: string; endpoint: string | undefined } | undefined;
  mqttPublishQueue: { url: string; endpoint: string | undefined } | undefined;
  shareExpiryQueue: { url: string; endpoint: string | undefined } | undefined;
  pollIntervalSeconds: number;
  sessions: SessionPolicy;
  signIn: SignInThrottlePolicy;
  validateResponses: boolean;
  /** The local stack's simulated clock; undefined (real time) everywhere else. */
  simulatedClock: ScaledClockSettings | undefined;
  exports: { bucket: string; endpoint: string | undefined } | undefined;
  publicWebUrl: string | undefined;
  /** Where user-chosen URLs may point (shared/egress/ssrf-guard.ts): public addresses only, in AWS. */
  egress: EgressPolicy;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid environment: ${problems}`);
  }
  const e = parsed.data;
  let history: AppConfig['history'] = { store: 'dynamodb' };
  if (e.HISTORY_STORE === 'timestream') {
    if (!e.TIMESTREAM_DATABASE_NAME || !e.TIMESTREAM_TABLE_NAME) {
      throw new ConfigError('HISTORY_STORE=timestream needs TIMESTREAM_DATABASE_NAME and TIMESTREAM_TABLE_NAME');
    }
    history = { store: 'timestream', databaseName: e.TIMESTREAM_DATABASE_NAME, tableName: e.TIMESTREAM_TABLE_NAME };
  }
  let vault: AppConfig['vault'];
  if (e.VAULT_KEY_ID) vault = { kind: 'kms', keyId: e.VAULT_KEY_ID };
  else if (e.VAULT_LOCAL_KEY_FILE) vault = { kind: 'local-file', path: e.VAULT_LOCAL_KEY_FILE };
  return {
    tableName: e.TABLE_NAME,
    region: e.AWS_REGION,
    dynamoEndpoint: e.DYNAMODB_ENDPOINT,
    history,
    vault,
    wsCallbackUrl: e.WS_CALLBACK_URL,
    pollQueue: e.POLL_QUEUE_URL ? { url: e.POLL_QUEUE_URL, endpoint: e.SQS_ENDPOINT } : undefined,
    mqttPublishQueue: e.MQTT_PUBLISH_QUEUE_URL ? { url: e.MQTT_PUBLISH_QUEUE_URL, endpoint: e.SQS_ENDPOINT } : undefined,
    shareExpiryQueue: e.SHARE_EXPIRY_QUEUE_URL ? { url: e.SHARE_EXPIRY_QUEUE_URL, endpoint: e.SQS_ENDPOINT } : undefined,
    pollIntervalSeconds: e.POLL_INTERVAL_SECONDS,
    sessions: {
      idleSeconds: Math.round(e.SESSION_IDLE_DAYS * 86_400),
      absoluteSeconds: Math.round(e.SESSION_ABSOLUTE_DAYS * 86_400),
      maxPerUser: e.SESSIONS_PER_USER,
      touchEverySeconds: 300,
    },
    signIn: {
      maxFailuresPerEmail: e.SIGN_IN_FAILURES_PER_EMAIL,
      maxFailuresPerIp: e.SIGN_IN_FAILURES_PER_IP,
      windowSeconds: Math.round(e.SIGN_IN_WINDOW_MINUTES * 60),
      maxFailuresPerEmailPerDay: e.SIGN_IN_FAILURES_PER_EMAIL_PER_DAY,
    },
    validateResponses: e.VALIDATE_RESPONSES === 'true',
    simulatedClock: e.SIMULATED_CLOCK,
    exports: e.EXPORT_BUCKET ? { bucket: e.EXPORT_BUCKET, endpoint: e.S3_ENDPOINT } : undefined,
    publicWebUrl: e.PUBLIC_WEB_URL?.replace(/\/+$/, ''),
    egress: {
      allowLoopback: e.EGRESS_ALLOW_LOOPBACK === 'true',
      allowedHosts: e.EGRESS_ALLOWED_HOSTS.split(',').map((host) => host.trim()).filter((host) => host !== ''),
    },
  };
}
