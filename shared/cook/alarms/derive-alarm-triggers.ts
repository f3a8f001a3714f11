import type { PitEvent } from '../pit-health/pit-event';
import type { DoneTimePrediction } from '../prediction/done-time-prediction';
import type { CookAlarmTrigger, CookAlarmKind } from './cook-alarm-trigger';

/**
 * Turns the stream of predictions and pit events into alarm triggers, edge-triggered: each condition fires once
 * when it becomes true, not on every reading while it stays true. The state between calls is explicit (a plain
 * value the caller stores with the cook), so this stays a pure function and survives Lambda restarts.
 *
 * "ETA within N minutes" re-arms only after the ETA climbs back above N + REARM_MARGIN_MINUTES, so an ETA wobbling
 * around the threshold (a lid opening, noise) does not ring the bell again and again.
 */
export interface CookAlarmRules {
  /** Fire when a probe's ETA drops to or below each of these (e.g. [60, 30]). */
  readonly etaWithinMinutes?: readonly number[];
  /** Trigger kinds the cook wants; omitted = all. */
  readonly kinds?: readonly CookAlarmKind[];
}

export interface ProbeAlarmState {
  readonly armedEtaThresholds: readonly number[];
  readonly stallStartedAtMs?: number;
  readonly stallEnded: boolean;
  readonly targetReached: boolean;
}

export interface CookAlarmState {
  readonly probes: Readonly<Record<string, ProbeAlarmState>>;
}

export const INITIAL_COOK_ALARM_STATE: CookAlarmState = { probes: {} };

export const REARM_MARGIN_MINUTES = 10;

export function deriveProbeAlarmTriggers(
  state: CookAlarmState,
  probe: string,
  prediction: DoneTimePrediction,
  rules: CookAlarmRules,
): { state: CookAlarmState; triggers: CookAlarmTrigger[] } {
  const thresholds = [...(rules.etaWithinMinutes ?? [])].sort((a, b) => b - a);
  const previous: ProbeAlarmState = state.probes[probe] ?? {
    armedEtaThresholds: thresholds,
    stallEnded: false,
    targetReached: false,
  };
  const triggers: CookAlarmTrigger[] = [];
  const { atMs } = prediction;

  let armed = previous.armedEtaThresholds.filter((t) => thresholds.includes(t));
  const eta = prediction.eta;
  if (eta !== undefined && prediction.phase !== 'done') {
    const etaMinutes = eta.seconds / 60;
    // Fire only the tightest threshold crossed at once: "within 30 min" makes "within 60 min" moot.
    const crossed = armed.filter((t) => etaMinutes <= t);
    const tightest = crossed.length > 0 ? Math.min(...crossed) : undefined;
    if (tightest !== undefined) {
      triggers.push({ kind: 'eta-within', probe, atMs, thresholdMinutes: tightest, etaSeconds: eta.seconds });
    }
    armed = armed.filter((t) => !crossed.includes(t));
    const rearmed = thresholds.filter((t) => !armed.includes(t) && etaMinutes > t + REARM_MARGIN_MINUTES);
    armed = [...armed, ...rearmed];
  }

  let targetReached = previous.targetReached;
  if (prediction.phase === 'done' && !targetReached) {
    triggers.push({ kind: 'target-reached', probe, atMs, targetF: prediction.targetF });
    targetReached = true;
  }

  let stallStartedAtMs = previous.stallStartedAtMs;
  let stallEnded = previous.stallEnded;
  const stall = prediction.stall;
  if (stall.startedAtMs !== undefined && stallStartedAtMs === undefined) {
    stallStartedAtMs = stall.startedAtMs;
    triggers.push({
      kind: 'stall-started',
      probe,
      atMs,
      startedAtMs: stall.startedAtMs,
      temperatureF: stall.startTemperatureF ?? prediction.temperatureF ?? Number.NaN,
    });
  }
  if (stall.startedAtMs !== undefined && stall.endedAtMs !== undefined && !stallEnded) {
    stallEnded = true;
    triggers.push({ kind: 'stall-ended', probe, atMs, endedAtMs: stall.endedAtMs, cause: stall.endCause ?? 'rate-recovered' });
  }

  const next: ProbeAlarmState = {
    armedEtaThresholds: armed,
    ...(stallStartedAtMs !== undefined ? { stallStartedAtMs } : {}),
    stallEnded,
    targetReached,
  };
  return { state: { probes: { ...state.probes, [probe]: next } }, triggers: triggers.filter((t) => wanted(t, rules)) };
}

/** Pit events are already edges (the monitor reports each once); this only filters and reshapes them. */
export function derivePitAlarmTriggers(events: readonly PitEvent[], rules: CookAlarmRules): CookAlarmTrigger[] {
  const triggers = events.map((event): CookAlarmTrigger => {
    switch (event.kind) {
      case 'pit-dropping':
        return { kind: 'pit-dropping', atMs: event.atMs, levelF: event.levelF, holdingF: event.holdingF };
      case 'pit-recovered':
        return { kind: 'pit-recovered', atMs: event.atMs, levelF: event.levelF };
      case 'lid-open':
        return { kind: 'lid-open', atMs: event.atMs, endedAtMs: event.endedAtMs, dropF: event.dropF };
    }
  });
  return triggers.filter((t) => wanted(t, rules));
}

function wanted(trigger: CookAlarmTrigger, rules: CookAlarmRules): boolean {
  return rules.kinds === undefined || rules.kinds.includes(trigger.kind);
}
