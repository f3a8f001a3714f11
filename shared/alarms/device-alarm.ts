/**
 * The thermometer's own alarm for a rule (`deviceAlarm: true`): what to write to the probe's channel (an `above` rule
 * sets alarmHigh, `below` alarmLow, `outside` both) and the poll step that writes it. A rule asking for it starts
 * `pending`; the next poll of the account writes it with the account's ThermoWorks session (a Firestore PATCH with
 * updateMask) and records `written`, or `failed` with ThermoWorks' reason; a fault that may pass (ThermoWorks down,
 * rate-limited) leaves it `pending` for the next poll. RFX meat probes keep their alarms on the gateway, out of the
 * cloud's reach: such a rule is refused when it is made (422 DEVICE_ALARM_UNSUPPORTED).
 */
import type { Clock } from '../clock';
import { PitwatchError, RateLimitedError } from '../errors';
import { isTransient } from '../thermoworks/errors';
import type { CallOptions, ThermoWorksChannelAlarms } from '../thermoworks/port';
import type { AlarmRule } from './alarm-rule';
import type { AlarmStore, DeviceAlarmClear, DeviceAlarmStatus, StoredAlarmRule } from './alarm-store';

/** The thermometer cannot hold this alarm (an RFX meat probe, or a kind the device has no alarm for). */
export class DeviceAlarmUnsupportedError extends PitwatchError {
  readonly code = 'DEVICE_ALARM_UNSUPPORTED';
  readonly httpStatus = 422;
}

/** The kinds a thermometer's own alarm can express: a high and a low limit. */
export const DEVICE_ALARM_KINDS = ['above', 'below', 'outside'] as const;

/** RFX meat probes report through a gateway whose device document says `rfx`: their alarms are not in the cloud. */
export function isRfxDevice(deviceKind: string): boolean {
  return /\brfx\b/i.test(deviceKind);
}

/** Refuses, with a plain reason, a device alarm the thermometer cannot hold. */
export function assertDeviceAlarmPossible(deviceKind: string, rule: Pick<AlarmRule, 'kind' | 'target'>): void {
  if (isRfxDevice(deviceKind)) {
    throw new DeviceAlarmUnsupportedError('RFX meat probes keep their alarms on the gateway, where ThermoWorks’ cloud cannot set them. Pitwatch will still alarm you; turn off “also beep on the thermometer”.');
  }
  if (rule.target.type !== 'probe' || !(DEVICE_ALARM_KINDS as readonly string[]).includes(rule.kind)) {
    throw new DeviceAlarmUnsupportedError('The thermometer itself only alarms when a probe goes above, below or outside a range.');
  }
}

/** What the rule writes to its channel, or undefined when it has nothing to write (no threshold yet). */
export function deviceAlarmWrite(rule: Pick<AlarmRule, 'kind' | 'threshold' | 'low' | 'high' | 'units'>): ThermoWorksChannelAlarms | undefined {
  const at = (value: number) => ({ enabled: true, value: Math.round(value), units: rule.units });
  if (rule.kind === 'above' && rule.threshold !== null) return { high: at(rule.threshold) };
  if (rule.kind === 'below' && rule.threshold !== null) return { low: at(rule.threshold) };
  if (rule.kind === 'outside' && rule.low !== null && rule.high !== null) return { high: at(rule.high), low: at(rule.low) };
  return undefined;
}

export const PENDING_DEVICE_ALARM = (at: string): DeviceAlarmStatus => ({ status: 'pending', detail: 'Written to the thermometer on the next poll.', at });
export const REMOVING_DEVICE_ALARM = (at: string): DeviceAlarmStatus => ({ status: 'removing', detail: 'Turned off on the thermometer on the next poll.', at });

/** What became of one PATCH of a channel's alarms: done, refused by ThermoWorks (with why), or worth a retry. */
type ChannelAlarmsOutcome = { kind: 'done' } | { kind: 'refused'; reason: string } | { kind: 'retry' };

async function patchChannelAlarms(deps: Pick<DeviceAlarmDependencies, 'session'>, serial: string, channel: string, alarms: ThermoWorksChannelAlarms, signal?: AbortSignal): Promise<ChannelAlarmsOutcome> {
  try {
    await deps.session.setChannelAlarms(serial, channel, alarms, { signal });
    return { kind: 'done' };
  } catch (error) {
    // ThermoWorks down or busy: the next poll tries again.
    if (isTransient(error) || error instanceof RateLimitedError) return { kind: 'retry' };
    if (error instanceof PitwatchError) return { kind: 'refused', reason: error.message };
    throw error;
  }
}

/** The rule has (or is about to have) its alarm on the thermometer: what a delete or a switch-off must turn off. */
function holdsDeviceAlarm({ rule, deviceAlarm }: StoredAlarmRule): boolean {
  return rule.deviceAlarm && rule.target.type === 'probe' && (deviceAlarm?.status === 'written' || deviceAlarm?.status === 'pending');
}

