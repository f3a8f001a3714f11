/**
 * One rule against what the poll saw: pure, on an injected "now". The condition has an entry and an exit level
 * (hysteresis): it fires when the value reaches the threshold, and re-arms only once the value is back past the
 * threshold by the hysteresis, so a temperature hovering across it fires once. A re-armed rule fires again no sooner
 * than its cooldown after the last firing (if the condition still holds then, it fires then). A new rule starts
 * armed, so a condition that already holds fires on the next poll. Snoozed rules keep track of the condition but do
 * not fire until the snooze ends.
 */
import { toFahrenheit, fromFahrenheit, type TemperatureUnit } from '../cook/units';
import {
  DEFAULT_DISCONNECT_GRACE_MINUTES,
  DEFAULT_OFFLINE_MINUTES,
  DEFAULT_PIT_BAND,
  ETA_REARM_MARGIN_MINUTES,
  isSnoozed,
  type AlarmRule,
} from './alarm-rule';
import type { AlarmObservation } from './alarm-observation';
import type { AlarmRuleState } from './rule-state';

/** What the condition says about one observation: it holds, it has cleared past the hysteresis, or neither. */
export type ConditionLevel = 'breached' | 'clear' | 'hold';

export interface ConditionReading {
  level: ConditionLevel;
  /** The value the condition looked at, in the rule's units (null when there is none, e.g. a disconnect). */
  value: number | null;
  /** The level the value is compared with (the effective threshold), for the message. */
  threshold: number | null;
}

export interface FiredAlarm {
  eventId: string;
  alarmId: string;
  firedAt: string;
  value: number | null;
  threshold: number | null;
  observation: AlarmObservation;
}

export interface RuleEvaluation {
  state: AlarmRuleState;
  fired: FiredAlarm | null;
  /** The open event whose condition has now cleared. */
  resolvedEventId: string | null;
}

const MINUTE_MS = 60_000;

function inRuleUnits(value: number, from: 'F' | 'C', to: TemperatureUnit): number {
  return from === to ? value : fromFahrenheit(toFahrenheit(value, from), to);
}

const above = (v: number, t: number, h: number): ConditionLevel => (v >= t ? 'breached' : v < t - h ? 'clear' : 'hold');
const below = (v: number, t: number, h: number): ConditionLevel => (v <= t ? 'breached' : v > t + h ? 'clear' : 'hold');

