/**
 * An alarm event: one firing of a rule, and what became of it. Its state is the furthest it got along
 * fired → delivered (some channel took it) → acknowledged (someone said "I hear you") → resolved (the condition
 * cleared); each channel keeps its own delivery status. Urgent events escalate (repeat) until acknowledged.
 */
import type { TemperatureUnit } from '../cook/units';
import type { AlarmKind, AlarmTarget } from './alarm-rule';

export type AlarmEventState = 'fired' | 'delivered' | 'acknowledged' | 'resolved';
export const ALARM_EVENT_STATES = ['fired', 'delivered', 'acknowledged', 'resolved'] as const;

export type DeliveryStatus = 'sending' | 'sent' | 'failed' | 'retrying' | 'quiet-hours' | 'channel-disabled' | 'channel-unverified' | 'channel-missing';

export interface ChannelDelivery {
  status: DeliveryStatus;
  /** The escalation round this status is about (0: the first notification). */
  round: number;
  attempts: number;
  at: string;
  detail: string | null;
}

/** How an event was acknowledged. */
export type AcknowledgedVia = 'web' | 'push' | 'link' | 'api';

export interface AlarmEvent {
  eventId: string;
  accountId: string;
  alarmId: string;
  ruleName: string | null;
  kind: AlarmKind;
  target: AlarmTarget;
  /** The probe's or the device's name as ThermoWorks has it. */
  label: string;
  channel: string | null;
  value: number | null;
  threshold: number | null;
  units: TemperatureUnit;
  /** Ready to show: "Brisket (12:34:…, channel 2) is at or above 203 °F: 203.4 °F". */
  message: string;
  urgent: boolean;
  /** The channels it goes to, as the rule said when it fired. */
  notify: string[];
  escalateEveryMinutes: number;
  firedAt: string;
  deliveredAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedVia: AcknowledgedVia | null;
  resolvedAt: string | null;
  /** channelId → the latest status of its delivery. */
  deliveries: Record<string, ChannelDelivery>;
  /** The last escalation round queued (0: only the first notification). */
  escalationRound: number;
}

export function eventState(event: Pick<AlarmEvent, 'deliveredAt' | 'acknowledgedAt' | 'resolvedAt'>): AlarmEventState {
  if (event.resolvedAt) return 'resolved';
  if (event.acknowledgedAt) return 'acknowledged';
  if (event.deliveredAt) return 'delivered';
  return 'fired';
}

/** Urgent and not yet acknowledged or resolved: it keeps ringing. */
export function needsEscalation(event: Pick<AlarmEvent, 'urgent' | 'acknowledgedAt' | 'resolvedAt'>): boolean {
  return event.urgent && event.acknowledgedAt === null && event.resolvedAt === null;
}

/**
 * An escalation stops at the latest after this many rounds (two hours at the default 5 minutes): a phone that has
 * rung 24 times unanswered is not going to be answered by the 25th.
 */
export const MAX_ESCALATION_ROUNDS = 24;

/** Event ids begin with the firing time (ms, 13 digits), so an account's events sort by time in their partition. */
export function newAlarmEventId(firedAt: Date, uniqueId: string): string {
  return `${String(firedAt.getTime()).padStart(13, '0')}-${uniqueId}`;
}
