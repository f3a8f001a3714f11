/**
 * Wire contracts of cook records (README "Cook records"): detail, edits, timeline events, readings, export,
 * compare and share links. The start request and the cook view every list carries are in schemas.ts (the `cook`
 * WebSocket message needs them there).
 */
import * as z from 'zod';
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
    at: instantSchema.optional(),
    text: z.string().trim().min(1).max(MAX_EVENT_TEXT_CHARS).optional(),
    /** The meat probe (channel) it concerns; every probe when left out. */
    probe: channelNumberSchema.optional(),
    /** `lid-open`: when the lid closed again. */
    endedAt: instantSchema.optional(),
  })
  .refine((e) => e.endedAt === undefined || (e.at !== undefined && Date.parse(e.endedAt) >= Date.parse(e.at)), {
    message: 'endedAt needs an at, and must not be before it',
    path: ['endedAt'],
  });
export type AddCookEventRequest = z.infer<typeof addCookEventRequestSchema>;

export const cookEventSchema = z.object({
  eventId: z.string(),
  kind: cookEventKindSchema,
  at: z.string(),
  text: z.string().optional(),
  probe: z.string().optional(),
  endedAt: z.string().optional(),
});
export type CookEvent = z.infer<typeof cookEventSchema>;

/** Per probe, computed from the device history when the cook ends. Times are ISO; durations in seconds. */
export const probeStatsSchema = z.object({
  channel: z.string(),
  targetF: z.number(),
  /** From the cook's start to the first reading at or above the target; null when never reached. */
  timeToTargetSeconds: z.number().nullable(),
  stallStartedAt: z.string().nullable(),
  stallSeconds: z.number().nullable(),
  maxF: z.number().nullable(),
});
export const cookStatsSchema = z.object({
  durationSeconds: z.number(),
  probes: z.array(probeStatsSchema),
  /** The pit channel's mean and standard deviation over the cook; null without a pit channel or readings. */
  pit: z.object({ meanF: z.number(), sdF: z.number() }).nullable(),
  /** Readings of the cook's channels in history over its span. */
  readings: z.number().int().nonnegative(),
});
export type CookStats = z.infer<typeof cookStatsSchema>;
export type ProbeStats = z.infer<typeof probeStatsSchema>;

export const cookDetailSchema = cookViewSchema.extend({
  notes: z.string(),
  events: z.array(cookEventSchema),
  /** Null while the cook is active. */
  stats: cookStatsSchema.nullable(),
});
export type CookDetail = z.infer<typeof cookDetailSchema>;

const tagSchema = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[\p{L}\p{N} _-]+$/u, 'letters, digits, spaces, _ or -');

export const listCooksQuerySchema = z
  .strictObject({
    status: z.enum(['active', 'ended']).optional(),
    /** Cooks that started in [from, to). */
    from: instantSchema.optional(),
    to: instantSchema.optional(),
    tag: tagSchema.optional(),
    /** Words in the name or notes (case-insensitive). */
    q: z.string().trim().min(1).max(100).optional(),
    /** Cooks rated at least this (1–5); unrated cooks are left out. */
    minRating: queryInteger(1, 5).optional(),
    cursor: z.string().min(1).max(512).regex(/^[A-Za-z0-9_-]+$/).optional(),
    limit: queryInteger(1, 100).default(20),
  })
  .refine((q) => q.from === undefined || q.to === undefined || Date.parse(q.from) < Date.parse(q.to), { message: 'from must be before to', path: ['from'] });
export type ListCooksQuery = z.infer<typeof listCooksQuerySchema>;

export const patchCookRequestSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100).optional(),
    notes: z.string().max(10_000).optional(),
    tags: z.array(tagSchema).max(20).optional(),
    rating: z.number().int().min(1).max(5).nullable().optional(),
    probes: z
      .array(
        z
          .strictObject({
            channel: channelNumberSchema,
            label: z.string().trim().min(1).max(64).nullable().optional(),
            /** Only while the cook is active (409 once ended). */
            target: z.number().min(32).max(500).optional(),
            units: temperatureUnitSchema.optional(),
          })
          .refine((p) => p.label !== undefined || p.target !== undefined || p.units !== undefined, { message: 'nothing to change on this probe' }),
      )
      .min(1)
      .max(8)
      .optional(),
    /** Turn the cook's own alerts on or off (e.g. `{"stall-started": false}`): the others stay as they are. */
    defaultAlerts: defaultAlertsPatchSchema.optional(),
    /** When people eat (ahead, within two days); null clears it. Only while the cook runs (409 once ended). */
    serveAt: instantSchema.nullable().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, { message: 'give at least one field to change' });
