/**
 * Timeline events of a cook: what the cook says happened (wrapped, spritzed, fuel, lid-open, probe-moved, note).
 * Stored on the cook (README "Cook records") and handed to the done-time predictor in its own timeline shape.
 */
import type { AddCookEventRequest, CookEvent } from '../api/cook-schemas';
import { assertNotTooFarAhead } from '../api/wire-formats';
import { ValidationError } from '../errors';
import type { IdGenerator } from '../ids';
import type { CookProbe } from './cook-record';

/**
 * The predictor's timeline event (`shared/cook/timeline/cook-timeline-event.ts` once the predictor takes events):
 * the same fields as the wire event, instants in epoch ms like everything in shared/cook.
 */
export interface PredictorTimelineEvent {
  readonly kind: CookEvent['kind'];
  readonly atMs: number;
  readonly text?: string;
  readonly probe?: string;
  readonly endedAtMs?: number;
}

/** The events that concern one meat probe (its own, and those for every probe), oldest first, in the predictor's shape. */
export function predictorEventsFor(events: readonly CookEvent[], channel: string): PredictorTimelineEvent[] {
  return events
    .filter((e) => e.probe === undefined || e.probe === channel)
    .map((e) => ({
      kind: e.kind,
      atMs: Date.parse(e.at),
      ...(e.text !== undefined ? { text: e.text } : {}),
      ...(e.probe !== undefined ? { probe: e.probe } : {}),
      ...(e.endedAt !== undefined ? { endedAtMs: Date.parse(e.endedAt) } : {}),
    }))
    .sort((a, b) => a.atMs - b.atMs);
}

/**
 * What today's predictor entry point (`predictDoneTime`'s `wrappedAtMs`) takes of the timeline: the first wrap at or
 * before `atMs`. When the predictor takes the whole timeline, pass `predictorEventsFor(…)` as its `events` instead.
 */
export function wrappedAtMs(events: readonly PredictorTimelineEvent[], atMs: number): { wrappedAtMs?: number } {
  const wrap = events.find((e) => e.kind === 'wrapped' && e.atMs <= atMs);
  return wrap ? { wrappedAtMs: wrap.atMs } : {};
}

/** A new event from a request: its time defaults to now, and its probe must be one of the cook's meat probes. */
export function newCookEvent(input: AddCookEventRequest, probes: readonly CookProbe[], startedAt: string, deps: { ids: IdGenerator; now: Date }): CookEvent {
  assertNotTooFarAhead(deps.now, { at: input.at, endedAt: input.endedAt });
  if (input.probe !== undefined && !probes.some((p) => p.channel === input.probe)) {
    throw new ValidationError('Request is invalid.', { details: { issues: [{ path: 'probe', message: `channel ${input.probe} is not a probe of this cook` }] } });
  }
  const at = input.at !== undefined ? new Date(input.at).toISOString() : deps.now.toISOString();
  if (at < startedAt) throw new ValidationError('Request is invalid.', { details: { issues: [{ path: 'at', message: 'before the cook started' }] } });
  return {
    eventId: deps.ids.id(),
    kind: input.kind,
    at,
    ...(input.text !== undefined ? { text: input.text } : {}),
    ...(input.probe !== undefined ? { probe: input.probe } : {}),
    ...(input.endedAt !== undefined ? { endedAt: new Date(input.endedAt).toISOString() } : {}),
  };
}
