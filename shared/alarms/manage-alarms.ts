/**
 * The alarm routes: rules (create, list, change, delete) and their events (list, acknowledge). Everything is looked
 * up in the caller's own account partition, so another account's alarm or event id is simply not found (404), and a
 * rule may only watch the caller's devices and notify the caller's channels.
 */
import { assertNotTooFarAhead } from '../api/wire-formats';
import type { AlarmEventView, AlarmView, CreateAlarmRequest, UpdateAlarmRequest } from '../api/alarm-schemas';
import type { Principal } from '../auth/principal';
import type { Clock } from '../clock';
import type { DeviceStore } from '../devices/device-store';
import { NotFoundError, ValidationError } from '../errors';
import type { IdGenerator } from '../ids';
import type { ChannelStore } from '../notify/channel-store';
import { DEFAULT_ESCALATE_EVERY_MINUTES, DEFAULT_COOLDOWN_MINUTES, defaultHysteresis, type AlarmRule, type AlarmTarget } from './alarm-rule';
import type { AlarmStore, DeviceAlarmStatus, StoredAlarmRule } from './alarm-store';
import { pushToAccountPages } from '../live/push-to-pages';
import { alarmEventView, alarmMessage, alarmView } from './alarm-views';
import { assertDeviceAlarmPossible, deviceAlarmClearFor, PENDING_DEVICE_ALARM, REMOVING_DEVICE_ALARM } from './device-alarm';
import { INITIAL_RULE_STATE } from './rule-state';
import type { LiveSockets } from '../live/live-connections';

export interface ManageAlarmsDependencies {
  alarms: AlarmStore;
  channels: Pick<ChannelStore, 'list'>;
  devices: Pick<DeviceStore, 'getDevice'>;
  clock: Clock;
  /** The account's open pages, told when an event is acknowledged or ended here, so that their banners come down. */
  live?: LiveSockets;
}

/** The thermometer's own alarm (a Firestore PATCH of alarmHigh/alarmLow) is written by the next poll (device-alarm.ts). */
const notWrittenYet = (at: string): DeviceAlarmStatus => PENDING_DEVICE_ALARM(at);

/** At most this many rules per account: each is evaluated on every poll. */
export const MAX_RULES_PER_ACCOUNT = 100;

async function assertOwnChannels(accountId: string, notify: readonly string[], deps: Pick<ManageAlarmsDependencies, 'channels'>): Promise<void> {
  if (notify.length === 0) return;
  const own = new Set((await deps.channels.list(accountId)).map((c) => c.channelId));
  const unknown = notify.filter((id) => !own.has(id));
  if (unknown.length > 0) throw new ValidationError('Unknown notification channel.', { details: { notify: unknown } });
  if (new Set(notify).size !== notify.length) throw new ValidationError('Each notification channel may appear once.', { details: { notify } });
}

export async function createAlarm(principal: Principal, request: CreateAlarmRequest, deps: ManageAlarmsDependencies & { ids: IdGenerator }): Promise<AlarmView> {
  const accountId = principal.accountId;
  const device = await deps.devices.getDevice(accountId, request.serial);
  if (!device) throw new NotFoundError(`No device ${request.serial} on this account.`);
  await assertOwnChannels(accountId, request.notify, deps);
  const existing = await deps.alarms.listRules(accountId);
  if (existing.length >= MAX_RULES_PER_ACCOUNT) throw new ValidationError(`At most ${MAX_RULES_PER_ACCOUNT} alarm rules per account.`);
  const target: AlarmTarget = request.channel === undefined ? { type: 'device', serial: request.serial } : { type: 'probe', serial: request.serial, channel: request.channel };
  if (request.deviceAlarm) assertDeviceAlarmPossible(device.kind, { kind: request.kind, target });
  const now = deps.clock.now().toISOString();
  const rule: AlarmRule = {
    alarmId: deps.ids.id(),
    accountId,
    name: request.name ?? null,
    target,
    kind: request.kind,
    threshold: request.threshold ?? null,
    low: request.low ?? null,
    high: request.high ?? null,
    band: request.band ?? null,
    minutes: request.minutes ?? null,
    units: request.units,
    hysteresis: request.hysteresis ?? defaultHysteresis(request.kind, request.units),
    cooldownMinutes: request.cooldownMinutes ?? DEFAULT_COOLDOWN_MINUTES,
    notify: request.notify,
    urgent: request.urgent,
    escalateEveryMinutes: request.escalateEveryMinutes ?? DEFAULT_ESCALATE_EVERY_MINUTES,
    enabled: request.enabled,
    snoozedUntil: null,
    deviceAlarm: request.deviceAlarm,
    createdAt: now,
    updatedAt: now,
  };
  const stored: StoredAlarmRule = { rule, state: { ...INITIAL_RULE_STATE }, deviceAlarm: request.deviceAlarm ? notWrittenYet(now) : null };
  await deps.alarms.putRule(stored);
  return alarmView(stored);
}

