import { formatClockTime, formatDuration } from '../duration-text';
import type { MeatKind } from '../meat-kind';
import { defaultCutPriors, expectsStall, priorsForWeight, type CutPriors } from '../prediction/cut-priors';
import type { Eta } from '../prediction/done-time-prediction';
import type { EtaQuantiles } from '../prediction/eta-quantiles';
import type { DonenessPreset } from '../presets/doneness-presets';
import { cookDurationHours } from './cook-duration';

/**
 * Plan backwards from when people eat. Before the cook: when to put the meat on so it is pulled, rested and ready
 * at `serveAtMs` — "start by 04:30 (80 %: 03:40–05:20) to eat at 18:00, including a 1 h rest". During the cook:
 * whether it is on track, and what to do if not — "running 40 min late: raise the pit to 275 °F or wrap at the
 * stall". The cook runs to the preset's pull temperature; carry-over during the rest takes it to the target, and the
 * rest is the preset's (its shortest for the plan; its longest is the slack an early cook can rest into).
 */
export interface ServePlanInput {
  /** The doneness preset (target, pull temperature, rest); or a bare target with `targetF`. */
  readonly preset?: DonenessPreset;
  readonly targetF?: number;
  /** The cut, when there is no preset (its priors and whether it stalls). */
  readonly meat?: MeatKind;
  readonly weightKg?: number;
  readonly pitF: number;
  readonly serveAtMs: number;
  /** Where the meat starts (default: from the fridge). */
  readonly startF?: number;
  /** The account's personal priors for this kind (personalCutPriors); today's when absent. */
  readonly priors?: CutPriors;
  /** For the clock times in the text (IANA; default UTC). */
  readonly timeZone?: string;
  /** Now: a start already past is said so. */
  readonly nowMs: number;
}

export interface ServePlan {
  /** Put it on by here (median), and the 80 % range of start times: earliest (a slow cook) to latest (a quick one). */
  readonly startByMs: number;
  readonly startEarliestMs: number;
  readonly startLatestMs: number;
  /** When it is expected to reach the pull temperature. */
  readonly doneByMs: number;
  readonly cookHours: EtaQuantiles;
  readonly restMinutes: number;
  readonly pullAtF: number;
  readonly targetF: number;
  /** `ok`: there is time; `start-now`: the median start is already past. */
  readonly status: 'ok' | 'start-now';
  readonly text: string;
}

/** Straight from the fridge. */
export const FRIDGE_F = 38;
/** Plans round start times to this: nobody starts a brisket at 04:37. */
const ROUND_MS = 5 * 60_000;

export function planServeTime(input: ServePlanInput): ServePlan {
  const targetF = input.preset?.targetF ?? input.targetF;
  if (targetF === undefined) throw new RangeError('a preset or a target is needed');
  const meat = input.preset?.meat ?? input.meat;
  const kind = { targetF, ...(meat !== undefined ? { meat } : {}) };
  const pullAtF = input.preset?.pullAtF ?? targetF;
  const restMinutes = input.preset?.restMinutes[0] ?? 0;
  const priors = priorsForWeight(input.priors ?? defaultCutPriors(kind), meat, input.weightKg);
  const hours = cookDurationHours({
    fromF: input.startF ?? FRIDGE_F,
    toF: pullAtF,
    pitF: input.pitF,
    priors,
    stallAhead: expectsStall(kind),
    coldStart: true,
  });
  const readyOffsetMs = restMinutes * 60_000;
  const startFor = (cookHours: number): number => roundDown(input.serveAtMs - readyOffsetMs - cookHours * 3_600_000);
  const startByMs = startFor(hours.mid);
  const startEarliestMs = startFor(hours.high);
  const startLatestMs = startFor(hours.low);
  const status = startByMs < input.nowMs ? 'start-now' : 'ok';
  const tz = input.timeZone;
  const clock = (ms: number): string => formatClockTime(ms, tz);
  const rest = restMinutes > 0 ? `, including a ${formatDuration(restMinutes / 60)} rest` : '';
  const text =
    status === 'ok'
      ? `start by ${clock(startByMs)} (80 %: ${clock(startEarliestMs)}–${clock(startLatestMs)}) to eat at ${clock(input.serveAtMs)}${rest}`
      : `start now: even so it is likely ready about ${clock(input.nowMs + hours.mid * 3_600_000 + readyOffsetMs)}, ${formatDuration((input.nowMs + hours.mid * 3_600_000 + readyOffsetMs - input.serveAtMs) / 3_600_000)} after ${clock(input.serveAtMs)}${rest}`;
  return {
    startByMs,
    startEarliestMs,
    startLatestMs,
    doneByMs: startByMs + hours.mid * 3_600_000,
    cookHours: hours,
    restMinutes,
    pullAtF,
    targetF,
    status,
    text,
  };
}

/** During the cook: on track, early or late for `serveAtMs`, and what to do about it. */
export interface ServeCheckInput {
  /** The piece's ETA to the pull temperature or target, seconds from `nowMs` (piece-done-time.ts, or a probe's). */
  readonly eta: Eta;
  readonly nowMs: number;
  readonly serveAtMs: number;
  readonly preset?: DonenessPreset;
  readonly targetF: number;
  readonly meat?: MeatKind;
  /** The probe's temperature and the pit it heats toward now. */
  readonly temperatureF: number;
  readonly pitF: number;
  /** Whether a stall still lies ahead or is under way (not when past it or wrapped). */
  readonly stallAhead: boolean;
  readonly heatingK?: number;
  readonly priors?: CutPriors;
  readonly timeZone?: string;
}

