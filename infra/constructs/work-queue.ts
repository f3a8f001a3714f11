/**
 * A queue a Lambda consumes, with the dead-letter queue its failures end in and the alarm that says something did:
 * the poll, MQTT publish and notify queues are all built this way. The pieces are created in the caller's scope with
 * fixed ids (`Queue`, `DeadLetterQueue`, `DeadLetterAlarm`), so each construct keeps its own logical ids.
 */
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { AlarmTopic } from './alarm-topic';

export interface WorkQueueProps {
  visibilityTimeout: Duration;
  retention: Duration;
  /** Receives before a message is dead-lettered. */
  maxReceiveCount: number;
  /** The alarm's name (AlarmTopic.alarmName suffix) and what it tells whoever is paged. */
  alarm: { name: string; description: string };
  alarms: AlarmTopic;
}

export interface WorkQueue {
  queue: sqs.Queue;
  deadLetterQueue: sqs.Queue;
  deadLetterAlarm: cloudwatch.Alarm;
}

/** SQS keeps a dead-lettered message's original enqueue time; 14 days (the maximum) leaves time to investigate. */
const DEAD_LETTER_RETENTION = Duration.days(14);

export function workQueue(scope: Construct, props: WorkQueueProps): WorkQueue {
  // SQS-managed SSE (SSE-SQS) satisfies AwsSolutions-SQS2 at no cost: the messages are ids and times.
  const deadLetterQueue = new sqs.Queue(scope, 'DeadLetterQueue', {
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: DEAD_LETTER_RETENTION,
  });
  const queue = new sqs.Queue(scope, 'Queue', {
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    visibilityTimeout: props.visibilityTimeout,
    retentionPeriod: props.retention,
    deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: props.maxReceiveCount },
  });
  const deadLetterAlarm = new cloudwatch.Alarm(scope, 'DeadLetterAlarm', {
    alarmName: props.alarms.alarmName(props.alarm.name),
    alarmDescription: props.alarm.description,
    metric: deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1) }),
    threshold: 0,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 1,
    datapointsToAlarm: 1,
    // SQS stops publishing metrics for a queue idle for hours: an empty DLQ must not look like a problem.
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
  props.alarms.notify(deadLetterAlarm);
  return { queue, deadLetterQueue, deadLetterAlarm };
}
