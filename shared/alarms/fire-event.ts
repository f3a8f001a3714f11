/** From a rule that fired to the event that is stored, queued and shown. */
import { describeCondition, type AlarmRule } from './alarm-rule';
import type { AlarmEvent } from './alarm-event';
import type { FiredAlarm } from './evaluate-rule';

function valueText(rule: AlarmRule, fired: FiredAlarm): string {
  if (fired.value === null) return '';
  switch (rule.kind) {
    case 'battery-below':
      return `: ${fired.value} %`;
    case 'signal-weak':
      return `: ${fired.value} dBm`;
    case 'device-offline':
      return `: nothing for ${fired.value} min`;
    case 'eta-within':
      return `: about ${fired.value} min left`;
    default:
      return `: ${fired.value} °${rule.units}`;
  }
}

export function eventFor(rule: AlarmRule, fired: FiredAlarm): AlarmEvent {
  const obs = fired.observation;
  const channel = obs.source === 'probe' ? obs.channel : null;
  const where = obs.source === 'probe' ? `${obs.label} (${obs.serial}, channel ${obs.channel})` : `${obs.label} (${obs.serial})`;
  const name = rule.name ? `${rule.name}: ` : '';
  return {
    eventId: fired.eventId,
    accountId: rule.accountId,
    alarmId: rule.alarmId,
    ruleName: rule.name,
    kind: rule.kind,
    target: rule.target,
    label: obs.label,
    channel,
    value: fired.value,
    threshold: fired.threshold,
    units: rule.units,
    message: `${name}${where} is ${describeCondition(rule)}${valueText(rule, fired)}`,
    urgent: rule.urgent,
    notify: [...rule.notify],
    escalateEveryMinutes: rule.escalateEveryMinutes,
    firedAt: fired.firedAt,
    ...freshDeliveryState(),
  };
}

/** A just-fired event's delivery state: nothing delivered, acknowledged or resolved yet, no escalation round. */
export function freshDeliveryState(): Pick<AlarmEvent, 'deliveredAt' | 'acknowledgedAt' | 'acknowledgedVia' | 'resolvedAt' | 'deliveries' | 'escalationRound'> {
  return { deliveredAt: null, acknowledgedAt: null, acknowledgedVia: null, resolvedAt: null, deliveries: {}, escalationRound: 0 };
}
