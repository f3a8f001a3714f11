import * as z from '../../validation/zod';

/**
 * What the cook tells Pitwatch happened, on the cook's timeline. The domain form (epoch ms, like every instant in
 * shared/cook): cook records store and show these, and the done-time prediction reads three of them —
 * - `wrapped`: the cut went into foil or butcher paper: the evaporative stall ends, and the heating rate is the
 *   wrapped one (no evaporation) until the curve after the wrap shows its own;
 * - `probe-moved`: the probe now reads another spot: the trend is fitted afresh from that instant;
 * - `lid-open`: the lid was open from `atMs` to `endedAtMs` (a spritz, a peek): the dip stays out of every fit.
 * `spritzed`, `fuel` and `note` are for the cook's own record; the prediction does not change with them (a spritz is
 * a lid-open too when the cook says how long: send both).
 */
export const COOK_TIMELINE_EVENT_KINDS = ['wrapped', 'spritzed', 'fuel', 'lid-open', 'probe-moved', 'note'] as const;

export type CookTimelineEventKind = (typeof COOK_TIMELINE_EVENT_KINDS)[number];

export interface CookTimelineEvent {
  readonly kind: CookTimelineEventKind;
  readonly atMs: number;
  /** The cook's own words ("butcher paper", "added 2 splits of oak"). */
  readonly text?: string;
  /** The meat probe (channel) it concerns; every meat probe of the cook when absent. */
  readonly probe?: string;
  /** `lid-open`: when the lid was closed again (else LID_OPEN_DEFAULT_MS after `atMs`). */
  readonly endedAtMs?: number;
}

/** A lid-open the cook marked without saying when it closed: a peek or a spritz. */
export const LID_OPEN_DEFAULT_MS = 5 * 60_000;
export const MAX_EVENT_TEXT_LENGTH = 500;

/** The window a lid-open event keeps out of the fits. */
export function lidOpenWindow(event: CookTimelineEvent): { fromMs: number; toMs: number } {
  const toMs = event.endedAtMs !== undefined && event.endedAtMs > event.atMs ? event.endedAtMs : event.atMs + LID_OPEN_DEFAULT_MS;
  return { fromMs: event.atMs, toMs };
}

/** Events in time order (stable), e.g. to replay them beside readings. */
export function sortTimeline(events: readonly CookTimelineEvent[]): CookTimelineEvent[] {
  return [...events].sort((a, b) => a.atMs - b.atMs);
}

/**
 * The same event as JSON text carries it (CLI event files; the cook-records wire format can reuse it): `at` and
 * `endedAt` are ISO-8601 instants with a zone, or epoch milliseconds.
 */
const instantInput = z.union([
  z.pipe(z.iso.datetime({ offset: true }), z.transform((s) => Date.parse(s))),
  z.number().check(z.int(), z.minimum(946_684_800_000)), // 2000-01-01: nothing older is a cook
]);

export const cookTimelineEventInputSchema = z.pipe(
  z
    .strictObject({
      kind: z.enum(COOK_TIMELINE_EVENT_KINDS),
      at: instantInput,
      text: z.optional(z.string().check(z.maxLength(MAX_EVENT_TEXT_LENGTH))),
      probe: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
      endedAt: z.optional(instantInput),
    })
    .check(z.refine((e) => e.endedAt === undefined || e.endedAt >= e.at, { message: 'endedAt must not be before at', path: ['endedAt'] })),
  z.transform(
    (e): CookTimelineEvent => ({
      kind: e.kind,
      atMs: e.at,
      ...(e.text !== undefined ? { text: e.text } : {}),
      ...(e.probe !== undefined ? { probe: e.probe } : {}),
      ...(e.endedAt !== undefined ? { endedAtMs: e.endedAt } : {}),
    }),
  ),
);

export const cookTimelineInputSchema = z.array(cookTimelineEventInputSchema).check(z.maxLength(1000));
