/**
 * Wire contracts of cook records (README "Cook records"): detail, edits, timeline events, readings, export,
 * compare and share links. The start request and the cook view every list carries are in schemas.ts (the `cook`
 * WebSocket message needs them there).
 */
import * as z from '../validation/zod';
import { channelUnitSchema, cookAlertSchema, cookViewSchema, defaultAlertsPatchSchema, probePredictionSchema, temperatureUnitSchema } from './schemas';
import { channelNumberSchema, idSchema, instantSchema, queryInteger } from './wire-formats';

export const cookParamsSchema = z.strictObject({ cookId: idSchema });
export const cookEventParamsSchema = z.strictObject({ cookId: idSchema, eventId: idSchema });
export const cookShareParamsSchema = z.strictObject({ cookId: idSchema, shareId: idSchema });

/**
 * What the cook says happened. The same kinds and fields as the predictor's timeline event (`kind`, `at`, `text`,
 * `probe`, `endedAt`): `wrapped` ends the evaporative stall for the predictor, the others are the cook's record.
 */
export const COOK_EVENT_KINDS = ['wrapped', 'spritzed', 'fuel', 'lid-open', 'probe-moved', 'note'] as const;
export const cookEventKindSchema = z.enum(COOK_EVENT_KINDS);
export const MAX_EVENT_TEXT_CHARS = 500;
export const MAX_EVENTS_PER_COOK = 200;

export const addCookEventRequestSchema = z
  .strictObject({
    kind: cookEventKindSchema,
    /** When it happened; now when left out. */
    at: z.optional(instantSchema),
    text: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_EVENT_TEXT_CHARS))),
    /** The meat probe (channel) it concerns; every probe when left out. */
    probe: z.optional(channelNumberSchema),
    /** `lid-open`: when the lid closed again. */
    endedAt: z.optional(instantSchema),
  })
  .check(
    z.refine((e) => e.endedAt === undefined || (e.at !== undefined && Date.parse(e.endedAt) >= Date.parse(e.at)), {
      message: 'endedAt needs an at, and must not be before it',
      path: ['endedAt'],
    }),
  );
export type AddCookEventRequest = z.infer<typeof addCookEventRequestSchema>;

export const cookEventSchema = z.object({
  eventId: z.string(),
  kind: cookEventKindSchema,
  at: z.string(),
  text: z.optional(z.string()),
  probe: z.optional(z.string()),
  endedAt: z.optional(z.string()),
});
export type CookEvent = z.infer<typeof cookEventSchema>;

/** Per probe, computed from the device history when the cook ends. Times are ISO; durations in seconds. */
export const probeStatsSchema = z.object({
  channel: z.string(),
  targetF: z.number(),
  /** From the cook's start to the first reading at or above the target; null when never reached. */
  timeToTargetSeconds: z.nullable(z.number()),
  stallStartedAt: z.nullable(z.string()),
  stallSeconds: z.nullable(z.number()),
  maxF: z.nullable(z.number()),
});
export const cookStatsSchema = z.object({
  durationSeconds: z.number(),
  probes: z.array(probeStatsSchema),
  /** The pit channel's mean and standard deviation over the cook; null without a pit channel or readings. */
  pit: z.nullable(z.object({ meanF: z.number(), sdF: z.number() })),
  /** Readings of the cook's channels in history over its span. */
  readings: z.number().check(z.int(), z.nonnegative()),
});
export type CookStats = z.infer<typeof cookStatsSchema>;
export type ProbeStats = z.infer<typeof probeStatsSchema>;

export const cookDetailSchema = z.extend(cookViewSchema, {
  notes: z.string(),
  events: z.array(cookEventSchema),
  /** Null while the cook is active. */
  stats: z.nullable(cookStatsSchema),
});
export type CookDetail = z.infer<typeof cookDetailSchema>;

const tagSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(32), z.regex(/^[\p{L}\p{N} _-]+$/u, 'letters, digits, spaces, _ or -'));

export const listCooksQuerySchema = z
  .strictObject({
    status: z.optional(z.enum(['active', 'ended'])),
    /** Cooks that started in [from, to). */
    from: z.optional(instantSchema),
    to: z.optional(instantSchema),
    tag: z.optional(tagSchema),
    /** Words in the name or notes (case-insensitive). */
    q: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
    /** Cooks rated at least this (1–5); unrated cooks are left out. */
    minRating: z.optional(queryInteger(1, 5)),
    cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(512), z.regex(/^[A-Za-z0-9_-]+$/))),
    limit: z._default(queryInteger(1, 100), 20),
  })
  .check(z.refine((q) => q.from === undefined || q.to === undefined || Date.parse(q.from) < Date.parse(q.to), { message: 'from must be before to', path: ['from'] }));
export type ListCooksQuery = z.infer<typeof listCooksQuerySchema>;

