import { CookSession } from '../cook-session';
import type { MeatKind } from '../meat-kind';
import type { ProbeReading } from '../probe-reading';
import type { CutPriors } from './cut-priors';
import type { DoneTimePrediction } from './done-time-prediction';
import type { PitHint } from './pit-hint';
import { sortTimeline, type CookTimelineEvent } from '../timeline/cook-timeline-event';

/**
 * Stateless form of the done-time prediction, for handlers that load a probe's history and answer once: replays
 * the readings (any order; only those at or before `atMs` count) through a fresh session and predicts at `atMs`.
 * Streaming callers should keep a CookSession instead: it does the same work incrementally.
 */
export interface PredictDoneTimeInput {
  readonly meatReadings: readonly ProbeReading[];
  readonly pitReadings?: readonly ProbeReading[];
  readonly targetF: number;
  readonly meat?: MeatKind;
  readonly atMs: number;
  /** Personal priors for this kind of cook (personal-priors.ts `personalCutPriors`); today's defaults if absent. */
  readonly priors?: CutPriors;
  /** With no pit readings: the set-point and/or the pit band of past cooks. */
  readonly pitHint?: PitHint;
  /** What the cook said happened (cook-timeline-event.ts); only those at or before `atMs` count. */
  readonly events?: readonly CookTimelineEvent[];
}

export function predictDoneTime(input: PredictDoneTimeInput): DoneTimePrediction {
  const session = new CookSession({
    ...(input.pitReadings !== undefined ? { pitProbe: 'pit' } : {}),
    meatProbes: [
      { probe: 'meat', targetF: input.targetF, ...(input.meat ? { meat: input.meat } : {}), ...(input.priors ? { priors: input.priors } : {}) },
    ],
    ...(input.pitHint ? { pitHint: input.pitHint } : {}),
  });
  // Pit first: at equal timestamps the meat reading is judged against the pit as of that instant (stable sort).
  const tagged = [
    ...(input.pitReadings ?? []).map((reading) => ({ probe: 'pit', reading })),
    ...input.meatReadings.map((reading) => ({ probe: 'meat', reading })),
  ]
    .filter(({ reading }) => reading.atMs <= input.atMs)
    .sort((a, b) => a.reading.atMs - b.reading.atMs);
  const events = sortTimeline(input.events ?? []).filter((e) => e.atMs <= input.atMs);
  let next = 0;
  for (const { probe, reading } of tagged) {
    while (next < events.length && (events[next] as CookTimelineEvent).atMs <= reading.atMs) {
      session.applyEvent({ ...(events[next] as CookTimelineEvent), probe: 'meat' });
      next += 1;
    }
    session.ingest(probe, reading);
  }
  for (; next < events.length; next += 1) session.applyEvent({ ...(events[next] as CookTimelineEvent), probe: 'meat' });
  return session.predict('meat', input.atMs);
}
