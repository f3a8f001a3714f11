/**
 * Hand-written readers for the alarm API's bodies (the socket's alarm messages are read by
 * ../live/serverMessageReader.ts with the other socket messages). The browser carries no zod (bundle budget): each reader checks the fields the screens rely on,
 * with the shared schemas' types for the result, and answers `null` for anything off-contract.
 */
import type { AlarmEventView, AlarmView, ChannelView } from '../../../shared/api/alarm-schemas';
import { ALARM_KINDS } from '../../../shared/alarms/alarm-rule';

type Json = Record<string, unknown>;
type FieldKind = 'string' | 'number' | 'boolean' | 'string|null' | 'number|null' | 'array' | 'object' | 'object|null';

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldIs(value: unknown, kind: FieldKind): boolean {
  switch (kind) {
    case 'string|null':
      return value === null || typeof value === 'string';
    case 'number|null':
      return value === null || typeof value === 'number';
    case 'object|null':
      return value === null || isObject(value);
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    default:
      return typeof value === kind;
  }
}

function hasFields(value: unknown, fields: Record<string, FieldKind>): value is Json {
  return isObject(value) && Object.entries(fields).every(([name, kind]) => fieldIs(value[name], kind));
}

const oneOf = <T extends string>(value: unknown, allowed: readonly T[]): value is T => typeof value === 'string' && (allowed as readonly string[]).includes(value);

const EVENT_STATES = ['fired', 'delivered', 'acknowledged', 'resolved'] as const;
const CHANNEL_TYPES = ['webhook', 'web-push', 'email', 'sms'] as const;
const CHANNEL_STATUSES = ['active', 'pending-verification', 'disabled'] as const;

export function readAlarm(value: unknown): AlarmView | null {
  const ok =
    hasFields(value, {
      alarmId: 'string',
      name: 'string|null',
      serial: 'string',
      channel: 'string|null',
      threshold: 'number|null',
      low: 'number|null',
      high: 'number|null',
      minutes: 'number|null',
      units: 'string',
      hysteresis: 'number',
      cooldownMinutes: 'number',
      notify: 'array',
      urgent: 'boolean',
      enabled: 'boolean',
      snoozedUntil: 'string|null',
      deviceAlarm: 'object|null',
      state: 'object',
    }) &&
    oneOf(value.kind, ALARM_KINDS) &&
    oneOf(value.units, ['F', 'C']) &&
    hasFields(value.state, { armed: 'boolean', breached: 'boolean', lastFiredAt: 'string|null' });
  return ok ? (value as unknown as AlarmView) : null;
}

export function readAlarmEvent(value: unknown): AlarmEventView | null {
  const ok =
    hasFields(value, {
      eventId: 'string',
      alarmId: 'string',
      ruleName: 'string|null',
      serial: 'string',
      channel: 'string|null',
      label: 'string',
      value: 'number|null',
      threshold: 'number|null',
      message: 'string',
      urgent: 'boolean',
      firedAt: 'string',
      acknowledgedAt: 'string|null',
      resolvedAt: 'string|null',
      escalationRound: 'number',
      deliveries: 'array',
    }) &&
    oneOf(value.state, EVENT_STATES) &&
    oneOf(value.kind, ALARM_KINDS) &&
    oneOf(value.units, ['F', 'C']) &&
    (value.deliveries as unknown[]).every((d) => hasFields(d, { channelId: 'string', status: 'string', at: 'string', detail: 'string|null' }));
  return ok ? (value as unknown as AlarmEventView) : null;
}

export function readChannel(value: unknown): (ChannelView & { secret?: string }) | null {
  const ok =
    hasFields(value, {
      channelId: 'string',
      name: 'string',
      disabledReason: 'string|null',
      consecutiveFailures: 'number',
      lastDelivery: 'object|null',
      destination: 'string',
      preset: 'string|null',
      createdAt: 'string',
    }) &&
    oneOf(value.type, CHANNEL_TYPES) &&
    oneOf(value.status, CHANNEL_STATUSES) &&
    (value.lastDelivery === null || hasFields(value.lastDelivery, { at: 'string', status: 'string', detail: 'string|null' })) &&
    (value.secret === undefined || typeof value.secret === 'string');
  return ok ? (value as unknown as ChannelView & { secret?: string }) : null;
}

/** Every item read, or null if any is off-contract (a list is trusted whole or not at all). */
export function readList<T>(value: unknown, read: (item: unknown) => T | null): T[] | null {
  if (!Array.isArray(value)) return null;
  const items: T[] = [];
  for (const item of value) {
    const read1 = read(item);
    if (read1 === null) return null;
    items.push(read1);
  }
  return items;
}
