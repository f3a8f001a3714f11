import { CookSession } from '../cook-session';
import { median } from '../prediction/median';
import { assumedPitF } from '../prediction/done-time-predictor';
import { defaultCutPriors, type CookKind } from '../prediction/cut-priors';
import { stallDurationPrior } from '../prediction/stall-duration-prior';
import type { ProbeReading } from '../probe-reading';
import type { StallStatus } from '../stall/stall-detector';
import { sortTimeline, type CookTimelineEvent } from '../timeline/cook-timeline-event';
import type { EndedCookSummary, PastCook } from './personal-priors';

/**
 * What an ended cook showed, for the personal priors (`learnFromCook`): its pit, the heating rate constant its cut
 * showed, whether and how long it stalled, and how fast it heated after the stall or the wrap. The cook is replayed
 * through the same stall detector the prediction uses, with today's priors (so what is learned never feeds on
 * itself), and its meat probes (one piece) are summarised by their medians.
 *
 * Call it when a cook ends, with every reading of the cook: the meat probes of one piece of meat (a cook with two
 * cuts makes two summaries), the pit probe if there was one, the set-point if the cook gave one, and its timeline.
 */
export interface EndedCookInput {
  readonly cookId?: string;
  readonly kind: CookKind;
  readonly meatProbes: ReadonlyArray<{ readonly probe: string; readonly readings: readonly ProbeReading[] }>;
  readonly pitReadings?: readonly ProbeReading[];
  readonly setPointF?: number;
  readonly events?: readonly CookTimelineEvent[];
  readonly endedAtMs: number;
}

/** A curve that never got past here cannot tell whether the cut would have stalled. */
const DECIDED_ABOVE_F = 175;
/** The post-stall and post-wrap rate constants are read once the curve has settled after the change. */
const SETTLE_AFTER_STALL_MS = 20 * 60_000;
const SETTLE_AFTER_WRAP_MS = 60 * 60_000;
/** The pit's own warm-up is not the pit the cook ran at. */
const PIT_WARM_UP_MS = 20 * 60_000;
const PIT_PROBE = '\u0000pit';

interface ProbeFacts {
  heatingK?: number;
  stalled?: boolean;
  stall?: { hours: number; censored: boolean };
  postStallKRatio?: number;
  wrappedKRatio?: number;
}

export function summariseEndedCook(input: EndedCookInput): EndedCookSummary {
  const probes = input.meatProbes.filter((p) => p.readings.length > 0);
  const pitF = pitOf(input);
  const facts = probes.map((p) => probeFacts(input, p.probe, p.readings));
  const heatingK = median(facts.flatMap((f) => (f.heatingK !== undefined ? [f.heatingK] : [])));
  const decided = facts.filter((f) => f.stalled !== undefined);
  const stalled = decided.length === 0 ? undefined : decided.filter((f) => f.stalled).length * 2 >= decided.length;
  const stalls = facts.flatMap((f) => (f.stall !== undefined ? [f.stall] : [])).sort((a, b) => a.hours - b.hours);
  const typicalStall = stalls[Math.floor((stalls.length - 1) / 2)];
  const physicsMedianHours = stallDurationPrior(
    heatingK ?? defaultCutPriors(input.kind).heatingK.median,
    pitF ?? assumedPitF(input.kind.targetF),
  ).medianHours;
  const post = median(facts.flatMap((f) => (f.postStallKRatio !== undefined ? [f.postStallKRatio] : [])));
  const wrapped = median(facts.flatMap((f) => (f.wrappedKRatio !== undefined ? [f.wrappedKRatio] : [])));
  const cook: PastCook = {
    ...(input.cookId !== undefined ? { cookId: input.cookId } : {}),
    endedAtMs: input.endedAtMs,
    ...(pitF !== undefined ? { pitF: Math.round(pitF * 10) / 10 } : {}),
    ...(heatingK !== undefined ? { heatingK } : {}),
    ...(stalled !== undefined ? { stalled } : {}),
    ...(stalled && typicalStall !== undefined ? { stall: { ...typicalStall, physicsMedianHours } } : {}),
    ...(post !== undefined ? { postStallKRatio: post } : {}),
    ...(wrapped !== undefined ? { wrappedKRatio: wrapped } : {}),
  };
  return { kind: input.kind, ...cook };
}

