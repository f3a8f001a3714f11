/**
 * Web Push: `web-push` builds the request (VAPID JWT, RFC 8291 aes128gcm payload encryption with the subscription's
 * keys); it is sent with the guarded POST like a webhook (push endpoints are user-supplied URLs too). The service
 * worker shows it with "Acknowledge" and "Snooze 10 min" actions, which post the signed tokens in the payload.
 * A 404 or 410 means the browser unsubscribed: the channel is removed.
 */
import webpush from 'web-push';
import type { HttpPost } from './guarded-http';
import type { NotificationChannel } from './notification-channel';
import { resultOfStatus, type DeliveryResult, type Notification, type Notifier } from './notifier';
import { EgressRefusedError } from '../egress/ssrf-guard';

export interface VapidIdentity {
  subject: string;
  publicKey: string;
  privateKey: string;
}

/** What the service worker reads from the push message. */
export function pushPayload(n: Notification): string {
  return JSON.stringify({
    title: n.title,
    body: n.body,
    urgent: n.urgent,
    tag: n.event ? `pitwatch-${n.event.eventId}` : `pitwatch-${n.kind}`,
    url: n.appUrl,
    eventId: n.event?.eventId ?? null,
    linkUrl: n.linkUrl,
    ackToken: n.ackToken,
    snoozeToken: n.snoozeToken,
  });
}

export class WebPushNotifier implements Notifier {
  constructor(
    private readonly post: HttpPost,
    private readonly vapid: () => Promise<VapidIdentity>,
  ) {}

  async send(channel: NotificationChannel, notification: Notification): Promise<DeliveryResult> {
    if (channel.target.type !== 'web-push') return { outcome: 'failed', detail: 'not a push channel' };
    const vapid = await this.vapid();
    const details = webpush.generateRequestDetails(channel.target.subscription, pushPayload(notification), {
      vapidDetails: vapid,
      // Urgent alarms wake the phone; others may wait for it to wake.
      urgency: notification.urgent ? 'high' : 'normal',
      TTL: notification.urgent ? 3600 : 600,
      contentEncoding: 'aes128gcm',
      topic: notification.event ? notification.event.eventId.replace(/[^A-Za-z0-9_-]/g, '').slice(-32) : undefined,
    });
    try {
      const answer = await this.post(details.endpoint, {
        headers: Object.fromEntries(Object.entries(details.headers).map(([k, v]) => [k, String(v)])),
        body: details.body ?? Buffer.alloc(0),
        timeoutMs: 5000,
      });
      if (answer.status === 404 || answer.status === 410) return { outcome: 'gone', detail: `the push service answered ${answer.status}: subscription expired` };
      return resultOfStatus(answer.status, answer.body.slice(0, 120));
    } catch (error) {
      if (error instanceof EgressRefusedError) return { outcome: 'failed', detail: `refused: ${error.message}` };
      return { outcome: 'retry', detail: error instanceof Error ? error.message : String(error) };
    }
  }
}