export interface ServeCheck {
  readonly status: 'on-track' | 'late' | 'early';
  /** Late (+) or early (−), minutes, against the serve time with the preset's shortest rest. */
  readonly minutesLate: number;
  /** Late: the pit that would make up the time (5 °F steps, at most MAX_PIT_F); early: one that would slow it. */
  readonly pitF?: number;
  /** Late: wrapping at the stall would make up the time (or most of it). */
  readonly wrap?: boolean;
  readonly text: string;
}

/** A late cook is one that will be ready more than this after the serve time. */
const LATE_TOLERANCE_MS = 15 * 60_000;
/** The hottest pit advised for a cook running late: beyond it bark burns and fat does not render. */
export const MAX_PIT_F = 300;
const MIN_PIT_F = 225;
const PIT_STEP_F = 5;

export function checkServeTime(input: ServeCheckInput): ServeCheck {
  const restMin = input.preset?.restMinutes[0] ?? 0;
  const restMax = input.preset?.restMinutes[1] ?? restMin;
  const readyMs = input.nowMs + input.eta.seconds * 1000 + restMin * 60_000;
  const lateMs = readyMs - input.serveAtMs;
  const minutesLate = Math.round(lateMs / 60_000);
  const kind = { targetF: input.targetF, ...(input.meat !== undefined ? { meat: input.meat } : {}) };
  const priors = input.priors ?? defaultCutPriors(kind);
  const toF = input.preset?.pullAtF ?? input.targetF;
  // The live ETA, moved by what the physics says a change would do: same heating rate, another pit or a wrap.
  const model = (pitF: number, wrapAtStall: boolean): number =>
    cookDurationHours({
      fromF: input.temperatureF,
      toF,
      pitF,
      priors,
      ...(input.heatingK !== undefined ? { heatingK: input.heatingK } : {}),
      stallAhead: input.stallAhead,
      wrapAtStall,
      coldStart: false,
    }).mid;
  const now = model(input.pitF, false);
  const etaWith = (pitF: number, wrap: boolean): number => (now > 0 ? (input.eta.seconds * model(pitF, wrap)) / now : 0);
  const clock = (ms: number): string => formatClockTime(ms, input.timeZone);

  if (lateMs > LATE_TOLERANCE_MS) {
    const needSeconds = input.eta.seconds - lateMs / 1000;
    let pitF: number | undefined;
    for (let p = Math.ceil((input.pitF + PIT_STEP_F) / PIT_STEP_F) * PIT_STEP_F; p <= MAX_PIT_F; p += PIT_STEP_F) {
      if (etaWith(p, false) <= needSeconds) {
        pitF = p;
        break;
      }
    }
    const wrapHelps = input.stallAhead && expectsStall(kind) && etaWith(input.pitF, true) < input.eta.seconds - 0.5 * (lateMs / 1000);
    const options = [
      ...(pitF !== undefined ? [`raise the pit to ${pitF} °F`] : input.pitF < MAX_PIT_F ? [`raise the pit to ${MAX_PIT_F} °F (it will still be late)`] : []),
      ...(wrapHelps ? ['wrap at the stall'] : []),
    ];
    const advice = options.length > 0 ? `: ${options.join(' or ')}` : `: serve later, about ${clock(readyMs)}`;
    return {
      status: 'late',
      minutesLate,
      ...(pitF !== undefined ? { pitF } : {}),
      ...(wrapHelps ? { wrap: true } : {}),
      text: `running ${formatDuration(lateMs / 3_600_000)} late${advice}`,
    };
  }
  const slackMs = (restMax - restMin) * 60_000;
  if (-lateMs > slackMs + LATE_TOLERANCE_MS) {
    const spareSeconds = input.eta.seconds + (-lateMs - slackMs) / 1000;
    let pitF: number | undefined;
    for (let p = Math.floor((input.pitF - PIT_STEP_F) / PIT_STEP_F) * PIT_STEP_F; p >= MIN_PIT_F; p -= PIT_STEP_F) {
      pitF = p;
      if (etaWith(p, false) >= spareSeconds) break;
    }
    const hold = restMax > restMin ? ` or rest it longer (up to ${formatDuration(restMax / 60)})` : '';
    return {
      status: 'early',
      minutesLate,
      ...(pitF !== undefined ? { pitF } : {}),
      text: `running ${formatDuration(-lateMs / 3_600_000)} early${pitF !== undefined ? `: lower the pit to ${pitF} °F${hold}` : hold ? `:${hold.replace(' or', '')}` : ''}`,
    };
  }
  return { status: 'on-track', minutesLate, text: `on track: done about ${clock(input.nowMs + input.eta.seconds * 1000)}, ready by ${clock(input.serveAtMs)}` };
}

function roundDown(ms: number): number {
  return Math.floor(ms / ROUND_MS) * ROUND_MS;
}