function pitOf(input: EndedCookInput): number | undefined {
  const firstMeat = Math.min(...input.meatProbes.flatMap((p) => p.readings.map((r) => r.atMs)));
  const pit = (input.pitReadings ?? [])
    .filter((r) => r.atMs >= firstMeat + PIT_WARM_UP_MS && r.atMs <= input.endedAtMs && r.temperatureF > 0 && r.temperatureF < 1000)
    .map((r) => r.temperatureF);
  return median(pit) ?? input.setPointF;
}

function probeFacts(input: EndedCookInput, probe: string, readings: readonly ProbeReading[]): ProbeFacts {
  const session = new CookSession({
    ...(input.pitReadings !== undefined && input.pitReadings.length > 0 ? { pitProbe: PIT_PROBE } : {}),
    meatProbes: [{ probe, targetF: input.kind.targetF, ...(input.kind.meat ? { meat: input.kind.meat } : {}) }],
    ...(input.setPointF !== undefined ? { pitHint: { setPointF: input.setPointF } } : {}),
    calibrateIntervals: false,
  });
  const tagged = [
    ...(input.pitReadings ?? []).map((reading) => ({ probe: PIT_PROBE, reading })),
    ...readings.map((reading) => ({ probe, reading })),
  ]
    .filter(({ reading }) => reading.atMs <= input.endedAtMs)
    .sort((a, b) => a.reading.atMs - b.reading.atMs);
  const events = sortTimeline((input.events ?? []).filter((e) => e.probe === undefined || e.probe === probe));
  let next = 0;
  let status: StallStatus = session.stallStatus(probe);
  let lastMinute = Number.NEGATIVE_INFINITY;
  const samples: Array<{ atMs: number; status: StallStatus }> = [];
  let hottestF = Number.NEGATIVE_INFINITY;
  let lastAtMs = Number.NEGATIVE_INFINITY;
  for (const { probe: name, reading } of tagged) {
    while (next < events.length && (events[next] as CookTimelineEvent).atMs <= reading.atMs) {
      session.applyEvent({ ...(events[next] as CookTimelineEvent), probe });
      next += 1;
    }
    session.ingest(name, reading);
    if (name !== probe) continue;
    hottestF = Math.max(hottestF, reading.temperatureF < 400 ? reading.temperatureF : hottestF);
    lastAtMs = reading.atMs;
    const minute = Math.floor(reading.atMs / 60_000);
    if (minute === lastMinute) continue;
    lastMinute = minute;
    status = session.stallStatus(probe);
    samples.push({ atMs: reading.atMs, status });
  }
  const heatingK = status.heatingK !== undefined && !status.heatingKFromPrior ? status.heatingK : undefined;
  const facts: ProbeFacts = heatingK !== undefined ? { heatingK } : {};
  const wrapEvent = events.find((e) => e.kind === 'wrapped');
  if (status.startedAtMs !== undefined) {
    facts.stalled = true;
    const ended = status.phase === 'post_stall' && status.endedAtMs !== undefined;
    const endMs = ended ? (status.endedAtMs as number) : lastAtMs;
    // A stall the cook ended by wrapping is what this cook's stalls are (the next one will likely be wrapped too):
    // its length is observed, not censored. Only a stall still going when the cook ended is "at least this long".
    // Counted from the sag it began with, as the prediction counts a stall's elapsed hours.
    const startMs = status.sagStartedAtMs ?? status.startedAtMs;
    facts.stall = { hours: Math.max(0, endMs - startMs) / 3_600_000, censored: !ended };
  } else if (wrapEvent === undefined && hottestF >= DECIDED_ABOVE_F) {
    facts.stalled = false;
  }
  if (heatingK === undefined) return facts;
  const after = (fromMs: number): number | undefined =>
    median(samples.filter((s) => s.atMs >= fromMs && s.status.phase === 'post_stall' && s.status.kRatio !== undefined).map((s) => s.status.kRatio as number));
  if (status.phase === 'post_stall' && status.endedAtMs !== undefined) {
    // After the stall, however it ended, is how this cook heats after its stalls: a cook who wraps heats wrapped.
    const wrappedNow = status.endCause === 'wrap';
    const ratio = after(status.endedAtMs + (wrappedNow ? SETTLE_AFTER_WRAP_MS : SETTLE_AFTER_STALL_MS));
    if (ratio !== undefined && ratio > 0) {
      facts.postStallKRatio = ratio;
      if (wrappedNow) facts.wrappedKRatio = ratio;
    }
  }
  return facts;
}
