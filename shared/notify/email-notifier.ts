/** Email channels: plain text with a link to acknowledge, through the EmailSender port (SES in AWS, SMTP locally). */
import type { NotificationChannel } from './notification-channel';
import type { DeliveryResult, Notification, Notifier } from './notifier';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface EmailSender {
  send(message: EmailMessage): Promise<void>;
}

/** A sender's failure that a retry cannot fix (a refused address, a sender not verified). */
export class PermanentSendError extends Error {
  override name = 'PermanentSendError';
}

export function emailFor(n: Notification): Omit<EmailMessage, 'to'> {
  const lines = [n.body, ''];
  if (n.kind === 'verify' && n.verifyPageUrl) lines.push(`Confirm this address for Pitwatch alarms: ${n.verifyPageUrl}`, '', 'If you did not ask for this, ignore this email.');
  if (n.ackPageUrl) lines.push(`Acknowledge: ${n.ackPageUrl}`);
  lines.push(`Open Pitwatch: ${n.appUrl}`);
  return { subject: `${n.urgent ? '[URGENT] ' : ''}${n.title}`, text: lines.join('\n') };
}

export class EmailNotifier implements Notifier {
  constructor(private readonly sender: EmailSender) {}

  async send(channel: NotificationChannel, notification: Notification): Promise<DeliveryResult> {
    if (channel.target.type !== 'email') return { outcome: 'failed', detail: 'not an email channel' };
    try {
      await this.sender.send({ to: channel.target.address, ...emailFor(notification) });
      return { outcome: 'sent', detail: null };
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return error instanceof PermanentSendError ? { outcome: 'failed', detail } : { outcome: 'retry', detail };
    }
  }
}
