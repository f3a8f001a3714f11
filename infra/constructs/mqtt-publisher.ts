import { Duration } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { AlarmTopic } from './alarm-topic';
import type { DataStores } from './data-stores';
import { PitwatchFunction } from './pitwatch-function';
import { workQueue } from './work-queue';

export interface MqttPublisherProps {
  readonly data: DataStores;
  readonly alarms: AlarmTopic;
}

const publisherTimeout = Duration.seconds(30);

export const mqttPublisherSettings = {
  timeout: publisherTimeout,
  visibilityTimeout: Duration.seconds(publisherTimeout.toSeconds() * 6),
  /** A hand-off older than this is worthless: the next poll with news hands off again, and publishes what is stored. */
  retention: Duration.minutes(10),
  maxReceiveCount: 5,
  batchSize: 10,
  maxConcurrency: 10,
} as const;

/**
 * Home Assistant over MQTT (issue 14): the poll worker hands an account with news to an SQS queue (one SendMessage,
 * never a broker connection), and this publisher reads what the poll stored and publishes it to the user's broker.
 * So a broker that is slow, down or refusing never delays or fails a poll; its failures are recorded on the
 * integration's status and retried with backoff. Only this function (and the integrations routes, which test and
 * clear the broker) may open broker passwords.
 */
export class MqttPublisher extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  readonly publisher: PitwatchFunction;
  readonly deadLetterAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: MqttPublisherProps) {
    super(scope, id);
    const { data, alarms } = props;

    // The messages are an account id and a time: SSE-SQS is enough.
    ({ queue: this.queue, deadLetterQueue: this.deadLetterQueue, deadLetterAlarm: this.deadLetterAlarm } = workQueue(this, {
      visibilityTimeout: mqttPublisherSettings.visibilityTimeout,
      retention: mqttPublisherSettings.retention,
      maxReceiveCount: mqttPublisherSettings.maxReceiveCount,
      alarms,
      alarm: {
        name: 'MqttPublishDeadLetters',
        description: 'MQTT publishes failed on our side (DynamoDB, a bug) and were dead-lettered; broker failures are on each integration\'s status instead.',
      },
    }));

    this.publisher = new PitwatchFunction(this, 'Publisher', {
      entry: 'functions/mqtt/publisher.ts',
      description: 'MQTT publisher: Home Assistant discovery configs and states to the user\'s broker',
      memorySize: 256,
      timeout: mqttPublisherSettings.timeout,
      // Runs after polls with news, like the poll pipeline: its logs cover it, a trace per publish would not pay.
      tracing: false,
      environment: { ...data.environment, ...data.vaultEnvironment },
    });
    // The account partition (Query: devices, latest readings, cooks, the integration), the integration's status
    // (UpdateItem), the decrypt audit (PutItem).
    data.grantTable(this.publisher, ['Query', 'UpdateItem', 'PutItem']);
    data.grantVaultOpen(this.publisher, 'mqtt-broker-password');
    this.publisher.function.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: mqttPublisherSettings.batchSize,
        maxBatchingWindow: Duration.seconds(0),
        reportBatchItemFailures: true,
        maxConcurrency: mqttPublisherSettings.maxConcurrency,
      }),
    );

  }

  /** The poll worker may send hand-offs (SendMessage only) and learns the queue's URL. */
  acceptHandOffsFrom(worker: PitwatchFunction): void {
    worker.function.addEnvironment('MQTT_PUBLISH_QUEUE_URL', this.queue.queueUrl);
    this.queue.grant(worker, 'sqs:SendMessage');
  }
}
