/**
 * Where rules and events live (DynamoDB: shared/aws/dynamo-alarm-store.ts). Rules sit in the account partition with
 * their evaluation state, so the poll worker gets them with the one Query it already makes; events have a partition of
 * their own per account, newest last (event ids sort by time).
 */
import type { AcknowledgedVia, AlarmEvent, ChannelDelivery } from './alarm-event';
import type { AlarmRule } from './alarm-rule';
import type { ThermoWorksChannelAlarms } from '../thermoworks/port';
import type { AlarmRuleState } from './rule-state';

/**
 * The thermometer's own alarm for a rule (deviceAlarm): the worker writes it with the account's session. A rule
 * turned off is `removing` until the next poll turns the thermometer's alarm off, then `off`; turned on again, it is
 * `pending`.
 */
export interface DeviceAlarmStatus {
  status: 'pending' | 'written' | 'failed' | 'unsupported' | 'removing' | 'off';
  detail: string | null;
  at: string | null;
}

/**
 * A deleted rule's thermometer alarm, to be turned off by the account's next poll (only the worker holds the
 * ThermoWorks session). It names the fields the rule wrote or was about to write, each with the value and units
 * written: the device keeps them, disabled, as the ThermoWorks app does when an alarm is switched off.
 */
export interface DeviceAlarmClear {
  serial: string;
  channel: string;
  alarms: ThermoWorksChannelAlarms;
  /** The rules deleted or turned off it comes from: none of them holds a field, even if a poll still reads it. */
  alarmIds: string[];
  /** When it was asked for: the clear is forgotten only if nobody asked again since (see AlarmStore.deviceAlarmCleared). */
  requestedAt: string;
}

export interface StoredAlarmRule {
  rule: AlarmRule;
  state: AlarmRuleState;
  deviceAlarm: DeviceAlarmStatus | null;
}

export interface EventPage {
  events: AlarmEvent[];
  cursor: string | undefined;
}

export interface AlarmStore {
  listRules(accountId: string): Promise<StoredAlarmRule[]>;
  getRule(accountId: string, alarmId: string): Promise<StoredAlarmRule | undefined>;
  putRule(stored: StoredAlarmRule): Promise<void>;
  /** Replaces the rule's settings (and state, and device alarm status when given); false when the rule is gone. */
  updateRule(rule: AlarmRule, changes: { state?: AlarmRuleState; deviceAlarm?: DeviceAlarmStatus | null }): Promise<boolean>;
  deleteRule(accountId: string, alarmId: string): Promise<StoredAlarmRule | undefined>;
  /** The worker's write: evaluation state only, so a user's edit in between is not overwritten. */
  saveRuleState(accountId: string, alarmId: string, state: AlarmRuleState): Promise<void>;
  /**
   * The worker's record of the thermometer's alarm, kept only while the rule's status is still `read` (compared by
   * its `at`): a user's edit or switch in between (a newer `pending`) is not overwritten.
   */
  saveDeviceAlarm(accountId: string, alarmId: string, status: DeviceAlarmStatus, read: DeviceAlarmStatus): Promise<void>;
  /**
   * Keeps a deleted rule's thermometer alarm for the next poll to turn off, in the account partition the poll reads
   * anyway. Asked again for the same channel, the fields add up.
   */
  requestDeviceAlarmClear(accountId: string, clear: DeviceAlarmClear): Promise<void>;
  /** The clear is done (or cannot be): forgotten, unless it was asked for again since its `requestedAt`. */
  deviceAlarmCleared(accountId: string, clear: DeviceAlarmClear): Promise<void>;

  putEvent(event: AlarmEvent): Promise<void>;
  getEvent(accountId: string, eventId: string): Promise<AlarmEvent | undefined>;
  /** Oldest first within [from, to), at most `limit`, from `cursor`. */
  listEvents(accountId: string, range: { from?: string; to?: string; cursor?: string; limit: number }): Promise<EventPage>;
  /** Sets acknowledgedAt once; answers the event afterwards (undefined when there is no such event). */
  acknowledge(accountId: string, eventId: string, at: string, via: AcknowledgedVia): Promise<AlarmEvent | undefined>;
  resolve(accountId: string, eventId: string, at: string): Promise<AlarmEvent | undefined>;
  /**
   * The idempotency key of a delivery: (event, channel, round). True for the caller that may send; false when a
   * delivery with this key was sent, or is being sent by another caller since `staleBefore` (then a crashed
   * sender's claim is taken over).
   */
  claimDelivery(accountId: string, eventId: string, key: string, at: string, staleBefore: string): Promise<boolean>;
  /** Marks a claim done (sent or given up), so a redelivered message sends nothing. */
  completeDelivery(accountId: string, eventId: string, key: string, outcome: 'sent' | 'failed'): Promise<void>;
  /** Frees a claim for a retry (a retryable failure). */
  releaseDelivery(accountId: string, eventId: string, key: string): Promise<void>;
  recordDelivery(accountId: string, eventId: string, channelId: string, delivery: ChannelDelivery): Promise<void>;
  /** Sets deliveredAt unless set. */
  markDelivered(accountId: string, eventId: string, at: string): Promise<void>;
  /** Raises escalationRound to `round` if it is lower: true for the one caller that did (it queues that round). */
  advanceEscalation(accountId: string, eventId: string, round: number): Promise<boolean>;
}
