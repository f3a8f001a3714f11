/** Webhook channels: POST the preset's JSON, signed with the channel's secret, under the egress policy. */
import type { Clock } from '../clock';
import type { HttpPost } from './guarded-http';
import type { NotificationChannel } from './notification-channel';
import { resultOfStatus, type DeliveryResult, type Notification, type Notifier } from './notifier';
import { EgressRefusedError } from '../egress/ssrf-guard';
import { SIGNATURE_HEADER, signWebhook } from './webhook-signature';
import { webhookRequest } from './webhook-payloads';

export const WEBHOOK_TIMEOUT_MS = 5000;

export class WebhookNotifier implements Notifier {
  constructor(
    private readonly post: HttpPost,
    private readonly clock: Clock,
  ) {}

  async send(channel: NotificationChannel, notification: Notification, secrets: { webhookSecret?: string }): Promise<DeliveryResult> {
    if (channel.target.type !== 'webhook') return { outcome: 'failed', detail: 'not a webhook channel' };
    if (!secrets.webhookSecret) return { outcome: 'failed', detail: 'the channel secret could not be opened' };
    const request = webhookRequest(channel.target.preset, channel.target.url, notification);
    try {
      const answer = await this.post(request.url, {
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Pitwatch-Webhook/1',
          [SIGNATURE_HEADER]: signWebhook(secrets.webhookSecret, request.body, this.clock.now()),
          'idempotency-key': notification.idempotencyKey,
        },
        body: request.body,
        timeoutMs: WEBHOOK_TIMEOUT_MS,
      });
      return resultOfStatus(answer.status, answer.body.slice(0, 120));
    } catch (error) {
      if (error instanceof EgressRefusedError) return { outcome: 'failed', detail: `refused: ${error.message}` };
      return { outcome: 'retry', detail: error instanceof Error ? error.message : String(error) };
    }
  }
}
