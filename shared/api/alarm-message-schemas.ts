/**
 * The alarm shapes that also travel on the WebSocket (the `alarm` and `notification-channel` messages): apart from
 * schemas.ts, whose socket-message union every function's bundle carries: `liveMessageSchema` is that union with
 * these, for the browser (each Lambda bundle stays under its 300 KB budget).
 */
import * as z from '../validation/zod';
import { ALARM_EVENT_STATES } from '../alarms/alarm-event';
import { ALARM_KINDS } from '../alarms/alarm-rule';
import { isTimeZone } from '../alarms/quiet-hours';
import { WEBHOOK_PRESETS } from '../notify/notification-channel';
import { serverMessageSchema } from './schemas';

const temperatureUnits = z.enum(['F', 'C']);
const hhmm = z.string().check(z.regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'a time such as 22:00'));

export const quietHoursSchema = z.strictObject({
  start: hhmm,
  end: hhmm,
  timeZone: z.string().check(z.maxLength(64), z.refine(isTimeZone, 'an IANA time zone such as America/Chicago')),
});

export const deliveryViewSchema = z.object({
  channelId: z.string(),
  status: z.enum(['sending', 'sent', 'failed', 'retrying', 'quiet-hours', 'channel-disabled', 'channel-unverified', 'channel-missing']),
  round: z.number(),
  attempts: z.number(),
  at: z.string(),
  detail: z.nullable(z.string()),
});

export const alarmEventViewSchema = z.object({
  eventId: z.string(),
  alarmId: z.string(),
  state: z.enum(ALARM_EVENT_STATES),
  kind: z.enum(ALARM_KINDS),
  ruleName: z.nullable(z.string()),
  serial: z.string(),
  channel: z.nullable(z.string()),
  label: z.string(),
  value: z.nullable(z.number()),
  threshold: z.nullable(z.number()),
  units: temperatureUnits,
  message: z.string(),
  urgent: z.boolean(),
  firedAt: z.string(),
  deliveredAt: z.nullable(z.string()),
  acknowledgedAt: z.nullable(z.string()),
  acknowledgedVia: z.nullable(z.enum(['web', 'push', 'link', 'api'])),
  resolvedAt: z.nullable(z.string()),
  escalationRound: z.number(),
  deliveries: z.array(deliveryViewSchema),
});
export type AlarmEventView = z.infer<typeof alarmEventViewSchema>;
export const alarmEventListSchema = z.object({ events: z.array(alarmEventViewSchema), cursor: z.optional(z.string()) });

export const channelViewSchema = z.object({
  channelId: z.string(),
  type: z.enum(['webhook', 'web-push', 'email', 'sms']),
  name: z.string(),
  status: z.enum(['active', 'pending-verification', 'disabled']),
  disabledReason: z.nullable(z.string()),
  quietHours: z.nullable(quietHoursSchema),
  consecutiveFailures: z.number(),
  lastDelivery: z.nullable(z.object({ at: z.string(), status: z.enum(['sent', 'failed']), detail: z.nullable(z.string()) })),
  /** Where it goes, for display: the webhook URL, the push service's origin, the address, the phone's last digits. */
  destination: z.string(),
  preset: z.nullable(z.enum(WEBHOOK_PRESETS)),
  createdAt: z.string(),
});
export type ChannelView = z.infer<typeof channelViewSchema>;

// WebSocket: server → browser
export const alarmMessageSchema = z.object({
  type: z.literal('alarm'),
  change: z.enum(['fired', 'escalated', 'acknowledged', 'resolved']),
  event: alarmEventViewSchema,
});
export type AlarmMessage = z.infer<typeof alarmMessageSchema>;

export const channelMessageSchema = z.object({
  type: z.literal('notification-channel'),
  change: z.enum(['disabled', 'updated', 'tested']),
  channel: channelViewSchema,
});
export type ChannelMessage = z.infer<typeof channelMessageSchema>;


/** Every message the server sends on the WebSocket: what the web app parses. */
export const liveMessageSchema = z.union([serverMessageSchema, alarmMessageSchema, channelMessageSchema]);
