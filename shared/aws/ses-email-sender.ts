/** EmailSender on SES v2, from the deployment's verified sender identity; refusals a retry cannot fix are permanent. */
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { PermanentSendError, type EmailMessage, type EmailSender } from '../notify/email-notifier';

const PERMANENT = new Set(['MessageRejected', 'MailFromDomainNotVerifiedException', 'AccountSuspendedException', 'SendingPausedException', 'BadRequestException', 'NotFoundException']);

export class SesEmailSender implements EmailSender {
  /**
   * `ses` resolves the client when the first email goes out. The SDK module is imported then, not at cold start: SES
   * is the notifier's heaviest import (about 30 ms of module init), and most alarms go to push or webhooks.
   */
  constructor(
    private readonly ses: () => Promise<SESv2Client>,
    private readonly from: string,
  ) {}

  async send(message: EmailMessage): Promise<void> {
    const [client, { SendEmailCommand }] = await Promise.all([this.ses(), import('@aws-sdk/client-sesv2')]);
    try {
      await client.send(
        new SendEmailCommand({
          FromEmailAddress: this.from,
          Destination: { ToAddresses: [message.to] },
          Content: { Simple: { Subject: { Data: message.subject, Charset: 'UTF-8' }, Body: { Text: { Data: message.text, Charset: 'UTF-8' } } } },
        }),
      );
    } catch (error) {
      if (error instanceof Error && PERMANENT.has(error.name)) throw new PermanentSendError(`SES refused: ${error.name}: ${error.message}`);
      throw error;
    }
  }
}
