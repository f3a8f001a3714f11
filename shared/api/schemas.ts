/**
 * The HTTP API's and WebSocket's wire contracts: one zod schema per message, imported by the handlers
 * (to validate and to shape responses), the local gateways and the web app (to type and check what arrives).
 */
import { COOK_ALERT_KINDS, type CookAlertKind } from '../cooks/cook-alert-kinds';
import * as z from '../validation/zod';
import { scaledClockSettingsSchema } from '../clock';
import { CHANNEL_UNITS } from '../thermoworks/channel-unit';
import type { AlarmMessage, ChannelMessage } from './alarm-message-schemas';
import { channelNumberSchema, instantSchema, queryInteger, serialSchema } from './wire-formats';

export const temperatureUnitSchema = z.enum(['F', 'C']);
/** Channel units as ThermoWorks reports them: °F, °C, or relative humidity. */
export const channelUnitSchema = z.enum(CHANNEL_UNITS);

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.optional(z.record(z.string(), z.unknown())),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

// POST /api/auth/login
export const loginRequestSchema = z.strictObject({
  email: z.string().check(z.trim(), z.email(), z.maxLength(320)),
  password: z.string().check(z.minLength(1), z.maxLength(1024)),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const loginResponseSchema = z.object({
  sessionToken: z.string(),
  expiresAt: z.string(),
  user: z.object({ userId: z.string(), email: z.string() }),
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

// GET /api/devices
export const channelViewSchema = z.object({
  number: z.string(),
  label: z.string(),
  /** Rounded to the device's 0.1° resolution; null when no probe reading is available. */
  value: z.nullable(z.number()),
  units: channelUnitSchema,
  status: z.string(),
  probeConnected: z.boolean(),
  /** When ThermoWorks saved this reading (ISO-8601 UTC). */
  at: z.nullable(z.string()),
});
export type ChannelView = z.infer<typeof channelViewSchema>;

export const deviceViewSchema = z.object({
  serial: z.string(),
  label: z.string(),
  kind: z.string(),
  battery: z.nullable(z.number()),
  wifiDbm: z.nullable(z.number()),
  online: z.boolean(),
  lastSeen: z.nullable(z.string()),
  channels: z.array(channelViewSchema),
});
export type DeviceView = z.infer<typeof deviceViewSchema>;

export const devicesResponseSchema = z.object({ devices: z.array(deviceViewSchema) });
export type DevicesResponse = z.infer<typeof devicesResponseSchema>;

// GET /devices/{serial}/history?channel=&from=&to=&maxPoints=
export const deviceParamsSchema = z.strictObject({ serial: serialSchema });

export const historyQuerySchema = z
  .strictObject({
    channel: channelNumberSchema,
    from: instantSchema,
    to: instantSchema,
    /** At most this many points come back (downsampled by time bins); default 720. */
    maxPoints: z._default(queryInteger(10, 5000), 720),
  })
  .check(
    z.refine((q) => Date.parse(q.from) < Date.parse(q.to), { message: 'from must be before to', path: ['from'] }),
    z.refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 31 * 86_400_000, { message: 'at most 31 days per request', path: ['to'] }),
  );
export type HistoryQueryInput = z.infer<typeof historyQuerySchema>;

export const historyResponseSchema = z.object({
  serial: z.string(),
  channel: z.string(),
  from: z.string(),
  to: z.string(),
  /** Seconds per point when downsampled; null when these are the raw readings. */
  binSeconds: z.nullable(z.number()),
  points: z.array(z.object({ at: z.string(), value: z.number(), units: channelUnitSchema })),
});
export type HistoryResponse = z.infer<typeof historyResponseSchema>;

// GET /account
export const accountStatusSchema = z.object({
  userId: z.string(),
  email: z.string(),
  /** ok | relink-needed (sign in again: ThermoWorks revoked access) | failing (ThermoWorks errors; retrying). */
  status: z.enum(['ok', 'relink-needed', 'failing']),
  statusMessage: z.nullable(z.string()),
  linkedAt: z.string(),
  lastPolledAt: z.nullable(z.string()),
  lastReadingAt: z.nullable(z.string()),
});
export type AccountStatus = z.infer<typeof accountStatusSchema>;

// Cooks: the start request, the view every list, answer and `cook` message carries (the rest: cook-schemas.ts)
export const startCookRequestSchema = z.strictObject({
  serial: serialSchema,
  /** "Saturday brisket"; the first probe's preset or the device's label when left out. */
  name: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
  /** The channel measuring the pit (air) temperature, if any: it makes predictions better. */
  pitChannel: z.optional(channelNumberSchema),
  probes: z
    .array(
      z
        .strictObject({
          channel: channelNumberSchema,
          /** What the probe is in ("Brisket flat"); the device channel's label when left out. */
          label: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(64))),
          /** A doneness preset id (shared/cook/presets), e.g. "brisket" or "steak-medium-rare". */
          presetId: z.optional(z.string().check(z.maxLength(64))),
          /** Or an explicit target temperature, in `units`. */
          target: z.optional(z.number().check(z.minimum(32), z.maximum(500))),
          units: z._default(temperatureUnitSchema, 'F'),
        })
        .check(z.refine((p) => p.presetId !== undefined || p.target !== undefined, { message: 'give a presetId or a target' })),
    )
    .check(z.minLength(1), z.maxLength(8)),
  /** When people eat (ahead, within SERVE_AT_MAX_AHEAD_MS): the cook then says whether it is on track for it. */
  serveAt: z.optional(instantSchema),
});
export type StartCookRequest = z.infer<typeof startCookRequestSchema>;

export const probePredictionSchema = z.object({
  channel: z.string(),
  phase: z.enum(['heating', 'stall', 'post_stall', 'done', 'unknown']),
  /** ETA (ISO) with its 80 % interval; null when there is not enough data yet or the target cannot be reached. */
  etaAt: z.nullable(z.string()),
  etaLowAt: z.nullable(z.string()),
  etaHighAt: z.nullable(z.string()),
  reason: z.nullable(z.string()),
  stallStartedAt: z.nullable(z.string()),
  at: z.string(),
  /** What the account's own past cooks of this kind taught the prediction ("based on your last 3 briskets: stall about 3 h 10 m"); absent when none. */
  basedOn: z.optional(z.string()),
});
export type ProbePrediction = z.infer<typeof probePredictionSchema>;

/** The cook's own alerts (the fixed set every cook has): each can be turned off per cook (`defaultAlerts`). */
export { COOK_ALERT_KINDS, type CookAlertKind };
/** Which of a cook's alerts are on: every kind, true unless turned off. */
export const defaultAlertsSchema = z.object(Object.fromEntries(COOK_ALERT_KINDS.map((k) => [k, z.boolean()])) as Record<CookAlertKind, z.ZodMiniBoolean<boolean>>);
/** A change to them (PATCH /cooks/{cookId}): the kinds named, on or off; the others stay as they are. */
export const defaultAlertsPatchSchema = z
  .strictObject(Object.fromEntries(COOK_ALERT_KINDS.map((k) => [k, z.optional(z.boolean())])) as Record<CookAlertKind, z.ZodMiniOptional<z.ZodMiniBoolean<boolean>>>)
  .check(z.refine((p) => Object.keys(p).length > 0, { message: 'name at least one alert to turn on or off' }));
export type DefaultAlerts = Partial<Record<CookAlertKind, boolean>>;

export const cookAlertSchema = z.object({
  kind: z.enum(COOK_ALERT_KINDS),
  /** The meat probe's channel; null for pit alerts. */
  channel: z.nullable(z.string()),
  /** Ready to show, e.g. "Brisket (channel 2) will be done in about 30 min". */
  message: z.string(),
  at: z.string(),
});
export type CookAlert = z.infer<typeof cookAlertSchema>;

export const cookStatusSchema = z.enum(['active', 'ended']);
export const cookProbeViewSchema = z.object({
  channel: z.string(),
  label: z.nullable(z.string()),
  targetF: z.number(),
  presetId: z.nullable(z.string()),
  meat: z.nullable(z.string()),
  /** The units the cook shows this probe in (the target was given in them). */
  units: temperatureUnitSchema,
});
export type CookProbeView = z.infer<typeof cookProbeViewSchema>;

/**
 * A cook with a serve time, checked against its done time on every poll (serve-check.ts): on track, running late
 * (and what would make up the time) or early. The cook's done time is its governing piece's: the last piece of meat
 * to be ready (done, then rested for its preset's shortest rest). `waiting`: no probe has a done time yet.
 */
export const serveCheckSchema = z.object({
  status: z.enum(['on-track', 'late', 'early', 'waiting']),
  /** Ready this many minutes after (+) or before (−) the serve time; null while waiting. */
  minutesLate: z.nullable(z.number().check(z.int())),
  /** When the governing piece reaches its target, and when it has rested and is ready to eat; null while waiting. */
  doneAt: z.nullable(z.string()),
  readyAt: z.nullable(z.string()),
  /** The meat probe that governs (the last to be ready); null while waiting. */
  channel: z.nullable(z.string()),
  /** The rest counted in `readyAt` (its preset's shortest), and the longest it may rest (the slack of an early cook). */
  restMinutes: z.number().check(z.int(), z.nonnegative()),
  restMaxMinutes: z.number().check(z.int(), z.nonnegative()),
  /** Late: raise the pit to this (°F); early: lower it to this. Null: no pit advice (no pit probe, or none helps). */
  pitF: z.nullable(z.number()),
  /** Late: `pitF` makes up the time (false: the hottest advised pit, and it will still be late). */
  pitEnough: z.boolean(),
  /** Late: wrapping at the stall would make up the time, or most of it. */
  wrap: z.boolean(),
  /** When it was checked (the poll's time). */
  at: z.string(),
});
export type ServeCheck = z.infer<typeof serveCheckSchema>;

/** A cook as lists, answers and `cook` messages carry it: predictions and alerts are the latest (final once ended). */
export const cookViewSchema = z.object({
  cookId: z.string(),
  serial: z.string(),
  status: cookStatusSchema,
  name: z.string(),
  tags: z.array(z.string()),
  rating: z.nullable(z.number().check(z.int(), z.minimum(1), z.maximum(5))),
  startedAt: z.string(),
  endedAt: z.nullable(z.string()),
  pitChannel: z.nullable(z.string()),
  probes: z.array(cookProbeViewSchema),
  predictions: z.array(probePredictionSchema),
  /** The latest alerts raised for this cook, newest last. */
  alerts: z._default(z.array(cookAlertSchema), []),
  /** Which of the cook's own alerts are on (all unless turned off with PATCH /cooks/{cookId} {defaultAlerts}). */
  defaultAlerts: z.optional(defaultAlertsSchema),
  /** When people eat (set on start or with PATCH /cooks/{cookId}); absent: no serve time. */
  serveAt: z.optional(z.string()),
  /** While active with a serve time: the latest check of the done time against it. */
  serveCheck: z.optional(serveCheckSchema),
});
export type CookView = z.infer<typeof cookViewSchema>;
export const cooksResponseSchema = z.object({
  cooks: z.array(cookViewSchema),
  /** Pass back as `cursor` for the next page; absent on the last page. */
  cursor: z.optional(z.string()),
});

// WebSocket: server → browser
/** One channel's new reading, inside a `readings` message. */
export const channelReadingSchema = z.object({
  channel: z.string(),
  value: z.nullable(z.number()),
  units: channelUnitSchema,
  status: z.string(),
  probeConnected: z.boolean(),
  /** When ThermoWorks saved it (ISO-8601 UTC). */
  at: z.string(),
});
export type ChannelReading = z.infer<typeof channelReadingSchema>;

/** What one poll found new on one device: one message per device per poll, every changed channel in it. */
export const readingsMessageSchema = z.object({
  type: z.literal('readings'),
  serial: z.string(),
  channels: z.array(channelReadingSchema).check(z.minLength(1)),
});
export type ReadingsMessage = z.infer<typeof readingsMessageSchema>;

/**
 * One channel's reading with its device: how the web app hands readings around once a `readings` message is split
 * (not sent on the wire as such).
 */
export const readingMessageSchema = z.extend(channelReadingSchema, { type: z.literal('reading'), serial: z.string() });
export type ReadingMessage = z.infer<typeof readingMessageSchema>;

/** Split into one ReadingMessage per channel by `splitReadings` (readings-message.ts, zod-free for the browser). */

export const predictionMessageSchema = z.extend(probePredictionSchema, { type: z.literal('prediction'), serial: z.string() });
export type PredictionMessage = z.infer<typeof predictionMessageSchema>;

/** A poll's serve-time check of the cook running on `serial` (sent beside its predictions when it has a serve time). */
export const serveCheckMessageSchema = z.object({ type: z.literal('serve-check'), serial: z.string(), cookId: z.string(), serveAt: z.string(), check: serveCheckSchema });
export type ServeCheckMessage = z.infer<typeof serveCheckMessageSchema>;

export const alertMessageSchema = z.extend(cookAlertSchema, { type: z.literal('alert'), serial: z.string() });
export type AlertMessage = z.infer<typeof alertMessageSchema>;

/**
 * A cook started, changed (targets, name, events) or ended, in any tab or device: every open page of the account
 * updates its copy, so two tabs never disagree about whether a cook is running.
 */
export const cookMessageSchema = z.object({
  type: z.literal('cook'),
  change: z.enum(['started', 'updated', 'ended']),
  serial: z.string(),
  cook: cookViewSchema,
});
export type CookMessage = z.infer<typeof cookMessageSchema>;

export const serverMessageSchema = z.discriminatedUnion('type', [
  cookMessageSchema,
  readingsMessageSchema,
  predictionMessageSchema,
  serveCheckMessageSchema,
  alertMessageSchema,
  /** The answer to a ping, sent by API Gateway itself (shared/live/heartbeat-route.ts: PONG_FRAME). */
  z.object({ type: z.literal('pong') }),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
  /** The last message on a socket whose credential was revoked or expired: sign in again. */
  z.object({ type: z.literal('session-ended'), reason: z.enum(['signed-out', 'revoked', 'expired', 'account-deleted']) }),
]);
/** Alarm messages (alarm-message-schemas.ts: `liveMessageSchema` parses them all) are typed here but parsed apart. */
export type ServerMessage = z.infer<typeof serverMessageSchema> | AlarmMessage | ChannelMessage;

// WebSocket: browser → server ($default route)
export const clientMessageSchema = z.discriminatedUnion('type', [z.strictObject({ type: z.literal('ping') })]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

/** What /config.json tells the web app. */
export const webConfigSchema = z.object({
  apiUrl: z.string(),
  wsUrl: z.string(),
  /** Only from the local stack under --time-scale: the simulated clock the page must show times by. */
  clock: z.optional(scaledClockSettingsSchema),
});
export type WebConfig = z.infer<typeof webConfigSchema>;
