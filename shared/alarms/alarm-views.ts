/** Rules and events as the API shows them (shared/api/alarm-schemas.ts). */
import type { AlarmMessage } from '../api/alarm-message-schemas';
import type { AlarmEventView, AlarmView } from '../api/alarm-schemas';
import { eventState, type AlarmEvent } from './alarm-event';
import type { StoredAlarmRule } from './alarm-store';

export function alarmView({ rule, state, deviceAlarm }: StoredAlarmRule): AlarmView {
  const t = rule.target;
  return {
    alarmId: rule.alarmId,
    name: rule.name,
    serial: t.serial,
    channel: t.type === 'probe' ? t.channel : null,
    cookId: t.type === 'cook' ? t.cookId : null,
    kind: rule.kind,
    threshold: rule.threshold,
    low: rule.low,
    high: rule.high,
    band: rule.band,
    minutes: rule.minutes,
    units: rule.units,
    hysteresis: rule.hysteresis,
    cooldownMinutes: rule.cooldownMinutes,
    notify: rule.notify,
    urgent: rule.urgent,
    escalateEveryMinutes: rule.escalateEveryMinutes,
    enabled: rule.enabled,
    snoozedUntil: rule.snoozedUntil,
    deviceAlarm,
    state: { armed: state.armed, breached: state.breachedSince !== null, lastFiredAt: state.lastFiredAt, lastValue: state.lastValue },
    createdAt: rule.createdAt,
    updatedAt: rule.updatedAt,
  };
}

export function alarmEventView(event: AlarmEvent): AlarmEventView {
  return {
    eventId: event.eventId,
    alarmId: event.alarmId,
    state: eventState(event),
    kind: event.kind,
    ruleName: event.ruleName,
    serial: event.target.serial,
    channel: event.channel,
    label: event.label,
    value: event.value,
    threshold: event.threshold,
    units: event.units,
    message: event.message,
    urgent: event.urgent,
    firedAt: event.firedAt,
    deliveredAt: event.deliveredAt,
    acknowledgedAt: event.acknowledgedAt,
    acknowledgedVia: event.acknowledgedVia,
    resolvedAt: event.resolvedAt,
    escalationRound: event.escalationRound,
    deliveries: Object.entries(event.deliveries ?? {})
      .map(([channelId, d]) => ({ channelId, ...d }))
      .sort((a, b) => a.channelId.localeCompare(b.channelId)),
  };
}

/** The `alarm` socket message of an event: how every open page of the account hears it fired, rang again or ended. */
export function alarmMessage(change: AlarmMessage['change'], event: AlarmEvent): AlarmMessage {
  return { type: 'alarm', change, event: alarmEventView(event) };
}