export const patchCookRequestSchema = z
  .strictObject({
    name: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
    notes: z.optional(z.string().check(z.maxLength(10_000))),
    tags: z.optional(z.array(tagSchema).check(z.maxLength(20))),
    rating: z.optional(z.nullable(z.number().check(z.int(), z.minimum(1), z.maximum(5)))),
    probes: z.optional(
      z
        .array(
          z
            .strictObject({
              channel: channelNumberSchema,
              label: z.optional(z.nullable(z.string().check(z.trim(), z.minLength(1), z.maxLength(64)))),
              /** Only while the cook is active (409 once ended). */
              target: z.optional(z.number().check(z.minimum(32), z.maximum(500))),
              units: z.optional(temperatureUnitSchema),
            })
            .check(z.refine((p) => p.label !== undefined || p.target !== undefined || p.units !== undefined, { message: 'nothing to change on this probe' })),
        )
        .check(z.minLength(1), z.maxLength(8)),
    ),
    /** Turn the cook's own alerts on or off (e.g. `{"stall-started": false}`): the others stay as they are. */
    defaultAlerts: z.optional(defaultAlertsPatchSchema),
    /** When people eat (ahead, within two days); null clears it. Only while the cook runs (409 once ended). */
    serveAt: z.optional(z.nullable(instantSchema)),
  })
  .check(z.refine((p) => Object.keys(p).length > 0, { message: 'give at least one field to change' }));
export type PatchCookRequest = z.infer<typeof patchCookRequestSchema>;

export const cookDeletedSchema = z.object({ deleted: z.literal(true) });
export const eventDeletedSchema = z.object({ deleted: z.literal(true) });

export const cookReadingsQuerySchema = z.strictObject({ maxPoints: z._default(queryInteger(10, 5000), 720) });

/** One bucket of a channel: its mean, and the lowest and highest reading in it (so a peak survives downsampling). */
export const bucketPointSchema = z.object({ at: z.string(), value: z.number(), min: z.number(), max: z.number() });
export const cookChannelSeriesSchema = z.object({
  channel: z.string(),
  role: z.enum(['meat', 'pit']),
  label: z.nullable(z.string()),
  units: channelUnitSchema,
  points: z.array(bucketPointSchema),
});
export const cookReadingsSchema = z.object({
  cookId: z.string(),
  from: z.string(),
  to: z.string(),
  /** Seconds per bucket; null when these are the raw readings. */
  binSeconds: z.nullable(z.number()),
  channels: z.array(cookChannelSeriesSchema),
});
export type CookReadings = z.infer<typeof cookReadingsSchema>;

export const exportQuerySchema = z.strictObject({ format: z._default(z.enum(['csv', 'json']), 'csv') });

export const compareQuerySchema = z.strictObject({
  ids: z.pipe(
    z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64},[A-Za-z0-9_-]{1,64}$/, 'two cook ids, comma-separated')),
    z.transform((s: string) => s.split(',') as [string, string]),
  ),
});

/** A series aligned at its cook's start: `[seconds since start, °F]` per bucket. */
export const alignedSeriesSchema = z.object({
  channel: z.string(),
  label: z.nullable(z.string()),
  points: z.array(z.tuple([z.number(), z.number()])),
});
export const compareCooksSchema = z.object({
  binSeconds: z.number(),
  cooks: z.array(
    z.object({
      cook: cookDetailSchema,
      meat: z.array(alignedSeriesSchema),
      pit: z.nullable(alignedSeriesSchema),
    }),
  ),
});

// Share links
export const MAX_SHARE_HOURS = 72;
export const createShareRequestSchema = z.strictObject({ expiresInHours: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(MAX_SHARE_HOURS)), 24) });
export const shareCreatedSchema = z.object({ shareId: z.string(), url: z.string(), expiresAt: z.string() });
export const shareListSchema = z.object({
  shares: z.array(z.object({ shareId: z.string(), createdAt: z.string(), expiresAt: z.string() })),
});
export const shareRevokedSchema = z.object({ revoked: z.literal(true) });
/** A share token: `pws_` and 43 base64url characters (256 random bits). */
export const shareTokenSchema = z.string().check(z.regex(/^pws_[A-Za-z0-9_-]{43}$/, 'a share token'));
export const publicShareParamsSchema = z.strictObject({ token: shareTokenSchema });
export const publicShareQuerySchema = z.strictObject({ maxPoints: z._default(queryInteger(10, 5000), 720) });

/** What a share link shows: that one cook and nothing else (no account, email, other devices or cooks). */
export const sharedCookSchema = z.object({
  cook: z.object({
    serial: z.string(),
    name: z.string(),
    status: z.enum(['active', 'ended']),
    startedAt: z.string(),
    endedAt: z.nullable(z.string()),
    pitChannel: z.nullable(z.string()),
    probes: z.array(z.object({ channel: z.string(), label: z.nullable(z.string()), targetF: z.number(), units: temperatureUnitSchema })),
    predictions: z.array(probePredictionSchema),
    alerts: z.array(cookAlertSchema),
    events: z.array(cookEventSchema),
  }),
  readings: z.omit(cookReadingsSchema, { cookId: true }),
  expiresAt: z.string(),
});
export type SharedCook = z.infer<typeof sharedCookSchema>;
