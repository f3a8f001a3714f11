/** SMS channels (opt-in, off unless the deployment enables it): a short text, at most `perHour` per account per hour. */
import type { Clock } from '../clock';
import type { SmsRateLimiter } from './channel-store';
import { PermanentSendError } from './email-notifier';
import type { NotificationChannel } from './notification-channel';
import type { DeliveryResult, Notification, Notifier } from './notifier';

export interface SmsSender {
  send(phone: string, text: string): Promise<void>;
}

/** SMS is billed per segment: one segment of GSM text is 160 characters. */
export function smsText(n: Notification): string {
  const text = `Pitwatch${n.urgent ? ' URGENT' : ''}: ${n.body}`;
  return text.length <= 160 ? text : `${text.slice(0, 157)}...`;
}

export class SmsNotifier implements Notifier {
  constructor(
    private readonly sender: SmsSender,
    private readonly limiter: SmsRateLimiter,
    private readonly clock: Clock,
    private readonly perHour: number,
  ) {}

  async send(channel: NotificationChannel, notification: Notification): Promise<DeliveryResult> {
    if (channel.target.type !== 'sms') return { outcome: 'failed', detail: 'not an SMS channel' };
    if (!(await this.limiter.reserve(channel.accountId, this.clock.now(), this.perHour))) {
      return { outcome: 'failed', detail: `SMS limit reached (${this.perHour} an hour)` };
    }
    try {
      await this.sender.send(channel.target.phone, smsText(notification));
      return { outcome: 'sent', detail: null };
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return error instanceof PermanentSendError ? { outcome: 'failed', detail } : { outcome: 'retry', detail };
    }
  }
}