export type PatchCookRequest = z.infer<typeof patchCookRequestSchema>;

export const cookDeletedSchema = z.object({ deleted: z.literal(true) });
export const eventDeletedSchema = z.object({ deleted: z.literal(true) });

export const cookReadingsQuerySchema = z.strictObject({ maxPoints: queryInteger(10, 5000).default(720) });

/** One bucket of a channel: its mean, and the lowest and highest reading in it (so a peak survives downsampling). */
export const bucketPointSchema = z.object({ at: z.string(), value: z.number(), min: z.number(), max: z.number() });
export const cookChannelSeriesSchema = z.object({
  channel: z.string(),
  role: z.enum(['meat', 'pit']),
  label: z.string().nullable(),
  units: channelUnitSchema,
  points: z.array(bucketPointSchema),
});
export const cookReadingsSchema = z.object({
  cookId: z.string(),
  from: z.string(),
  to: z.string(),
  /** Seconds per bucket; null when these are the raw readings. */
  binSeconds: z.number().nullable(),
  channels: z.array(cookChannelSeriesSchema),
});
export type CookReadings = z.infer<typeof cookReadingsSchema>;

export const exportQuerySchema = z.strictObject({ format: z.enum(['csv', 'json']).default('csv') });

export const compareQuerySchema = z.strictObject({
  ids: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64},[A-Za-z0-9_-]{1,64}$/, 'two cook ids, comma-separated')
    .transform((s) => s.split(',') as [string, string]),
});

/** A series aligned at its cook's start: `[seconds since start, °F]` per bucket. */
export const alignedSeriesSchema = z.object({
  channel: z.string(),
  label: z.string().nullable(),
  points: z.array(z.tuple([z.number(), z.number()])),
});
export const compareCooksSchema = z.object({
  binSeconds: z.number(),
  cooks: z.array(
    z.object({
      cook: cookDetailSchema,
      meat: z.array(alignedSeriesSchema),
      pit: alignedSeriesSchema.nullable(),
    }),
  ),
});

// Share links
export const MAX_SHARE_HOURS = 72;
export const createShareRequestSchema = z.strictObject({ expiresInHours: z.number().int().min(1).max(MAX_SHARE_HOURS).default(24) });
export const shareCreatedSchema = z.object({ shareId: z.string(), url: z.string(), expiresAt: z.string() });
export const shareListSchema = z.object({
  shares: z.array(z.object({ shareId: z.string(), createdAt: z.string(), expiresAt: z.string() })),
});
export const shareRevokedSchema = z.object({ revoked: z.literal(true) });
/** A share token: `pws_` and 43 base64url characters (256 random bits). */
export const shareTokenSchema = z.string().regex(/^pws_[A-Za-z0-9_-]{43}$/, 'a share token');
export const publicShareParamsSchema = z.strictObject({ token: shareTokenSchema });
export const publicShareQuerySchema = z.strictObject({ maxPoints: queryInteger(10, 5000).default(720) });

/** What a share link shows: that one cook and nothing else (no account, email, other devices or cooks). */
export const sharedCookSchema = z.object({
  cook: z.object({
    serial: z.string(),
    name: z.string(),
    status: z.enum(['active', 'ended']),
    startedAt: z.string(),
    endedAt: z.string().nullable(),
    pitChannel: z.string().nullable(),
    probes: z.array(z.object({ channel: z.string(), label: z.string().nullable(), targetF: z.number(), units: temperatureUnitSchema })),
    predictions: z.array(probePredictionSchema),
    alerts: z.array(cookAlertSchema),
    events: z.array(cookEventSchema),
  }),
  readings: cookReadingsSchema.omit({ cookId: true }),
  expiresAt: z.string(),
});
export type SharedCook = z.infer<typeof sharedCookSchema>;
