import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { PermanentSendError } from '../notify/email-notifier';
import { SesEmailSender } from './ses-email-sender';

const ses = mockClient(SESv2Client);
const message = { to: 'cook@example.com', subject: 'Brisket: target reached', text: 'Point probe at 203 °F.' };

describe('SesEmailSender', () => {
  beforeEach(() => ses.reset());

  it('sends one plain-text email from the verified sender', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'm1' });
    await new SesEmailSender(async () => new SESv2Client({ region: 'us-east-1' }), 'alarms@pit.example.com').send(message);
    expect(ses.commandCalls(SendEmailCommand).map((c) => c.args[0].input)).toEqual([
      {
        FromEmailAddress: 'alarms@pit.example.com',
        Destination: { ToAddresses: ['cook@example.com'] },
        Content: {
          Simple: {
            Subject: { Data: 'Brisket: target reached', Charset: 'UTF-8' },
            Body: { Text: { Data: 'Point probe at 203 °F.', Charset: 'UTF-8' } },
          },
        },
      },
    ]);
  });

  it('calls a refusal no retry can fix permanent, and rethrows anything else for a retry', async () => {
    const sender = new SesEmailSender(async () => new SESv2Client({ region: 'us-east-1' }), 'alarms@pit.example.com');
    ses.on(SendEmailCommand).rejectsOnce(Object.assign(new Error('Email address is not verified.'), { name: 'MessageRejected' })).rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' }));
    await expect(sender.send(message)).rejects.toBeInstanceOf(PermanentSendError);
    const transient = await sender.send(message).catch((error: unknown) => error);
    expect(transient).not.toBeInstanceOf(PermanentSendError);
    expect((transient as Error).name).toBe('TooManyRequestsException');
  });
});
