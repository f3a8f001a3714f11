/**
 * The "new alarm" form as data: what the user typed (text, in their display units), checked field by field with the
 * API's own rules (alarm-schemas.ts) so each field can say what is wrong with it, and turned into a POST /alarms body.
 * Also how a rule reads back on screen, converted to the display units whatever units it was written in.
 */
import type { AlarmView } from '../../../shared/api/alarm-schemas';
import { DEVICE_KINDS, TEMPERATURE_KINDS, describeCondition, type AlarmKind } from '../../../shared/alarms/alarm-rule';
import { convertDelta, convertTemperature, type TemperatureUnits } from '../settings/temperature';
import type { CreateAlarmBody } from './alarmApi';

/** The kinds the form offers, in the order a cook thinks of them. */
export const KIND_CHOICES: ReadonlyArray<{ kind: AlarmKind; label: string }> = [
  { kind: 'above', label: 'Rises to (above)' },
  { kind: 'below', label: 'Falls to (below)' },
  { kind: 'outside', label: 'Leaves a range' },
  { kind: 'target-reached', label: "Reaches the cook's target" },
  { kind: 'pit-out-of-band', label: 'Pit strays from its set point' },
  { kind: 'eta-within', label: 'Done within N minutes' },
  { kind: 'stall-started', label: 'Stall starts' },
  { kind: 'stall-ended', label: 'Stall ends' },
  { kind: 'probe-disconnected', label: 'Probe disconnected' },
  { kind: 'device-offline', label: 'Thermometer offline' },
  { kind: 'battery-below', label: 'Battery low' },
  { kind: 'signal-weak', label: 'Wi-Fi signal weak' },
];

export type NumberField = 'threshold' | 'low' | 'high' | 'band' | 'minutes' | 'hysteresis' | 'cooldownMinutes';
export type FormField = NumberField | 'channel' | 'name' | 'notify';

export interface RuleFormState {
  serial: string;
  /** '' until a probe is chosen; ignored for device kinds. */
  channel: string;
  kind: AlarmKind;
  name: string;
  threshold: string;
  low: string;
  high: string;
  band: string;
  minutes: string;
  hysteresis: string;
  cooldownMinutes: string;
  notify: string[];
  urgent: boolean;
  /** Also write the thermometer's own alarm (above, below, outside only). */
  deviceAlarm: boolean;
  /** Temperatures are typed in these: the user's display units. */
  units: TemperatureUnits;
}

export function initialRuleForm(input: { serial: string; channel?: string; units: TemperatureUnits; kind?: AlarmKind; threshold?: number | null }): RuleFormState {
  return {
    serial: input.serial,
    channel: input.channel ?? '',
    kind: input.kind ?? 'above',
    name: '',
    threshold: input.threshold === undefined || input.threshold === null ? '' : String(Math.round(input.threshold)),
    low: '',
    high: '',
    band: '',
    minutes: '',
    hysteresis: '',
    cooldownMinutes: '',
    notify: [],
    urgent: false,
    deviceAlarm: false,
    units: input.units,
  };
}

/** Which number fields a kind shows, and whether each is required. */
export function fieldsFor(kind: AlarmKind): Partial<Record<NumberField, 'required' | 'optional'>> {
  const common = { cooldownMinutes: 'optional' } as const;
  switch (kind) {
    case 'above':
    case 'below':
      return { threshold: 'required', hysteresis: 'optional', ...common };
    case 'outside':
      return { low: 'required', high: 'required', hysteresis: 'optional', ...common };
    case 'target-reached':
      return { threshold: 'optional', ...common };
    case 'pit-out-of-band':
      return { threshold: 'required', band: 'optional', hysteresis: 'optional', ...common };
    case 'battery-below':
    case 'signal-weak':
      return { threshold: 'required', hysteresis: 'optional', ...common };
    case 'eta-within':
      return { minutes: 'required', ...common };
    case 'probe-disconnected':
    case 'device-offline':
      return { minutes: 'optional', ...common };
    case 'stall-started':
    case 'stall-ended':
      return common;
  }
}

export const watchesDevice = (kind: AlarmKind): boolean => DEVICE_KINDS.includes(kind);

/** The thermometer itself only alarms above, below or outside a range. */
export const deviceCanAlarm = (kind: AlarmKind): boolean => kind === 'above' || kind === 'below' || kind === 'outside';

/** What a number field is measured in, for its label. */
export function fieldUnit(kind: AlarmKind, field: NumberField, units: TemperatureUnits): string {
  if (field === 'minutes' || field === 'cooldownMinutes') return 'min';
  if (kind === 'battery-below') return '%';
  if (kind === 'signal-weak') return 'dBm';
  return `°${units}`;
}