/** The condition of `rule` on `obs` at `now`. Observations of the wrong source, or without data, hold. */
export function readCondition(rule: AlarmRule, obs: AlarmObservation, now: Date): ConditionReading {
  const hold = (value: number | null = null): ConditionReading => ({ level: 'hold', value, threshold: rule.threshold });
  const h = rule.hysteresis;
  if (obs.source === 'device') {
    switch (rule.kind) {
      case 'device-offline': {
        const minutes = rule.minutes ?? DEFAULT_OFFLINE_MINUTES;
        if (obs.lastSeen === null) return hold();
        const silentMinutes = (now.getTime() - Date.parse(obs.lastSeen)) / MINUTE_MS;
        return { level: silentMinutes >= minutes ? 'breached' : 'clear', value: Math.round(silentMinutes), threshold: minutes };
      }
      case 'battery-below':
        return obs.battery === null || rule.threshold === null ? hold() : { level: below(obs.battery, rule.threshold, h), value: obs.battery, threshold: rule.threshold };
      case 'signal-weak':
        return obs.wifiDbm === null || rule.threshold === null ? hold() : { level: below(obs.wifiDbm, rule.threshold, h), value: obs.wifiDbm, threshold: rule.threshold };
      default:
        return hold();
    }
  }
  if (rule.kind === 'probe-disconnected') return { level: obs.value === null ? 'breached' : 'clear', value: null, threshold: null };
  const p = obs.prediction;
  switch (rule.kind) {
    case 'eta-within': {
      if (!p || rule.minutes === null) return hold();
      if (p.phase === 'done') return hold();
      if (p.etaAt === null) return hold();
      const etaMinutes = (Date.parse(p.etaAt) - now.getTime()) / MINUTE_MS;
      const level = etaMinutes <= rule.minutes ? 'breached' : etaMinutes > rule.minutes + ETA_REARM_MARGIN_MINUTES ? 'clear' : 'hold';
      return { level, value: Math.max(0, Math.round(etaMinutes)), threshold: rule.minutes };
    }
    case 'stall-started':
      if (!p) return hold();
      return { level: p.phase === 'stall' ? 'breached' : p.phase === 'heating' ? 'clear' : 'hold', value: null, threshold: null };
    case 'stall-ended':
      if (!p) return hold();
      return { level: p.phase === 'post_stall' ? 'breached' : p.phase === 'heating' || p.phase === 'stall' ? 'clear' : 'hold', value: null, threshold: null };
    default:
      break;
  }
  if (obs.value === null || obs.units === 'H') return hold();
  const v = Math.round(inRuleUnits(obs.value, obs.units, rule.units) * 10) / 10;
  switch (rule.kind) {
    case 'above':
      return rule.threshold === null ? hold(v) : { level: above(v, rule.threshold, h), value: v, threshold: rule.threshold };
    case 'below':
      return rule.threshold === null ? hold(v) : { level: below(v, rule.threshold, h), value: v, threshold: rule.threshold };
    case 'target-reached': {
      // The rule's own threshold, else the cook's target for this probe.
      const target = rule.threshold ?? (p ? Math.round(fromFahrenheit(p.targetF, rule.units) * 10) / 10 : null);
      return target === null ? hold(v) : { level: above(v, target, h), value: v, threshold: target };
    }
    case 'outside': {
      if (rule.low === null || rule.high === null) return hold(v);
      const level = v > rule.high || v < rule.low ? 'breached' : v >= rule.low + h && v <= rule.high - h ? 'clear' : 'hold';
      return { level, value: v, threshold: v > rule.high ? rule.high : rule.low };
    }
    case 'pit-out-of-band': {
      if (rule.threshold === null) return hold(v);
      const band = rule.band ?? DEFAULT_PIT_BAND[rule.units];
      const off = Math.abs(v - rule.threshold);
      return { level: off > band ? 'breached' : off <= band - h ? 'clear' : 'hold', value: v, threshold: rule.threshold };
    }
    default:
      return hold(v);
  }
}

function graceMs(rule: AlarmRule): number {
  return rule.kind === 'probe-disconnected' ? (rule.minutes ?? DEFAULT_DISCONNECT_GRACE_MINUTES) * MINUTE_MS : 0;
}

/**
 * Advances a rule's state by one observation (or none: time alone can end a grace period or a cooldown, so a rule
 * is evaluated on every poll of its device). Disabled rules are not evaluated (the caller skips them).
 */
export function evaluateRule(
  rule: AlarmRule,
  state: AlarmRuleState,
  observation: AlarmObservation | undefined,
  now: Date,
  newEventId: () => string,
): RuleEvaluation {
  const nowIso = now.toISOString();
  if (!observation) return { state: { ...state, evaluatedAt: nowIso }, fired: null, resolvedEventId: null };
  const condition = readCondition(rule, observation, now);
  const next: AlarmRuleState = { ...state, evaluatedAt: nowIso, lastValue: condition.value ?? state.lastValue };
  if (condition.level === 'clear') {
    const resolvedEventId = state.openEventId;
    return { state: { ...next, armed: true, breachedSince: null, openEventId: null }, fired: null, resolvedEventId };
  }
  if (condition.level === 'hold') return { state: next, fired: null, resolvedEventId: null };

  next.breachedSince = state.breachedSince ?? observation.at;
  if (!state.armed) return { state: next, fired: null, resolvedEventId: null };
  const graceOver = now.getTime() - Date.parse(next.breachedSince) >= graceMs(rule);
  const cooledDown = state.lastFiredAt === null || now.getTime() - Date.parse(state.lastFiredAt) >= rule.cooldownMinutes * MINUTE_MS;
  if (!graceOver || !cooledDown || isSnoozed(rule, now)) return { state: next, fired: null, resolvedEventId: null };

  const eventId = newEventId();
  return {
    state: { ...next, armed: false, lastFiredAt: nowIso, openEventId: eventId },
    fired: { eventId, alarmId: rule.alarmId, firedAt: nowIso, value: condition.value, threshold: condition.threshold, observation },
    resolvedEventId: null,
  };
}
