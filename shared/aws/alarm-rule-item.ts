/** An alarm rule item of the account partition, as the alarm store and the poll's one Query of the partition read it. */
import type { AlarmRule } from '../alarms/alarm-rule';
import type { DeviceAlarmClear, DeviceAlarmStatus, StoredAlarmRule } from '../alarms/alarm-store';
import type { ThermoWorksChannelAlarms } from '../thermoworks/port';
import type { AlarmRuleState } from '../alarms/rule-state';

export function storedRuleOf(item: Record<string, unknown>): StoredAlarmRule {
  return { rule: item.rule as AlarmRule, state: item.ruleState as AlarmRuleState, deviceAlarm: (item.deviceAlarm as DeviceAlarmStatus | null | undefined) ?? null };
}

export const DEVICE_ALARM_CLEAR_ITEM_TYPE = 'device-alarm-clear';

/** A deleted rule's thermometer alarm waiting for the next poll: one item per channel, a field per alarm. */
export function deviceAlarmClearOf(item: Record<string, unknown>): DeviceAlarmClear {
  const high = item.high as ThermoWorksChannelAlarms['high'];
  const low = item.low as ThermoWorksChannelAlarms['low'];
  return { serial: String(item.serial), channel: String(item.channel), alarms: { ...(high && { high }), ...(low && { low }) }, alarmIds: [...((item.alarmIds as Set<string> | undefined) ?? [])].sort(), requestedAt: String(item.requestedAt) };
}
