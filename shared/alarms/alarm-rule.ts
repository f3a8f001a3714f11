/**
 * An alarm rule: what to watch (a probe, a device, or the probes of a cook), which condition rings it, and where its
 * notifications go. Rules belong to an account and are evaluated by the poll worker on every new reading
 * (evaluate-rule.ts); the thresholds are in the rule's own units, whatever units the device reports in.
 */
import type { TemperatureUnit } from '../cook/units';

export const ALARM_KINDS = [
  'above',
  'below',
  'outside',
  'target-reached',
  'probe-disconnected',
  'device-offline',
  'battery-below',
  'signal-weak',
  'pit-out-of-band',
  'eta-within',
  'stall-started',
  'stall-ended',
] as const;
export type AlarmKind = (typeof ALARM_KINDS)[number];

/** Kinds that watch one probe's temperature (or its absence, or its prediction). */
export const PROBE_KINDS: readonly AlarmKind[] = ['above', 'below', 'outside', 'target-reached', 'probe-disconnected', 'pit-out-of-band', 'eta-within', 'stall-started', 'stall-ended'];
/** Kinds that watch the device itself. */
export const DEVICE_KINDS: readonly AlarmKind[] = ['device-offline', 'battery-below', 'signal-weak'];
/** Kinds whose threshold is a temperature (hysteresis in degrees of the rule's units). */
export const TEMPERATURE_KINDS: readonly AlarmKind[] = ['above', 'below', 'outside', 'target-reached', 'pit-out-of-band'];
/** Kinds that need a cook in progress on the device (its targets or its predictions). */
export const COOK_KINDS: readonly AlarmKind[] = ['target-reached', 'eta-within', 'stall-started', 'stall-ended'];

export type AlarmTarget =
  | { type: 'probe'; serial: string; channel: string }
  | { type: 'device'; serial: string }
  /** Every probe of one cook (the cook's own default rules); ends with the cook. */
  | { type: 'cook'; serial: string; cookId: string };

/** What the user set. Thresholds and hysteresis are in `units` (°F/°C; % for battery, dBm for signal). */
export interface AlarmRuleSettings {
  name: string | null;
  target: AlarmTarget;
  kind: AlarmKind;
  /** above/below/target-reached (override of the cook's target)/battery-below/signal-weak/pit-out-of-band (set point). */
  threshold: number | null;
  /** outside: the band [low, high]. */
  low: number | null;
  high: number | null;
  /** pit-out-of-band: ± this many degrees around the set point. */
  band: number | null;
  /** eta-within, device-offline: minutes; probe-disconnected: the grace period in minutes. */
  minutes: number | null;
  units: TemperatureUnit;
  /** Degrees (or % / dB) the value must come back past the threshold before the rule re-arms. */
  hysteresis: number;
  /** At most one notification per this many minutes, even when the condition clears and comes back. */
  cooldownMinutes: number;
  /** Channel ids of the account's notification channels (in-app always gets it). */
  notify: string[];
  /** Urgent alarms ring through quiet hours and repeat every `escalateEveryMinutes` until acknowledged. */
  urgent: boolean;
  escalateEveryMinutes: number;
  enabled: boolean;
  /** No notifications before this instant (ISO); null when not snoozed. */
  snoozedUntil: string | null;
  /** Also written to the thermometer's own alarmHigh/alarmLow, so the device itself beeps. */
  deviceAlarm: boolean;
}

export interface AlarmRule extends AlarmRuleSettings {
  alarmId: string;
  accountId: string;
  createdAt: string;
  updatedAt: string;
}

/** The default hysteresis: 2 °F / 1 °C for temperatures, 2 % for battery, 3 dB for signal. */
export function defaultHysteresis(kind: AlarmKind, units: TemperatureUnit): number {
  if (kind === 'battery-below') return 2;
  if (kind === 'signal-weak') return 3;
  return units === 'C' ? 1 : 2;
}

export const DEFAULT_COOLDOWN_MINUTES = 5;
export const DEFAULT_ESCALATE_EVERY_MINUTES = 5;
/** Escalation rides on SQS message delays, which stop at 15 minutes. */
export const MAX_ESCALATE_EVERY_MINUTES = 15;
/** A probe reading NO PROBE (or nothing) for this long is disconnected, not a glitch. */
export const DEFAULT_DISCONNECT_GRACE_MINUTES = 2;
export const DEFAULT_OFFLINE_MINUTES = 10;
export const DEFAULT_PIT_BAND = { F: 25, C: 14 } as const;
/** An ETA must climb this far above the rule's minutes before the rule re-arms (an ETA wobbles). */
export const ETA_REARM_MARGIN_MINUTES = 10;

export function isSnoozed(rule: Pick<AlarmRuleSettings, 'snoozedUntil'>, now: Date): boolean {
  return rule.snoozedUntil !== null && Date.parse(rule.snoozedUntil) > now.getTime();
}

/** A short description for notifications: "above 203 °F", "offline for 10 min". */
export function describeCondition(rule: Pick<AlarmRuleSettings, 'kind' | 'threshold' | 'low' | 'high' | 'band' | 'minutes' | 'units'>): string {
  const deg = (v: number | null) => `${v ?? '?'} °${rule.units}`;
  switch (rule.kind) {
    case 'above':
      return `at or above ${deg(rule.threshold)}`;
    case 'below':
      return `at or below ${deg(rule.threshold)}`;
    case 'outside':
      return `outside ${deg(rule.low)}–${deg(rule.high)}`;
    case 'target-reached':
      return rule.threshold === null ? 'reached its target' : `reached its target (${deg(rule.threshold)})`;
    case 'probe-disconnected':
      return 'disconnected';
    case 'device-offline':
      return `offline for ${rule.minutes ?? DEFAULT_OFFLINE_MINUTES} min`;
    case 'battery-below':
      return `battery at or below ${rule.threshold ?? '?'} %`;
    case 'signal-weak':
      return `Wi-Fi signal at or below ${rule.threshold ?? '?'} dBm`;
    case 'pit-out-of-band':
      return `more than ${rule.band ?? DEFAULT_PIT_BAND[rule.units]}° from ${deg(rule.threshold)}`;
    case 'eta-within':
      return `done within ${rule.minutes ?? '?'} min`;
    case 'stall-started':
      return 'stalled';
    case 'stall-ended':
      return 'out of the stall';
  }
}
