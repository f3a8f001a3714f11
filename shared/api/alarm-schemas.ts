/**
 * Wire contracts of alarms and notification channels: rules (/alarms), their events (/alarm-events), signed links
 * (/alarm-links), channels (/notification-channels), and the `alarm` and `notification-channel` WebSocket messages.
 */
import * as z from '../validation/zod';
import { ALARM_EVENT_STATES } from '../alarms/alarm-event';
import {
  ALARM_KINDS,
  DEVICE_KINDS,
  MAX_ESCALATE_EVERY_MINUTES,
  PROBE_KINDS,
  TEMPERATURE_KINDS,
  type AlarmKind,
} from '../alarms/alarm-rule';
import { WEBHOOK_PRESETS } from '../notify/notification-channel';
import { channelViewSchema, quietHoursSchema } from './alarm-message-schemas';
import { channelNumberSchema, idSchema, instantSchema, queryInteger, serialSchema } from './wire-formats';

const temperatureUnits = z.enum(['F', 'C']);
const name = z.string().check(z.trim(), z.minLength(1), z.maxLength(80));
const channelIds = z.array(idSchema).check(z.maxLength(10));

const ruleNumbers = {
  /** above/below (°), battery-below (%), signal-weak (dBm), pit-out-of-band (set point, °), target-reached (override, °). */
  threshold: z.optional(z.number().check(z.minimum(-200), z.maximum(1000))),
  low: z.optional(z.number().check(z.minimum(-200), z.maximum(1000))),
  high: z.optional(z.number().check(z.minimum(-200), z.maximum(1000))),
  band: z.optional(z.number().check(z.positive(), z.maximum(200))),
  /** eta-within / device-offline: minutes; probe-disconnected: grace minutes. */
  minutes: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(24 * 60))),
  hysteresis: z.optional(z.number().check(z.minimum(0), z.maximum(50))),
  cooldownMinutes: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(24 * 60))),
  escalateEveryMinutes: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(MAX_ESCALATE_EVERY_MINUTES))),
};

const needs: Partial<Record<AlarmKind, ReadonlyArray<'threshold' | 'low' | 'high' | 'minutes'>>> = {
  above: ['threshold'],
  below: ['threshold'],
  outside: ['low', 'high'],
  'battery-below': ['threshold'],
  'signal-weak': ['threshold'],
  'pit-out-of-band': ['threshold'],
  'eta-within': ['minutes'],
};

export const createAlarmRequestSchema = z
  .strictObject({
    serial: serialSchema,
    /** The probe; left out for device kinds (offline, battery, signal). */
    channel: z.optional(channelNumberSchema),
    kind: z.enum(ALARM_KINDS),
    name: z.optional(name),
    ...ruleNumbers,
    units: z._default(temperatureUnits, 'F'),
    notify: z._default(channelIds, []),
    urgent: z._default(z.boolean(), false),
    enabled: z._default(z.boolean(), true),
    /** Also set the thermometer's own alarm (above/below/outside on a probe), so the device beeps. */
    deviceAlarm: z._default(z.boolean(), false),
  })
  .check(z.superRefine((r, ctx) => {
    for (const field of needs[r.kind] ?? []) {
      if (r[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `${r.kind} needs ${field}` });
    }
    if (PROBE_KINDS.includes(r.kind) && r.channel === undefined) ctx.addIssue({ code: 'custom', path: ['channel'], message: `${r.kind} watches a probe: give its channel` });
    if (DEVICE_KINDS.includes(r.kind) && r.channel !== undefined) ctx.addIssue({ code: 'custom', path: ['channel'], message: `${r.kind} watches the device: no channel` });
    if (r.low !== undefined && r.high !== undefined && r.high - r.low <= 2 * (r.hysteresis ?? 2)) {
      ctx.addIssue({ code: 'custom', path: ['high'], message: 'high must be above low by more than twice the hysteresis' });
    }
    if (r.deviceAlarm && !['above', 'below', 'outside'].includes(r.kind)) ctx.addIssue({ code: 'custom', path: ['deviceAlarm'], message: 'the thermometer itself only alarms above, below or outside a range' });
  }));
export type CreateAlarmRequest = z.infer<typeof createAlarmRequestSchema>;

