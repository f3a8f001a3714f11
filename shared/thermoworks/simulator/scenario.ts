/**
 * What the simulator pretends ThermoWorks Cloud holds: accounts, their devices and probes, how each device
 * uploads, and which faults to inject. Validated with zod so a hand-written JSON scenario fails loudly.
 * Times in a scenario are seconds of simulated time relative to the simulator's start (negative = before).
 */
import * as z from 'zod';
import { MEAT_KINDS } from '../../cook/meat-kind';
import { CHANNEL_UNITS } from '../channel-unit';

export const serviceNames = ['signIn', 'refresh', 'webConfig', 'firestore', 'storage', 'functions'] as const;
export type SimulatedService = (typeof serviceNames)[number];

export const malformedKinds = ['not-json', 'truncated', 'wrong-shape', 'partial'] as const;

export const faultConfigSchema = z.object({
  /** Added to every response (real milliseconds). */
  latencyMs: z.number().nonnegative().optional(),
  /** Share of requests (0…1) answered with `errorStatus`, drawn from the seeded generator. */
  errorRate: z.number().min(0).max(1).optional(),
  errorStatus: z.number().int().min(500).max(599).optional(),
  /** The next N requests answer `errorStatus` (503 by default). */
  failNext: z.number().int().nonnegative().optional(),
  /** The next N requests answer 429 RESOURCE_EXHAUSTED. */
  rateLimitNext: z.number().int().nonnegative().optional(),
  /** Sent as Retry-After with the 429s. */
  retryAfterSeconds: z.number().int().nonnegative().optional(),
  /** The next N requests have their connection dropped (connection reset). */
  resetNext: z.number().int().nonnegative().optional(),
  /** Every request hangs (never answered) while true. */
  hang: z.boolean().optional(),
  /** The next N requests hang. */
  hangNext: z.number().int().nonnegative().optional(),
  /** Every answer is damaged this way while set. */
  malformed: z.enum(malformedKinds).optional(),
  /** The next N answers are damaged (`malformedKind`, default wrong-shape). */
  malformedNext: z.number().int().nonnegative().optional(),
  malformedKind: z.enum(malformedKinds).optional(),
  /** Sign-in answers TOO_MANY_ATTEMPTS_TRY_LATER. */
  tooManyAttempts: z.boolean().optional(),
  /** Limit the faults to these services (all when absent). */
  only: z.array(z.enum(serviceNames)).optional(),
});
export type FaultConfig = z.infer<typeof faultConfigSchema>;

const windowSchema = z.object({ fromSeconds: z.number(), toSeconds: z.number().optional() });
export type TimeWindow = z.infer<typeof windowSchema>;

const alarmSchema = z.object({ enabled: z.boolean().default(true), value: z.number() });

export const channelSourceSchema = z.discriminatedUnion('kind', [
  /** The cook's pit (air) temperature. */
  z.object({ kind: z.literal('pit') }),
  /** The cook's meat probe `index` (0-based). */
  z.object({ kind: z.literal('meat'), index: z.number().int().nonnegative() }),
  z.object({ kind: z.literal('ambient') }),
  /** A steady value with a slow daily swing (a cellar, a fridge, humidity). */
  z.object({ kind: z.literal('steady'), value: z.number(), swing: z.number().nonnegative().default(1) }),
]);
export type ChannelSource = z.infer<typeof channelSourceSchema>;

export const channelSchema = z.object({
  number: z.string().regex(/^[1-9]$/),
  label: z.string(),
  units: z.enum(CHANNEL_UNITS).default('F'),
  source: channelSourceSchema,
  /** Sensor noise (±, in the channel's units) around the true value. */
  noise: z.number().nonnegative().default(0.3),
  /** False: nothing plugged in for the whole run (status NO PROBE). */
  connected: z.boolean().default(true),
  /** Periods with the probe unplugged. */
  unplugged: z.array(windowSchema).default([]),
  alarmHigh: alarmSchema.optional(),
  alarmLow: alarmSchema.optional(),
  type: z.string().default('probe'),
});
export type ScenarioChannel = z.infer<typeof channelSchema>;

export const cookSchema = z.object({
  /** How far into the cook the simulator starts. */
  startedSecondsAgo: z.number().nonnegative().default(0),
  /** The cut (shared/cook/physics thermal profile). */
  meat: z.enum(MEAT_KINDS).default('brisket'),
  ambientF: z.number().default(70),
  pitTargetF: z.number().default(250),
  meatStartF: z.number().default(40),
  /** Meat probes in the cook (the physics model simulates up to 3; further ones use the placeholder curve). */
  meats: z.number().int().min(0).max(8).default(1),
  /** `physics`: shared/cook/physics (default). `placeholder`: the simulator's own simple curve. */
  model: z.enum(['physics', 'placeholder']).default('physics'),
  /** Passed to shared/cook/physics (see its CookScenario). */
  stallStrength: z.number().nonnegative().optional(),
  wrapAtF: z.number().optional(),
  lidOpenEveryMinutes: z.number().positive().optional(),
  fuelHalfLifeHours: z.number().positive().optional(),
  pullAtF: z.number().optional(),
  /** Placeholder model only: how slowly the meat follows the pit (a 14 lb brisket ≈ 6.5 h, a chicken ≈ 1.5 h). */
  meatTimeConstantHours: z.number().positive().default(6.5),
}).refine((c) => c.pitTargetF > c.ambientF, { message: 'pitTargetF must be above ambientF' });
export type ScenarioCook = z.infer<typeof cookSchema>;