export async function listAlarms(principal: Principal, filter: { serial?: string; channel?: string }, deps: Pick<ManageAlarmsDependencies, 'alarms'>): Promise<AlarmView[]> {
  const rules = await deps.alarms.listRules(principal.accountId);
  return rules
    .filter((r) => filter.serial === undefined || r.rule.target.serial === filter.serial)
    .filter((r) => filter.channel === undefined || (r.rule.target.type === 'probe' && r.rule.target.channel === filter.channel))
    .sort((a, b) => a.rule.createdAt.localeCompare(b.rule.createdAt) || a.rule.alarmId.localeCompare(b.rule.alarmId))
    .map(alarmView);
}

async function ownRule(principal: Principal, alarmId: string, deps: Pick<ManageAlarmsDependencies, 'alarms'>): Promise<StoredAlarmRule> {
  const stored = await deps.alarms.getRule(principal.accountId, alarmId);
  if (!stored) throw new NotFoundError(`No alarm ${alarmId}.`);
  return stored;
}

/** Settings that change when the rule fires: editing one re-arms the rule, so a condition that holds fires anew. */
const CONDITION_FIELDS = ['threshold', 'low', 'high', 'band', 'minutes', 'hysteresis'] as const;

export async function updateAlarm(principal: Principal, alarmId: string, patch: UpdateAlarmRequest, deps: ManageAlarmsDependencies): Promise<AlarmView> {
  const stored = await ownRule(principal, alarmId, deps);
  if (patch.notify !== undefined) await assertOwnChannels(principal.accountId, patch.notify, deps);
  const now = deps.clock.now();
  const rule: AlarmRule = { ...stored.rule, updatedAt: now.toISOString() };
  if (patch.name !== undefined) rule.name = patch.name;
  for (const field of CONDITION_FIELDS) if (patch[field] !== undefined) rule[field] = patch[field];
  if (patch.cooldownMinutes !== undefined) rule.cooldownMinutes = patch.cooldownMinutes;
  if (patch.escalateEveryMinutes !== undefined) rule.escalateEveryMinutes = patch.escalateEveryMinutes;
  if (patch.notify !== undefined) rule.notify = patch.notify;
  if (patch.urgent !== undefined) rule.urgent = patch.urgent;
  if (patch.enabled !== undefined) rule.enabled = patch.enabled;
  if (patch.snoozeMinutes !== undefined) rule.snoozedUntil = patch.snoozeMinutes === 0 ? null : new Date(now.getTime() + patch.snoozeMinutes * 60_000).toISOString();
  if (rule.kind === 'outside' && rule.low !== null && rule.high !== null && rule.high - rule.low <= 2 * rule.hysteresis) {
    throw new ValidationError('high must be above low by more than twice the hysteresis.', { details: { low: rule.low, high: rule.high } });
  }
  const rearm = CONDITION_FIELDS.some((f) => patch[f] !== undefined) || (patch.enabled === true && !stored.rule.enabled);
  const state = rearm ? { ...INITIAL_RULE_STATE, lastFiredAt: stored.state.lastFiredAt } : undefined;
  // Turned off: the thermometer's alarm is turned off by the next poll, asked for before the rule says so.
  const clear = stored.rule.enabled && !rule.enabled ? deviceAlarmClearFor(stored, now.toISOString()) : undefined;
  if (clear) await deps.alarms.requestDeviceAlarmClear(principal.accountId, clear);
  const deviceAlarm = deviceAlarmAfter(stored, rule, patch, clear !== undefined, now.toISOString());
  if (!(await deps.alarms.updateRule(rule, { ...(state && { state }), ...(deviceAlarm && { deviceAlarm }) }))) throw new NotFoundError(`No alarm ${alarmId}.`);
  // Re-armed (its state forgets the open event) or turned off (no poll evaluates it): nothing would ever resolve
  // the event it raised.
  if (rearm || (patch.enabled === false && stored.rule.enabled)) await endOpenEvent(principal.accountId, stored.state.openEventId, deps);
  return alarmView({ rule, state: state ?? stored.state, deviceAlarm: deviceAlarm ?? stored.deviceAlarm });
}