export const updateAlarmRequestSchema = z
  .strictObject({
    name: z.optional(z.nullable(name)),
    ...ruleNumbers,
    notify: z.optional(channelIds),
    urgent: z.optional(z.boolean()),
    enabled: z.optional(z.boolean()),
    /** Snooze for this many minutes from now; 0 ends a snooze. */
    snoozeMinutes: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(24 * 60))),
  })
  .check(z.refine((p) => Object.keys(p).length > 0, { message: 'change at least one field' }));
export type UpdateAlarmRequest = z.infer<typeof updateAlarmRequestSchema>;

export const alarmParamsSchema = z.strictObject({ alarmId: idSchema });
export const alarmListQuerySchema = z.strictObject({ serial: z.optional(serialSchema), channel: z.optional(channelNumberSchema) });

export const deviceAlarmViewSchema = z.object({
  /** pending: the next poll writes it; written: the thermometer has it; failed (detail says why); unsupported (RFX meat probes). */
  status: z.enum(['pending', 'written', 'failed', 'unsupported', 'removing', 'off']),
  detail: z.nullable(z.string()),
  at: z.nullable(z.string()),
});

export const alarmViewSchema = z.object({
  alarmId: z.string(),
  name: z.nullable(z.string()),
  serial: z.string(),
  channel: z.nullable(z.string()),
  cookId: z.nullable(z.string()),
  kind: z.enum(ALARM_KINDS),
  threshold: z.nullable(z.number()),
  low: z.nullable(z.number()),
  high: z.nullable(z.number()),
  band: z.nullable(z.number()),
  minutes: z.nullable(z.number()),
  units: temperatureUnits,
  hysteresis: z.number(),
  cooldownMinutes: z.number(),
  notify: z.array(z.string()),
  urgent: z.boolean(),
  escalateEveryMinutes: z.number(),
  enabled: z.boolean(),
  snoozedUntil: z.nullable(z.string()),
  deviceAlarm: z.nullable(deviceAlarmViewSchema),
  state: z.object({ armed: z.boolean(), breached: z.boolean(), lastFiredAt: z.nullable(z.string()), lastValue: z.nullable(z.number()) }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AlarmView = z.infer<typeof alarmViewSchema>;
export const alarmListSchema = z.object({ alarms: z.array(alarmViewSchema) });
export const deletedSchema = z.object({ deleted: z.literal(true) });

// Alarm events
export const alarmEventsQuerySchema = z
  .strictObject({
    from: z.optional(instantSchema),
    to: z.optional(instantSchema),
    cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(200), z.regex(/^[A-Za-z0-9_-]+$/, 'a cursor as returned'))),
    limit: z._default(queryInteger(1, 100), 50),
  })
  .check(z.refine((q) => q.from === undefined || q.to === undefined || Date.parse(q.from) < Date.parse(q.to), { message: 'from must be before to', path: ['from'] }));

export const eventParamsSchema = z.strictObject({ eventId: idSchema });

/**
 * A signed link token (shared/notify/signed-link.ts): `<payload>.<signature>`, both base64url. Only its shape is
 * checked here (else 400); a token of that shape that does not verify is LINK_INVALID (403), an old one LINK_EXPIRED (410).
 */
const linkTokenSchema = z.string().check(z.minLength(10), z.maxLength(1024), z.regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, 'a link token'));
export const LINK_ACTS = ['ack', 'snooze', 'verify'] as const;

