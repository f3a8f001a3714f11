/**
 * Timeline events of a cook: what the cook says happened (wrapped, spritzed, fuel, lid-open, probe-moved, note).
 * Stored on the cook (README "Cook records") and handed to the done-time predictor in its own timeline shape.
 */
import type { AddCookEventRequest, CookEvent } from '../api/cook-schemas';
import { assertNotTooFarAhead } from '../api/wire-formats';
import { ValidationError } from '../errors';
import type { IdGenerator } from '../ids';
import type { CookTimelineEvent } from '../cook/timeline/cook-timeline-event';
import type { CookProbe } from './cook-record';

/** The events that concern one meat probe (its own, and those for every probe), oldest first, in the predictor's shape. */
export function predictorEventsFor(events: readonly CookEvent[], channel: string): CookTimelineEvent[] {
  return timelineOf(events.filter((e) => e.probe === undefined || e.probe === channel));
}

/** Events in the predictor's shape, each keeping the probe it names, oldest first. */
export function timelineOf(events: readonly CookEvent[]): CookTimelineEvent[] {
  return events
    .map((e) => ({
      kind: e.kind,
      atMs: Date.parse(e.at),
      ...(e.text !== undefined ? { text: e.text } : {}),
      ...(e.probe !== undefined ? { probe: e.probe } : {}),
      ...(e.endedAt !== undefined ? { endedAtMs: Date.parse(e.endedAt) } : {}),
    }))
    .sort((a, b) => a.atMs - b.atMs);
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