export const deviceSchema = z.object({
  serial: z.string().min(1),
  /** Written in the document; some devices use a lower-case variant of the serial. */
  deviceId: z.string().optional(),
  label: z.string(),
  /** The `device` field (model family). */
  device: z.string(),
  /** The `type` field. */
  type: z.string(),
  firmware: z.string().default('1.0.0'),
  battery: z.number().min(0).max(100).default(90),
  batteryDrainPerHour: z.number().nonnegative().default(0),
  batteryState: z.string().default('discharging'),
  wifiDbm: z.number().max(0).default(-60),
  recordingIntervalSeconds: z.number().positive(),
  transmitIntervalSeconds: z.number().positive(),
  /** Whether the document carries the recording/transmit interval fields (dataloggers do, Signals does not). */
  documentIntervals: z.boolean().default(false),
  displayUnits: z.enum(['F', 'C']).default('F'),
  /** How probe values are written: double (float32 noise) or integer. */
  valueEncoding: z.enum(['double', 'integer']).default('double'),
  /** How "no value" is written: field absent, or nullValue (RFX). */
  missingValue: z.enum(['absent', 'null']).default('absent'),
  /** Periods without uploads (Wi-Fi lost, powered off). */
  offline: z.array(windowSchema).default([]),
  /** Archive files: one per `everySeconds` window, kept for `historySeconds`. */
  archives: z.object({ everySeconds: z.number().positive(), historySeconds: z.number().nonnegative().default(86_400) }).optional(),
  cook: cookSchema.optional(),
  channels: z.array(channelSchema),
  /** Extra raw Firestore fields merged into the device document (typed values), for odd-model tests. */
  extraFields: z.record(z.string(), z.unknown()).default({}),
});
export type ScenarioDevice = z.infer<typeof deviceSchema>;

export const accountSchema = z.object({
  email: z.string().min(3),
  password: z.string().min(1),
  uid: z.string().min(1),
  accountId: z.string().min(1),
  displayName: z.string().default(''),
  preferredUnits: z.enum(['F', 'C']).default('F'),
  timeZone: z.string().default('America/Chicago'),
  disabled: z.boolean().default(false),
  /** Whether security rules let this user list `devices/{serial}/channels` (unverified in the real service). */
  channelListing: z.enum(['allowed', 'denied']).default('allowed'),
  faults: faultConfigSchema.default({}),
  devices: z.array(deviceSchema),
});
export type ScenarioAccount = z.infer<typeof accountSchema>;

export const scenarioSchema = z.object({
  seed: z.number().int().default(42),
  apiKey: z.string().default('AIzaSyCf079iccUFc1k7VHdGXng22zXDy8Y3KEY'),
  appId: z.string().default('1:78998049458:web:b41e9d405d8c7de95eefab'),
  project: z
    .object({
      projectId: z.string().default('pitwatch-simulator'),
      storageBucket: z.string().default('pitwatch-simulator.appspot.com'),
    })
    .default({ projectId: 'pitwatch-simulator', storageBucket: 'pitwatch-simulator.appspot.com' }),
  /** Simulated time at start (ISO); defaults to the clock's now. */
  startAt: z.string().optional(),
  idTokenLifetimeSeconds: z.number().int().positive().default(3600),
  /** `unified`: INVALID_LOGIN_CREDENTIALS for both cases (newer projects); `legacy`: EMAIL_NOT_FOUND / INVALID_PASSWORD. */
  credentialErrors: z.enum(['unified', 'legacy']).default('unified'),
  /** Whether refresh hands out a new refresh token each time (Firebase usually keeps it). */
  rotateRefreshTokens: z.boolean().default(false),
  /** Refuse sign-in/refresh/webConfig without `Referer: https://cloud.thermoworks.com/`, like the restricted key. */
  requireReferer: z.boolean().default(true),
  /** Consecutive bad passwords before TOO_MANY_ATTEMPTS_TRY_LATER (0 = never). */
  signInLockoutAfter: z.number().int().nonnegative().default(10),
  signInLockoutSeconds: z.number().int().positive().default(300),
  /** Faults on every request, whoever makes it. */
  faults: faultConfigSchema.default({}),
  /**
   * The `requestRetrieveInstrumentHistory` callable function (PROTOCOL.md): every device's uploaded points of the last
   * `historySeconds`, answering 500 to a share `errorRate` of calls (one client reports it doing so at times).
   */
  historyFunction: z
    .object({ historySeconds: z.number().positive().default(86_400), errorRate: z.number().min(0).max(1).default(0.1) })
    .default({ historySeconds: 86_400, errorRate: 0.1 }),
  accounts: z.array(accountSchema).min(1),
});
export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;

/** Validate a scenario (from JSON or TS). Throws a readable error listing the problems. */
export function parseScenario(raw: unknown): Scenario {
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid simulator scenario:\n${issues}`);
  }
  const scenario = parsed.data;
  const serials = new Set<string>();
  for (const account of scenario.accounts) {
    for (const device of account.devices) {
      if (serials.has(device.serial)) throw new Error(`Invalid simulator scenario: serial ${device.serial} appears twice`);
      serials.add(device.serial);
    }
  }
  return scenario;
}