/** POST /alarm-links: a signed token from an email, a webhook payload or a push notification's button. */
export const alarmLinkRequestSchema = z.strictObject({ token: linkTokenSchema });
/** GET /alarm-links?token=…: what the link would do, changing nothing (the page an email's link opens shows it). */
export const alarmLinkQuerySchema = z.strictObject({ token: linkTokenSchema });
export const alarmLinkResponseSchema = z.object({
  action: z.enum(['acknowledged', 'snoozed', 'verified']),
  eventId: z.optional(z.string()),
  channelId: z.optional(z.string()),
  /** Snooze: the rule is quiet until then. */
  snoozedUntil: z.optional(z.string()),
  message: z.string(),
});
export const alarmLinkPreviewSchema = z.object({
  act: z.enum(LINK_ACTS),
  /** When the link stops working. */
  expiresAt: z.string(),
  /** What following the link does now, in words (or that it has been done: following it again is harmless). */
  message: z.string(),
  /** The act has been done already (acknowledged, verified): following the link again changes nothing. */
  done: z.boolean(),
  /** ack, snooze: the alarm and its event. */
  alarm: z.nullable(
    z.object({ alarmId: z.string(), name: z.nullable(z.string()), kind: z.enum(ALARM_KINDS), serial: z.string(), channel: z.nullable(z.string()), label: z.string(), snoozedUntil: z.nullable(z.string()) }),
  ),
  event: z.nullable(
    z.object({ eventId: z.string(), state: z.enum(ALARM_EVENT_STATES), message: z.string(), value: z.nullable(z.number()), units: temperatureUnits, urgent: z.boolean(), firedAt: z.string(), acknowledgedAt: z.nullable(z.string()) }),
  ),
  /** verify: the email channel. */
  channel: z.nullable(z.object({ channelId: z.string(), type: z.enum(['webhook', 'web-push', 'email', 'sms']), name: z.string(), destination: z.string(), status: z.enum(['active', 'pending-verification', 'disabled']) })),
});
export type AlarmLinkPreview = z.infer<typeof alarmLinkPreviewSchema>;
export type AlarmLinkResult = z.infer<typeof alarmLinkResponseSchema>;

// Notification channels
const httpsUrl = z.string().check(z.maxLength(2048), z.url(), z.refine((u) => /^https?:\/\//i.test(u), 'an http(s) URL'));
export const pushSubscriptionSchema = z.strictObject({
  endpoint: httpsUrl,
  expirationTime: z.optional(z.nullable(z.number())),
  keys: z.strictObject({
    p256dh: z.string().check(z.regex(/^[A-Za-z0-9_-]{80,100}={0,2}$/, 'a P-256 public key, base64url')),
    auth: z.string().check(z.regex(/^[A-Za-z0-9_-]{16,24}={0,2}$/, '16 bytes, base64url')),
  }),
});

export const createChannelRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('webhook'), url: httpsUrl, name: z.optional(name), preset: z._default(z.enum(WEBHOOK_PRESETS), 'generic'), quietHours: z.optional(quietHoursSchema) }),
  z.strictObject({ type: z.literal('web-push'), subscription: pushSubscriptionSchema, name: z.optional(name), quietHours: z.optional(quietHoursSchema) }),
  z.strictObject({ type: z.literal('email'), address: z.string().check(z.trim(), z.email(), z.maxLength(320)), name: z.optional(name), quietHours: z.optional(quietHoursSchema) }),
  z.strictObject({
    type: z.literal('sms'),
    phone: z.string().check(z.regex(/^\+[1-9][0-9]{6,14}$/, 'a phone number in E.164 form, e.g. +15555550100')),
    /** SMS is opt-in: the user must say so. */
    optIn: z.literal(true),
    name: z.optional(name),
    quietHours: z.optional(quietHoursSchema),
  }),
]);
export type CreateChannelRequest = z.infer<typeof createChannelRequestSchema>;

export const updateChannelRequestSchema = z
  .strictObject({ name: z.optional(name), enabled: z.optional(z.boolean()), quietHours: z.optional(z.nullable(quietHoursSchema)) })
  .check(z.refine((p) => Object.keys(p).length > 0, { message: 'change at least one field' }));
export const channelParamsSchema = z.strictObject({ channelId: idSchema });

export const createdChannelSchema = z.extend(channelViewSchema, {
  /** Webhooks only, and only in this answer: the HMAC secret of Pitwatch-Signature. */
  secret: z.optional(z.string()),
});

export const channelListSchema = z.object({
  channels: z.array(channelViewSchema),
  /** The VAPID public key browsers subscribe with (applicationServerKey). */
  vapidPublicKey: z.string(),
  email: z.object({ available: z.boolean() }),
  sms: z.object({ available: z.boolean(), perHour: z.number() }),
});
export const testQueuedSchema = z.object({
  queued: z.literal(true),
  channelId: z.string(),
  /** `verification`: the channel is an email address not confirmed yet, so its verification email was sent again. */
  sent: z.enum(['test', 'verification']),
});

export { TEMPERATURE_KINDS };
export * from './alarm-message-schemas';
