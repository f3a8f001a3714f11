/**
 * The notify section of the configuration: read from the environment like shared/config.ts (which every function
 * loads), but only by the functions that notify, so that the others' bundles do not carry it.
 */
import * as z from '../validation/zod';
import { ConfigError } from '../config';

const notifyEnvSchema = z.object({
  /** The notify queue (alarm events, channel tests) the notifier reads. */
  NOTIFY_QUEUE_URL: z.optional(z.url()),
  /** Only set locally: the local SQS stand-in's endpoint. */
  SQS_ENDPOINT: z.optional(z.url()),
  /** The SES v2 sender identity (verified); email channels are offered only when set (locally: the SMTP catcher's). */
  NOTIFY_EMAIL_FROM: z.optional(z.email()),
  /** SMS through SNS is off unless this is set, and then at most this many per account per hour. */
  NOTIFY_SMS_PER_HOUR: z._default(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(100)), 0),
  /** Only set locally: email goes to this SMTP catcher (smtp://host:port) instead of SES. */
  NOTIFY_SMTP_URL: z.optional(z.string().check(z.regex(/^smtp:\/\/[^:/]+:[0-9]+$/))),
  /** Only set locally: SMS are appended to this file (the /dev/sms page) instead of sent through SNS. */
  NOTIFY_SMS_LOG_FILE: z.optional(z.string().check(z.minLength(1))),
  /** The web app's and the HTTP API's public origins, for links in notifications. */
  NOTIFY_APP_URL: z._default(z.url(), 'http://localhost:3000'),
  NOTIFY_API_URL: z._default(z.url(), 'http://localhost:3000/api'),
  /** Who push services contact about this deployment (VAPID `sub`): a mailto: or https: URL. */
  NOTIFY_VAPID_SUBJECT: z._default(z.string().check(z.regex(/^(mailto:|https:\/\/)/)), 'mailto:alarms@pitwatch.invalid'),
});

export interface NotifyConfig {
  queue: { url: string; endpoint: string | undefined } | undefined;
  emailFrom: string | undefined;
  /** 0: SMS is off. */
  smsPerHour: number;
  smtp: { host: string; port: number } | undefined;
  smsLogFile: string | undefined;
  appUrl: string;
  apiUrl: string;
  vapidSubject: string;
}

export function loadNotifyConfig(env: Record<string, string | undefined>): NotifyConfig {
  const parsed = notifyEnvSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const e = parsed.data;
  const smtp = e.NOTIFY_SMTP_URL ? new URL(e.NOTIFY_SMTP_URL) : undefined;
  return {
    queue: e.NOTIFY_QUEUE_URL ? { url: e.NOTIFY_QUEUE_URL, endpoint: e.SQS_ENDPOINT } : undefined,
    emailFrom: e.NOTIFY_EMAIL_FROM,
    smsPerHour: e.NOTIFY_SMS_PER_HOUR,
    smtp: smtp ? { host: smtp.hostname, port: Number(smtp.port) } : undefined,
    smsLogFile: e.NOTIFY_SMS_LOG_FILE,
    appUrl: e.NOTIFY_APP_URL,
    apiUrl: e.NOTIFY_API_URL,
    vapidSubject: e.NOTIFY_VAPID_SUBJECT,
  };
}
