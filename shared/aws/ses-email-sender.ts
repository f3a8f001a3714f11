/** EmailSender on SES v2, from the deployment's verified sender identity; refusals a retry cannot fix are permanent. */
import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import { PermanentSendError, type EmailMessage, type EmailSender } from '../notify/email-notifier';

const PERMANENT = new Set(['MessageRejected', 'MailFromDomainNotVerifiedException', 'AccountSuspendedException', 'SendingPausedException', 'BadRequestException', 'NotFoundException']);

export class SesEmailSender implements EmailSender {
  constructor(
    private readonly ses: SESv2Client,
    private readonly from: string,
  ) {}

  async send(message: EmailMessage): Promise<void> {
    try {
      await this.ses.send(
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
