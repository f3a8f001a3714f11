/** An alarm rule item of the account partition, as the alarm store and the poll's one Query of the partition read it. */
import type { AlarmRule } from '../alarms/alarm-rule';
import type { DeviceAlarmStatus, StoredAlarmRule } from '../alarms/alarm-store';
import type { AlarmRuleState } from '../alarms/rule-state';

export function storedRuleOf(item: Record<string, unknown>): StoredAlarmRule {
  return { rule: item.rule as AlarmRule, state: item.ruleState as AlarmRuleState, deviceAlarm: (item.deviceAlarm as DeviceAlarmStatus | null | undefined) ?? null };
}