/**
 * The rule's thermometer alarm after a change: turned off, it is being turned off (unless nothing was written);
 * turned on again or given new thresholds, it is written again by the next poll.
 */
function deviceAlarmAfter(stored: StoredAlarmRule, rule: AlarmRule, patch: UpdateAlarmRequest, clearing: boolean, at: string): DeviceAlarmStatus | undefined {
  if (!rule.deviceAlarm) return undefined;
  if (stored.rule.enabled && !rule.enabled) return clearing ? REMOVING_DEVICE_ALARM(at) : undefined;
  if (!rule.enabled) return undefined; // still off: new thresholds are written when it is turned on
  if (!stored.rule.enabled) return notWrittenYet(at);
  return CONDITION_FIELDS.some((f) => patch[f] !== undefined) ? notWrittenYet(at) : undefined;
}

export async function deleteAlarm(principal: Principal, alarmId: string, deps: Pick<ManageAlarmsDependencies, 'alarms' | 'clock' | 'live'>): Promise<{ deleted: true }> {
  // The thermometer's own alarm is turned off by the next poll. Asked for before the rule goes, so that a failure
  // in between leaves the rule to delete again rather than an alarm nobody will ever turn off.
  const clear = deviceAlarmClearFor(await ownRule(principal, alarmId, deps), deps.clock.now().toISOString());
  if (clear) await deps.alarms.requestDeviceAlarmClear(principal.accountId, clear);
  const removed = await deps.alarms.deleteRule(principal.accountId, alarmId);
  if (!removed) throw new NotFoundError(`No alarm ${alarmId}.`);
  await endOpenEvent(principal.accountId, removed.state.openEventId, deps);
  return { deleted: true };
}

/**
 * The open event of a rule deleted, turned off or given a new condition ends here (resolved): it no longer stands
 * for anything the rule watches, so an urgent one stops escalating (the notifier drops rounds of resolved events)
 * and the open pages take its banner down.
 */
async function endOpenEvent(accountId: string, openEventId: string | null, deps: Pick<ManageAlarmsDependencies, 'alarms' | 'clock' | 'live'>): Promise<void> {
  if (openEventId === null) return;
  const event = await deps.alarms.resolve(accountId, openEventId, deps.clock.now().toISOString());
  if (event && deps.live) await pushToAccountPages(accountId, alarmMessage('resolved', event), deps.live);
}

export async function listAlarmEvents(
  principal: Principal,
  query: { from?: string; to?: string; cursor?: string; limit: number },
  deps: Pick<ManageAlarmsDependencies, 'alarms' | 'clock'>,
): Promise<{ events: AlarmEventView[]; cursor?: string }> {
  assertNotTooFarAhead(deps.clock.now(), { from: query.from, to: query.to });
  const page = await deps.alarms.listEvents(principal.accountId, query);
  return { events: page.events.map(alarmEventView), ...(page.cursor !== undefined && { cursor: page.cursor }) };
}

/**
 * Acknowledging stops escalation: the notifier drops every later round of an acknowledged event. The account's other
 * open pages hear of it (an `alarm` message, change `acknowledged`), so the banner heard on the phone stops showing on
 * the laptop too.
 */
export async function acknowledgeAlarmEvent(
  principal: Principal,
  eventId: string,
  deps: Pick<ManageAlarmsDependencies, 'alarms' | 'clock' | 'live'>,
): Promise<AlarmEventView> {
  const via = principal.kind === 'apiToken' ? 'api' : 'web';
  const event = await deps.alarms.acknowledge(principal.accountId, eventId, deps.clock.now().toISOString(), via);
  if (!event) throw new NotFoundError(`No alarm event ${eventId}.`);
  if (deps.live) await pushToAccountPages(principal.accountId, alarmMessage('acknowledged', event), deps.live);
  return alarmEventView(event);
}
