/**
 * The in-cook half of the serve-time planner (issue 16): a cook with a serve time is checked against its done time on
 * every poll — "on track", or "running 40 min late: raise the pit to 275 °F or wrap at the stall". Pure: the poll
 * (update-cook.ts) calls it with the predictions it just made. The words are the screen's (the user's clock, zone
 * and units); this gives the facts they are made of (`ServeCheck`, schemas.ts).
 *
 * The cook's done time is its governing piece's: probes with the same preset are one piece (piece-done-time.ts; the
 * last of its probes governs), and the cook is ready when its last piece has reached its target and rested for its
 * preset's shortest rest (the longest rest is the slack an early cook can rest into). The ETA is to the probe's
 * target, not the preset's pull temperature, as the live view shows it: pulled earlier it is, if anything, early.
 * Pit advice needs a measured pit: without a pit probe the pit is a guess (assumedPitF), so there is none.
 */
import type { ServeCheck } from '../api/schemas';
import { checkServeTime, MAX_PIT_F } from '../cook/planner/serve-time-planner';
import type { DoneTimePrediction, Eta } from '../cook/prediction/done-time-prediction';
import { assumedPitF } from '../cook/prediction/done-time-predictor';
import { groupIntoPieces, pieceDoneTime } from '../cook/prediction/piece-done-time';
import { PitTracker } from '../cook/prediction/pit-tracker';
import { findDonenessPreset, type DonenessPreset } from '../cook/presets/doneness-presets';
import type { ProbeReading } from '../cook/probe-reading';
import { ValidationError } from '../errors';
import type { ActiveCook, CookProbe } from './cook-record';
import { SERVE_AT_MAX_AHEAD_MS } from './serve-at-limit';

export { SERVE_AT_MAX_AHEAD_MS };

/** 400 unless `serveAt` is ahead of now and within two days (the schema checks the format; this needs the clock). */
export function assertServeAtAhead(serveAt: string, now: Date): void {
  const ms = Date.parse(serveAt);
  const message = ms <= now.getTime() ? 'must be in the future' : ms > now.getTime() + SERVE_AT_MAX_AHEAD_MS ? 'must be at most two days from now' : undefined;
  if (message !== undefined) throw new ValidationError('Request is invalid.', { details: { issues: [{ path: 'serveAt', message }] } });
}

/** The pit level the meat heats toward now (median of the last 45 min of the pit probe), if it has spoken. */
export function pitLevelAt(pitReadings: readonly ProbeReading[], atMs: number): number | undefined {
  const tracker = new PitTracker();
  for (const reading of pitReadings) if (reading.atMs <= atMs) tracker.observe(reading);
  return tracker.level(atMs)?.levelF;
}

export interface ServeCheckInput {
  readonly serveAt: string;
  readonly probes: readonly Pick<CookProbe, 'channel' | 'targetF' | 'presetId' | 'meat'>[];
  /** This poll's prediction per meat probe (by channel). */
  readonly predictions: ReadonlyMap<string, DoneTimePrediction>;
  /** Probes the cook said it wrapped: no stall ahead of them to wrap at. */
  readonly wrapped: ReadonlySet<string>;
  /** The measured pit level (°F), when the cook has a pit probe. */
  readonly pitF?: number;
  readonly atMs: number;
}

export function serveCheck(input: ServeCheckInput): ServeCheck {
  const at = new Date(input.atMs).toISOString();
  const serveAtMs = Date.parse(input.serveAt);
  const pieces = groupIntoPieces(input.probes.map((p) => ({ probe: p.channel, ...(p.presetId !== null ? { presetId: p.presetId } : {}) })));
  let governing: { probe: ServeCheckInput['probes'][number]; preset: DonenessPreset | undefined; etaSeconds: number; readyMs: number; eta: Eta } | undefined;
  for (const piece of pieces) {
    const done = pieceDoneTime(piece, input.predictions, input.atMs);
    if (done.eta === undefined) continue;
    const channel = done.governingProbe ?? piece.probes.at(-1) ?? '';
    const probe = input.probes.find((p) => p.channel === channel);
    if (probe === undefined) continue;
    const preset = probe.presetId ? findDonenessPreset(probe.presetId) : undefined;
    const readyMs = input.atMs + done.eta.seconds * 1000 + (preset?.restMinutes[0] ?? 0) * 60_000;
    if (governing === undefined || readyMs > governing.readyMs) governing = { probe, preset, etaSeconds: done.eta.seconds, readyMs, eta: done.eta };
  }
  if (governing === undefined) {
    return { status: 'waiting', minutesLate: null, doneAt: null, readyAt: null, channel: null, restMinutes: 0, restMaxMinutes: 0, pitF: null, pitEnough: false, wrap: false, at };
  }
  const { probe, preset } = governing;
  const prediction = input.predictions.get(probe.channel);
  const cooking = governing.etaSeconds > 0;
  const stallAhead = cooking && (prediction?.phase === 'heating' || prediction?.phase === 'stall') && !input.wrapped.has(probe.channel);
  const modelPitF = input.pitF ?? assumedPitF(probe.targetF);
  const check = checkServeTime({
    eta: governing.eta,
    nowMs: input.atMs,
    serveAtMs,
    ...(preset ? { preset } : {}),
    targetF: probe.targetF,
    ...(probe.meat ? { meat: probe.meat } : {}),
    temperatureF: prediction?.temperatureF ?? probe.targetF,
    pitF: modelPitF,
    stallAhead,
  });
  // A pit to move to: only for a measured pit, and only while it still cooks (a done piece waits on the rest alone).
  const pitAdvice = input.pitF !== undefined && cooking;
  const hottest = check.status === 'late' && check.pitF === undefined && modelPitF < MAX_PIT_F;
  return {
    status: check.status,
    minutesLate: check.minutesLate,
    doneAt: new Date(input.atMs + governing.etaSeconds * 1000).toISOString(),
    readyAt: new Date(governing.readyMs).toISOString(),
    channel: probe.channel,
    restMinutes: preset?.restMinutes[0] ?? 0,
    restMaxMinutes: preset?.restMinutes[1] ?? 0,
    pitF: pitAdvice ? (check.pitF ?? (hottest ? MAX_PIT_F : null)) : null,
    pitEnough: pitAdvice && check.status === 'late' && check.pitF !== undefined,
    wrap: check.wrap === true,
    at,
  };
}

/**
 * The poll's call: the check of a cook with a serve time, from this poll's predictions and its pit series (its
 * `wrapped` events say which probes have no stall left to wrap at).
 */
export function cookServeCheck(
  cook: Pick<ActiveCook, 'probes' | 'events'> & { serveAt: string },
  predictions: ReadonlyMap<string, DoneTimePrediction>,
  pitReadings: readonly ProbeReading[],
  atMs: number,
): ServeCheck {
  const wrapped = new Set(cook.events.filter((e) => e.kind === 'wrapped').flatMap((e) => (e.probe !== undefined ? [e.probe] : cook.probes.map((p) => p.channel))));
  const pitF = pitReadings.length > 0 ? pitLevelAt(pitReadings, atMs) : undefined;
  return serveCheck({ serveAt: cook.serveAt, probes: cook.probes, predictions, wrapped, ...(pitF !== undefined ? { pitF } : {}), atMs });
}
