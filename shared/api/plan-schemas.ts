/**
 * Wire contract of the serve-time planner, `POST /cooks/plan` (the route itself is added to routes.ts by the lead):
 * "start by 04:30 (80 %: 03:40–05:20) to eat at 18:00, including a 1 h rest". The domain is
 * shared/cook/planner (planFromRequest); temperatures travel in `units`, instants as ISO-8601 with a zone.
 */
import * as z from '../validation/zod';
import { isKnownTimeZone } from '../cook/duration-text';
import { temperatureUnitSchema } from './schemas';
import { instantSchema } from './wire-formats';

export const planRequestSchema = z
  .strictObject({
    /** A doneness preset id (shared/cook/presets), e.g. "brisket": target, pull temperature and rest. */
    presetId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    /** Or a target temperature, in `units` (no rest, pulled at the target). */
    target: z.optional(z.number().check(z.minimum(32), z.maximum(500))),
    units: z._default(temperatureUnitSchema, 'F'),
    /** The piece's weight: a heavier one heats slower. */
    weightKg: z.optional(z.number().check(z.positive(), z.maximum(50))),
    /** The pit the cook will run, in `units`. */
    pitTemp: z.number().check(z.minimum(50), z.maximum(1000)),
    /** When people eat. */
    serveAt: instantSchema,
    /** For the clock times in the answer's text (IANA, e.g. "America/Chicago"); UTC when absent. */
    timeZone: z.optional(z.string().check(z.minLength(1), z.maxLength(64), z.refine(isKnownTimeZone, { message: 'an IANA time zone such as America/Chicago' }))),
  })
  .check(z.refine((r) => (r.presetId === undefined) !== (r.target === undefined), { message: 'give a presetId or a target, not both', path: ['presetId'] }));
export type PlanRequest = z.infer<typeof planRequestSchema>;

const hoursSchema = z.object({ low: z.number().check(z.nonnegative()), mid: z.number().check(z.nonnegative()), high: z.number().check(z.nonnegative()) });

export const planResponseSchema = z.object({
  /** Put the meat on by here (median); the 80 % range runs from a slow cook's start to a quick one's. */
  startBy: z.string(),
  startEarliest: z.string(),
  startLatest: z.string(),
  /** When it should reach the pull temperature, started at `startBy`. */
  doneBy: z.string(),
  serveAt: z.string(),
  /** Hours on the smoker: 10th / 50th / 90th percentile. */
  cookHours: hoursSchema,
  restMinutes: z.number().check(z.int(), z.nonnegative()),
  units: temperatureUnitSchema,
  /** In `units`. */
  pullAt: z.number(),
  target: z.number(),
  /** `start-now`: even starting now, it is likely late. */
  status: z.enum(['ok', 'start-now']),
  /** Ready to show: "start by 04:30 (80 %: 03:40–05:20) to eat at 18:00, including a 1 h rest". */
  text: z.string(),
  /** What the plan learned from the account's past cooks of this kind, if any: "based on your last 3 briskets: …". */
  basedOn: z.nullable(z.string()),
});
export type PlanResponse = z.infer<typeof planResponseSchema>;