export interface DeviceAlarmDependencies {
  session: { setChannelAlarms(serial: string, number: string, alarms: ThermoWorksChannelAlarms, options?: CallOptions): Promise<unknown> };
  alarms: Pick<AlarmStore, 'saveDeviceAlarm'>;
  clock: Clock;
}

/** Writes every pending device alarm of the account (one PATCH each); answers how many were written. */
export async function writePendingDeviceAlarms(rules: readonly StoredAlarmRule[], deps: DeviceAlarmDependencies, signal?: AbortSignal): Promise<number> {
  let written = 0;
  for (const { rule, deviceAlarm } of rules) {
    // A rule turned off keeps its thresholds pending until it is on again: it must not make the thermometer beep.
    if (!rule.deviceAlarm || !rule.enabled || deviceAlarm?.status !== 'pending' || rule.target.type !== 'probe') continue;
    const write = deviceAlarmWrite(rule);
    if (!write) continue;
    const outcome = await patchChannelAlarms(deps, rule.target.serial, rule.target.channel, write, signal);
    if (outcome.kind === 'retry') continue;
    const at = deps.clock.now().toISOString();
    const status: DeviceAlarmStatus =
      outcome.kind === 'done' ? { status: 'written', detail: null, at } : { status: 'failed', detail: `ThermoWorks refused the alarm: ${outcome.reason}`, at };
    await deps.alarms.saveDeviceAlarm(rule.accountId, rule.alarmId, status, deviceAlarm);
    if (status.status === 'written') written++;
  }
  return written;
}

/** What deleting or turning off this rule leaves to turn off on the thermometer, if anything (never for a refused write). */
export function deviceAlarmClearFor(stored: StoredAlarmRule, requestedAt: string): DeviceAlarmClear | undefined {
  const { rule } = stored;
  if (!holdsDeviceAlarm(stored) || rule.target.type !== 'probe') return undefined;
  const write = deviceAlarmWrite(rule);
  if (!write) return undefined;
  const alarms: ThermoWorksChannelAlarms = {
    ...(write.high && { high: { ...write.high, enabled: false } }),
    ...(write.low && { low: { ...write.low, enabled: false } }),
  };
  return { serial: rule.target.serial, channel: rule.target.channel, alarms, alarmIds: [rule.alarmId], requestedAt };
}

export interface DeviceAlarmClearDependencies extends Omit<DeviceAlarmDependencies, 'alarms'> {
  alarms: Pick<AlarmStore, 'deviceAlarmCleared' | 'saveDeviceAlarm'>;
  log: { warn(message: string, detail: Record<string, unknown>): void };
}

/**
 * Turns off, with this poll's session, the thermometer alarms of rules deleted or turned off. A field another rule of
 * the account (on) still holds on that channel is written with that rule's alarm instead. Answers how many channels were written. ThermoWorks
 * down or busy keeps the clear for the next poll; a refusal (the device or channel gone) is logged and forgotten.
 */
export async function clearDeviceAlarms(
  accountId: string,
  clears: readonly DeviceAlarmClear[],
  rules: readonly StoredAlarmRule[],
  deps: DeviceAlarmClearDependencies,
  signal?: AbortSignal,
): Promise<number> {
  let cleared = 0;
  for (const clear of clears) {
    const held = rules
      .filter((s) => holdsDeviceAlarm(s) && s.rule.enabled && s.rule.target.type === 'probe' && s.rule.target.serial === clear.serial && s.rule.target.channel === clear.channel)
      // A poll that read the partition between the clear and the delete still sees the deleted rule.
      .filter(({ rule }) => !clear.alarmIds.includes(rule.alarmId))
      .map(({ rule }) => deviceAlarmWrite(rule) ?? {});
    // A field another rule holds gets that rule's alarm back (the deleted rule may have written over it last).
    const field = (f: 'high' | 'low') => clear.alarms[f] && (held.find((w) => w[f])?.[f] ?? clear.alarms[f]);
    const high = field('high');
    const low = field('low');
    const alarms: ThermoWorksChannelAlarms = { ...(high && { high }), ...(low && { low }) };
    if (alarms.high || alarms.low) {
      const outcome = await patchChannelAlarms(deps, clear.serial, clear.channel, alarms, signal);
      if (outcome.kind === 'retry') continue;
      if (outcome.kind === 'done') cleared++;
      else deps.log.warn('ThermoWorks refused to turn off a deleted rule’s thermometer alarm', { serial: clear.serial, channel: clear.channel, error: outcome.reason });
    }
    // A rule turned off (not deleted) says so once its alarm is off the thermometer.
    for (const { rule, deviceAlarm } of rules) {
      if (clear.alarmIds.includes(rule.alarmId) && !rule.enabled && deviceAlarm?.status === 'removing') {
        await deps.alarms.saveDeviceAlarm(accountId, rule.alarmId, { status: 'off', detail: null, at: deps.clock.now().toISOString() }, deviceAlarm);
      }
    }
    await deps.alarms.deviceAlarmCleared(accountId, clear);
  }
  return cleared;
}
