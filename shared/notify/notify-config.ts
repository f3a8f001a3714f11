/**
 * The notify section of the configuration: read from the environment like shared/config.ts (which every function
 * loads), but only by the functions that notify, so that the others' bundles do not carry it.
 */
import * as z from 'zod';
import { ConfigError } from '../config';

const notifyEnvSchema = z.object({
  /** The notify queue (alarm events, channel tests) the notifier reads. */
  NOTIFY_QUEUE_URL: z.string().url().optional(),
  /** Only set locally: the local SQS stand-in's endpoint. */
  SQS_ENDPOINT: z.string().url().optional(),
  /** The SES v2 sender identity (verified); email channels are offered only when set (locally: the SMTP catcher's). */
  NOTIFY_EMAIL_FROM: z.string().email().optional(),
  /** SMS through SNS is off unless this is set, and then at most this many per account per hour. */
  NOTIFY_SMS_PER_HOUR: z.coerce.number().int().min(0).max(100).default(0),
  /** Only set locally: email goes to this SMTP catcher (smtp://host:port) instead of SES. */
  NOTIFY_SMTP_URL: z.string().regex(/^smtp:\/\/[^:/]+:[0-9]+$/).optional(),
  /** Only set locally: SMS are appended to this file (the /dev/sms page) instead of sent through SNS. */
  NOTIFY_SMS_LOG_FILE: z.string().min(1).optional(),
  /** The web app's and the HTTP API's public origins, for links in notifications. */
  NOTIFY_APP_URL: z.string().url().default('http://localhost:3000'),
  NOTIFY_API_URL: z.string().url().default('http://localhost:3000/api'),
  /** Who push services contact about this deployment (VAPID `sub`): a mailto: or https: URL. */
  NOTIFY_VAPID_SUBJECT: z.string().regex(/^(mailto:|https:\/\/)/).default('mailto:alarms@pitwatch.invalid'),
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
