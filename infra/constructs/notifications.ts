import { Arn, Duration, Stack } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { AlarmTopic } from './alarm-topic';
import type { DataStores } from './data-stores';
import type { LiveUpdates } from './live-updates';
import { PitwatchFunction } from './pitwatch-function';
import { workQueue } from './work-queue';

export interface NotificationsProps {
  readonly data: DataStores;
  readonly live: LiveUpdates;
  readonly alarms: AlarmTopic;
  /** The web app's origin, for links in notifications. */
  readonly appUrl: string;
  /** SES v2 sender identity (a verified address); unset: no email channels. */
  readonly emailFrom?: string;
  /** SMS per account per hour through SNS; 0 (the default): SMS is off. */
  readonly smsPerHour?: number;
}

const notifierTimeout = Duration.seconds(30);

export const notifySettings = {
  timeout: notifierTimeout,
  visibilityTimeout: Duration.seconds(notifierTimeout.toSeconds() * 6),
  /** An alarm older than a day is history, not news. */
  retention: Duration.days(1),
  maxReceiveCount: 5,
  batchSize: 10,
  maxConcurrency: 5,
} as const;

/**
 * Alarm delivery (issue 13): the poll worker writes alarm events and queues them here (one SendMessage, never a
 * webhook call), and the notifier delivers each to the rule's channels: webhooks, Web Push, email (SES), SMS (SNS),
 * and open pages. Escalation rounds and channel retries are delayed messages on the same queue (SQS delays reach 15
 * minutes, more than the 5-minute default round; one queue and no scheduler to pay for or clean up). What fails on
 * our side five times is dead-lettered and raises an alarm; a user's failing webhook is on its channel instead.
 */
export class Notifications extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  readonly notifier: PitwatchFunction;
  readonly deadLetterAlarm: cloudwatch.Alarm;
  /** What the channels routes need to say which channel types this deployment offers. */
  readonly availabilityEnvironment: Record<string, string>;

  constructor(scope: Construct, id: string, props: NotificationsProps) {
    super(scope, id);
    const { data, live, alarms } = props;

    // The messages are ids (account, event, channel) and a round: SSE-SQS is enough.
    ({ queue: this.queue, deadLetterQueue: this.deadLetterQueue, deadLetterAlarm: this.deadLetterAlarm } = workQueue(this, {
      visibilityTimeout: notifySettings.visibilityTimeout,
      retention: notifySettings.retention,
      maxReceiveCount: notifySettings.maxReceiveCount,
      alarms,
      alarm: {
        name: 'NotifyDeadLetters',
        description: 'Alarm notifications failed on our side (DynamoDB, KMS, a bug) five times and were dead-lettered: someone may not have been woken.',
      },
    }));

    const smsPerHour = props.smsPerHour ?? 0;
    this.availabilityEnvironment = {
      ...(props.emailFrom && { NOTIFY_EMAIL_FROM: props.emailFrom }),
      ...(smsPerHour > 0 && { NOTIFY_SMS_PER_HOUR: String(smsPerHour) }),
    };
    this.notifier = new PitwatchFunction(this, 'Notifier', {
      entry: 'functions/notify/notifier.ts',
      description: 'Notifier: alarm events to webhooks, Web Push, email, SMS and open pages; escalation rounds',
      memorySize: 256,
      timeout: notifySettings.timeout,
      environment: {
        ...data.environment,
        ...data.vaultEnvironment,
        WS_CALLBACK_URL: live.callbackUrl,
        NOTIFY_QUEUE_URL: this.queue.queueUrl,
        NOTIFY_APP_URL: props.appUrl,
        ...this.availabilityEnvironment,
      },
    });
    // Events (GetItem, UpdateItem: claims, deliveries, escalation), channels (Query, GetItem, UpdateItem: outcomes,
    // DeleteItem: a push subscription gone), the SMS counters (UpdateItem), the deployment's secrets (GetItem), the
    // decrypt audit (PutItem), open pages (connections Query on GSI1, DeleteItem when gone).
    data.grantTable(this.notifier, ['GetItem', 'Query', 'UpdateItem', 'DeleteItem', 'PutItem']);
    data.grantVaultOpen(this.notifier, 'notification-secret');
    live.grantManage(this.notifier);
    // Retries and escalation rounds are delayed messages to its own queue.
    this.queue.grant(this.notifier, 'sqs:SendMessage');
    this.notifier.function.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: notifySettings.batchSize,
        maxBatchingWindow: Duration.seconds(0),
        reportBatchItemFailures: true,
        maxConcurrency: notifySettings.maxConcurrency,
      }),
    );
    if (props.emailFrom) {
      // Only from the one sender identity (the address or its domain, whichever SES verified).
      const stack = Stack.of(this);
      const identity = (name: string) => Arn.format({ service: 'ses', resource: 'identity', resourceName: name }, stack);
      this.notifier.role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: ['ses:SendEmail'],
          resources: [identity(props.emailFrom), identity(props.emailFrom.split('@')[1]!)],
          conditions: { StringEquals: { 'ses:FromAddress': props.emailFrom } },
        }),
      );
    }
    if (smsPerHour > 0) {
      // Publishing straight to a phone number has no resource ARN; denying every topic keeps it to SMS.
      this.notifier.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] }));
      this.notifier.role.addToPrincipalPolicy(
        new iam.PolicyStatement({ effect: iam.Effect.DENY, actions: ['sns:Publish'], resources: [Arn.format({ service: 'sns', resource: '*' }, Stack.of(this))] }),
      );
    }

  }

  /** Who may queue notifications (SendMessage only), and learns the queue's URL: the poll worker, the channels routes. */
  acceptNotificationsFrom(fn: PitwatchFunction): void {
    fn.function.addEnvironment('NOTIFY_QUEUE_URL', this.queue.queueUrl);
    this.queue.grant(fn, 'sqs:SendMessage');
  }

  /** Links in notifications point at the API (acknowledge links). */
  setApiUrl(apiUrl: string): void {
    this.notifier.function.addEnvironment('NOTIFY_API_URL', apiUrl);
  }
}
