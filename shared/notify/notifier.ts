/**
 * The one port every channel adapter implements: send this notification to this channel, and say how it went, in
 * terms the delivery step acts on (sent; retry later; failed for good; gone: the destination no longer exists, so
 * the channel is removed, as a push service's 404/410 means).
 */
import type { AlarmEventView } from '../api/alarm-schemas';
import type { NotificationChannel } from './notification-channel';

export type NotificationKind = 'alarm' | 'test' | 'verify' | 'channel-disabled';

export interface Notification {
  kind: NotificationKind;
  title: string;
  body: string;
  urgent: boolean;
  /** (event, channel, round): receivers may dedupe on it too (`Idempotency-Key`). */
  idempotencyKey: string;
  /** The event, for alarms. */
  event: AlarmEventView | null;
  round: number;
  /** Where the app shows it. */
  appUrl: string;
  /** POST {token} here to act without signing in (the API's /alarm-links). */
  linkUrl: string | null;
  /** Signed tokens for the actions this notification offers. */
  ackToken: string | null;
  snoozeToken: string | null;
  /** The page an email's link opens (the web app's /alarm-links?token=…, which previews with GET /api/alarm-links and acts with POST), for people rather than machines. */
  ackPageUrl: string | null;
  verifyPageUrl: string | null;
}

export type DeliveryResult =
  | { outcome: 'sent'; detail: string | null }
  | { outcome: 'retry'; detail: string }
  | { outcome: 'failed'; detail: string }
  | { outcome: 'gone'; detail: string };

export interface Notifier {
  send(channel: NotificationChannel, notification: Notification, secrets: { webhookSecret?: string }): Promise<DeliveryResult>;
}

/** 5xx, 429 and 408 may pass; other 4xx will not. */
export function resultOfStatus(status: number, detail: string): DeliveryResult {
  if (status >= 200 && status < 300) return { outcome: 'sent', detail: `HTTP ${status}` };
  if (status >= 500 || status === 429 || status === 408) return { outcome: 'retry', detail: `HTTP ${status}${detail ? `: ${detail}` : ''}` };
  return { outcome: 'failed', detail: `HTTP ${status}${detail ? `: ${detail}` : ''}` };
}