export function fieldLabel(kind: AlarmKind, field: NumberField): string {
  switch (field) {
    case 'threshold':
      if (kind === 'target-reached') return 'Target override';
      if (kind === 'pit-out-of-band') return 'Pit set point';
      if (kind === 'battery-below') return 'Battery at or below';
      if (kind === 'signal-weak') return 'Signal at or below';
      return kind === 'below' ? 'Alert at or below' : 'Alert at or above';
    case 'low':
      return 'Low';
    case 'high':
      return 'High';
    case 'band':
      return 'Allowed drift (±)';
    case 'minutes':
      if (kind === 'eta-within') return 'Minutes before done';
      return kind === 'device-offline' ? 'Offline for' : 'Grace period';
    case 'hysteresis':
      return 'Hysteresis';
    case 'cooldownMinutes':
      return 'Cooldown';
  }
}

function bounds(kind: AlarmKind, field: NumberField): { min: number; max: number; integer: boolean } {
  if (field === 'minutes' || field === 'cooldownMinutes') return { min: field === 'minutes' ? 1 : 0, max: 24 * 60, integer: true };
  if (field === 'hysteresis') return { min: 0, max: 50, integer: false };
  if (field === 'band') return { min: 0.1, max: 200, integer: false };
  if (kind === 'battery-below') return { min: 1, max: 100, integer: false };
  if (kind === 'signal-weak') return { min: -120, max: 0, integer: false };
  return { min: -200, max: 1000, integer: false };
}

export type RuleFormResult = { ok: true; request: CreateAlarmBody } | { ok: false; errors: Partial<Record<FormField, string>> };

export function buildAlarmRequest(form: RuleFormState): RuleFormResult {
  const errors: Partial<Record<FormField, string>> = {};
  const shown = fieldsFor(form.kind);
  const numbers: Partial<Record<NumberField, number>> = {};
  const deviceKind = watchesDevice(form.kind);
  const unitOf = (field: NumberField) => fieldUnit(form.kind, field, form.units);

  for (const [field, need] of Object.entries(shown) as Array<[NumberField, 'required' | 'optional']>) {
    const text = form[field].trim().replace(',', '.');
    if (text === '') {
      if (need === 'required') errors[field] = `Enter ${fieldLabel(form.kind, field).toLowerCase()} (${unitOf(field)}).`;
      continue;
    }
    const value = Number(text);
    const { min, max, integer } = bounds(form.kind, field);
    if (!Number.isFinite(value)) errors[field] = 'Enter a number.';
    else if (integer && !Number.isInteger(value)) errors[field] = 'Enter whole minutes.';
    else if (value < min || value > max) errors[field] = `Between ${min} and ${max} ${unitOf(field)}.`;
    else numbers[field] = value;
  }
  if (numbers.low !== undefined && numbers.high !== undefined) {
    // The API checks against 2 when no hysteresis is given, whatever the units.
    const hysteresis = numbers.hysteresis ?? 2;
    if (numbers.high - numbers.low <= 2 * hysteresis) errors.high = `High must be above low by more than ${2 * hysteresis} ${unitOf('high')} (twice the hysteresis).`;
  }
  if (!deviceKind && form.channel === '') errors.channel = 'Choose the probe to watch.';
  if (form.name.trim().length > 80) errors.name = 'At most 80 characters.';
  if (form.notify.length > 10) errors.notify = 'At most 10 channels.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const name = form.name.trim();
  return {
    ok: true,
    request: {
      serial: form.serial,
      ...(deviceKind ? {} : { channel: form.channel }),
      kind: form.kind,
      ...(name === '' ? {} : { name }),
      ...numbers,
      units: form.units,
      notify: form.notify,
      urgent: form.urgent,
      ...(form.deviceAlarm && deviceCanAlarm(form.kind) ? { deviceAlarm: true } : {}),
    },
  };
}

export type RuleState = 'armed' | 'breached' | 'snoozed' | 'disabled';

export function ruleState(alarm: Pick<AlarmView, 'enabled' | 'snoozedUntil' | 'state'>, nowMs: number): RuleState {
  if (!alarm.enabled) return 'disabled';
  if (alarm.snoozedUntil !== null && Date.parse(alarm.snoozedUntil) > nowMs) return 'snoozed';
  return alarm.state.breached ? 'breached' : 'armed';
}

export const RULE_STATE_LABEL: Record<RuleState, string> = { armed: 'Armed', breached: 'Ringing', snoozed: 'Snoozed', disabled: 'Off' };

/** "at or above 95 °C" for a rule written as 203 °F, when the user reads °C. */
export function describeRule(alarm: AlarmView, display: TemperatureUnits): string {
  if (!TEMPERATURE_KINDS.includes(alarm.kind)) return describeCondition(alarm);
  const degrees = (v: number | null) => (v === null ? null : Math.round(convertTemperature(v, alarm.units, display)));
  return describeCondition({
    kind: alarm.kind,
    threshold: degrees(alarm.threshold),
    low: degrees(alarm.low),
    high: degrees(alarm.high),
    band: alarm.band === null ? null : Math.round(convertDelta(alarm.band, alarm.units, display)),
    minutes: alarm.minutes,
    units: display,
  });
}
