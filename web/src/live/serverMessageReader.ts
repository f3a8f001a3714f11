/**
 * Reads one WebSocket message from the server into a ServerMessage, or undefined when it is off-contract (unknown
 * type, a field missing or of the wrong kind, not JSON): such a message is dropped, never trusted and never thrown.
 * Field for field the schemas in shared/api/schemas.ts and alarm-message-schemas.ts, without carrying zod into the
 * browser (see api/wireReader.ts). A new message type is one more entry in `readers`.
 */
import type { AlarmMessage, ChannelMessage } from '../../../shared/api/alarm-message-schemas';
import type { ServerMessage } from '../../../shared/api/schemas';
import { ALARM_EVENT_STATES } from '../../../shared/alarms/alarm-event';
import { ALARM_KINDS } from '../../../shared/alarms/alarm-rule';
import { isTimeZone } from '../../../shared/alarms/quiet-hours';
import { WEBHOOK_PRESETS } from '../../../shared/notify/notification-channel';
import { CHANNEL_UNITS } from '../../../shared/thermoworks/channel-unit';
import { array, boolean, isObject, nullable, number, object, oneOf, readOrUndefined, string, WireShapeError, type Reader } from '../api/wireReader';
import { cookAlertShape, probePredictionShape, readCookView, readServeCheck } from '../api/wireShapes';

type MessageOf<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>;

/** quietHoursSchema: exactly these three fields, times as HH:MM, a zone Intl knows. */
const HHMM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const hhmm: Reader<string> = (value, at = '') => (typeof value === 'string' && HHMM.test(value) ? value : fail(at, 'a time such as 22:00'));
const readQuietHours: Reader<ChannelMessage['channel']['quietHours'] & object> = (value, at = '') => {
  const hours = object({ start: hhmm, end: hhmm, timeZone: string })(value, at);
  if (isObject(value) && Object.keys(value).length !== 3) return fail(at, 'start, end and timeZone only');
  return hours.timeZone.length <= 64 && isTimeZone(hours.timeZone) ? hours : fail(`${at}.timeZone`, 'an IANA time zone');
};

function fail(at: string, expected: string): never {
  throw new WireShapeError(at, expected);
}

const readAlarmMessage: Reader<AlarmMessage> = object({
  type: oneOf(['alarm']),
  change: oneOf(['fired', 'escalated', 'acknowledged', 'resolved']),
  event: object({
    eventId: string,
    alarmId: string,
    state: oneOf(ALARM_EVENT_STATES),
    kind: oneOf(ALARM_KINDS),
    ruleName: nullable(string),
    serial: string,
    channel: nullable(string),
    label: string,
    value: nullable(number),
    threshold: nullable(number),
    units: oneOf(['F', 'C']),
    message: string,
    urgent: boolean,
    firedAt: string,
    deliveredAt: nullable(string),
    acknowledgedAt: nullable(string),
    acknowledgedVia: nullable(oneOf(['web', 'push', 'link', 'api'])),
    resolvedAt: nullable(string),
    escalationRound: number,
    deliveries: array(
      object({
        channelId: string,
        status: oneOf(['sending', 'sent', 'failed', 'retrying', 'quiet-hours', 'channel-disabled', 'channel-missing']),
        round: number,
        attempts: number,
        at: string,
        detail: nullable(string),
      }),
    ),
  }),
});

const readChannelMessage: Reader<ChannelMessage> = object({
  type: oneOf(['notification-channel']),
  change: oneOf(['disabled', 'updated', 'tested']),
  channel: object({
    channelId: string,
    type: oneOf(['webhook', 'web-push', 'email', 'sms']),
    name: string,
    status: oneOf(['active', 'pending-verification', 'disabled']),
    disabledReason: nullable(string),
    quietHours: nullable(readQuietHours),
    consecutiveFailures: number,
    lastDelivery: nullable(object({ at: string, status: oneOf(['sent', 'failed']), detail: nullable(string) })),
    destination: string,
    preset: nullable(oneOf(WEBHOOK_PRESETS)),
    createdAt: string,
  }),
});

const readers: { [T in ServerMessage['type']]: Reader<MessageOf<T>> } = {
  readings: object({
    type: oneOf(['readings']),
    serial: string,
    channels: array(
      object({ channel: string, value: nullable(number), units: oneOf(CHANNEL_UNITS), status: string, probeConnected: boolean, at: string }),
      1,
    ),
  }),
  prediction: object({ type: oneOf(['prediction']), serial: string, ...probePredictionShape }),
  'serve-check': object({ type: oneOf(['serve-check']), serial: string, cookId: string, serveAt: string, check: readServeCheck }),
  alert: object({ type: oneOf(['alert']), serial: string, ...cookAlertShape }),
  cook: object({ type: oneOf(['cook']), change: oneOf(['started', 'updated', 'ended']), serial: string, cook: readCookView }),
  pong: object({ type: oneOf(['pong']) }),
  error: object({ type: oneOf(['error']), code: string, message: string }),
  'session-ended': object({ type: oneOf(['session-ended']), reason: oneOf(['signed-out', 'revoked', 'expired', 'account-deleted']) }),
  alarm: readAlarmMessage,
  'notification-channel': readChannelMessage,
};

/** A parsed JSON value as a server message, or undefined when it is not one. */
export function readServerMessage(json: unknown): ServerMessage | undefined {
  if (!isObject(json) || typeof json.type !== 'string' || !Object.hasOwn(readers, json.type)) return undefined;
  const reader = readers[json.type as ServerMessage['type']] as Reader<ServerMessage>;
  return readOrUndefined(reader, json);
}

/** A socket frame (text) as a server message, or undefined when it is not JSON or not a server message. */
export function parseServerFrame(data: unknown): ServerMessage | undefined {
  if (typeof data !== 'string') return undefined;
  try {
    return readServerMessage(JSON.parse(data));
  } catch {
    return undefined;
  }
}
