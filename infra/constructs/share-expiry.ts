import { Duration } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { AlarmTopic } from './alarm-topic';
import type { DataStores } from './data-stores';
import type { LiveUpdates } from './live-updates';
import { PitwatchFunction } from './pitwatch-function';
import { workQueue } from './work-queue';

export interface ShareExpiryProps {
  readonly data: DataStores;
  readonly live: LiveUpdates;
  readonly alarms: AlarmTopic;
}

/**
 * Share links' sockets close when the link expires (shared/sharing/share-expiry.ts): making a share queues a message
 * delayed until its expiry, hopping 15 minutes at a time (SQS's longest delay); the delivery at the expiry closes
 * the share's sockets. SQS delays are to the second, and a link lasts 72 hours at most (288 hops): no scheduler to
 * create, pay for per link, or clean up.
 */
export class ShareExpiry extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  readonly deadLetterAlarm: cloudwatch.Alarm;
  readonly expirer: PitwatchFunction;

  constructor(scope: Construct, id: string, props: ShareExpiryProps) {
    super(scope, id);
    const { data, live, alarms } = props;
    // The messages are an account id, a share id and a time: SSE-SQS is enough.
    ({ queue: this.queue, deadLetterQueue: this.deadLetterQueue, deadLetterAlarm: this.deadLetterAlarm } = workQueue(this, {
      visibilityTimeout: Duration.seconds(60),
      retention: Duration.days(1),
      maxReceiveCount: 5,
      alarms,
      alarm: {
        name: 'ShareExpiryDeadLetters',
        description: 'Closing the sockets of an expired share link failed five times: its viewers keep a socket until the next push closes it.',
      },
    }));
    this.expirer = new PitwatchFunction(this, 'Expirer', {
      entry: 'functions/ws/share-expiry.ts',
      description: 'Share expiry: closes the sockets of an expired share link; queues the expiry again while it is early',
      timeout: Duration.seconds(10),
      environment: { ...data.environment, WS_CALLBACK_URL: live.callbackUrl, SHARE_EXPIRY_QUEUE_URL: this.queue.queueUrl },
    });
    // The account's connections (Query on GSI1) and the closed ones' items (DeleteItem); push and close the sockets;
    // the next hop goes to its own queue.
    data.grantTable(this.expirer, ['Query', 'DeleteItem']);
    live.grantManage(this.expirer);
    this.queue.grant(this.expirer, 'sqs:SendMessage');
    this.expirer.function.addEventSource(new SqsEventSource(this.queue, { batchSize: 10, maxBatchingWindow: Duration.seconds(0), reportBatchItemFailures: true }));
  }

  /** Who makes share links (SendMessage only), and learns the queue's URL: the cooks routes. */
  acceptSchedulesFrom(fn: PitwatchFunction): void {
    fn.function.addEnvironment('SHARE_EXPIRY_QUEUE_URL', this.queue.queueUrl);
    this.queue.grant(fn, 'sqs:SendMessage');
  }
}
