/** SmsSender on SNS: a direct publish to the phone number, as a transactional SMS (alarms are not marketing). */
import type { SNSClient } from '@aws-sdk/client-sns';
import { PermanentSendError } from '../notify/email-notifier';
import type { SmsSender } from '../notify/sms-notifier';

const PERMANENT = new Set(['InvalidParameterException', 'InvalidParameterValueException', 'OptedOutException', 'AuthorizationErrorException']);

export class SnsSmsSender implements SmsSender {
  /** `sns` resolves the client on the first SMS; the SDK module is imported then, as SesEmailSender's is. */
  constructor(private readonly sns: () => Promise<SNSClient>) {}

  async send(phone: string, text: string): Promise<void> {
    const [client, { PublishCommand }] = await Promise.all([this.sns(), import('@aws-sdk/client-sns')]);
    try {
      await client.send(
        new PublishCommand({
          PhoneNumber: phone,
          Message: text,
          MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } },
        }),
      );
    } catch (error) {
      if (error instanceof Error && PERMANENT.has(error.name)) throw new PermanentSendError(`SNS refused: ${error.name}: ${error.message}`);
      throw error;
    }
  }
}
