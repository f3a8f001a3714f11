import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { PermanentSendError } from '../notify/email-notifier';
import { SnsSmsSender } from './sns-sms-sender';

const sns = mockClient(SNSClient);

describe('SnsSmsSender', () => {
  beforeEach(() => sns.reset());

  it('publishes straight to the phone number as a transactional SMS', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'm1' });
    await new SnsSmsSender(async () => new SNSClient({ region: 'us-east-1' })).send('+15555550100', 'Pitwatch: Brisket point 203 °F');
    expect(sns.commandCalls(PublishCommand).map((c) => c.args[0].input)).toEqual([
      {
        PhoneNumber: '+15555550100',
        Message: 'Pitwatch: Brisket point 203 °F',
        MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } },
      },
    ]);
  });

  it('calls an opted-out number permanent, and rethrows anything else for a retry', async () => {
    const sender = new SnsSmsSender(async () => new SNSClient({ region: 'us-east-1' }));
    sns.on(PublishCommand).rejectsOnce(Object.assign(new Error('Phone number is opted out'), { name: 'OptedOutException' })).rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'ThrottledException' }));
    await expect(sender.send('+15555550100', 'x')).rejects.toBeInstanceOf(PermanentSendError);
    const transient = await sender.send('+15555550100', 'x').catch((error: unknown) => error);
    expect(transient).not.toBeInstanceOf(PermanentSendError);
    expect((transient as Error).name).toBe('ThrottledException');
  });
});
