import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { pollCadence } from '../../shared/polling/poll-cadence';
import type { AlarmTopic } from './alarm-topic';
import type { DataStores } from './data-stores';
import type { LiveUpdates } from './live-updates';
import { PitwatchFunction } from './pitwatch-function';
import { workQueue } from './work-queue';

export interface PollerProps {
  readonly data: DataStores;
  readonly live: LiveUpdates;
  /** Where the dead-letter and dispatcher-error alarms notify. */
  readonly alarms: AlarmTopic;
}

const workerTimeout = Duration.seconds(60);

/** The knobs of the poll pipeline, exported for the tests and the README. */
export const pollSettings = {
  /** Seconds between polls of an active account (shared/polling/poll-cadence.ts), given to both poll functions. */
  activeIntervalSeconds: pollCadence.activeIntervalSeconds,
  workerTimeout,
  /** AWS guidance for Lambda event sources: at least 6 × the function timeout, so a slow batch is not redelivered. */
  visibilityTimeout: Duration.seconds(workerTimeout.toSeconds() * 6),
  /** A poll older than this is worthless: the dispatcher has queued fresh ones every minute since. */
  retention: Duration.hours(1),
  /**
   * Receives before a message is dead-lettered. Also counts receives that an SQS event source returns unprocessed
   * when the worker is at maxConcurrency, so not lower than 5 (AWS's recommendation for Lambda consumers).
   */
  maxReceiveCount: 5,
  /**
   * X-Ray on the dispatcher and worker. Off: they run every minute for every account, and a trace per poll was the
   * largest line of a device's monthly cost (bench:cost reads this flag); their logs and metrics cover them.
   */
  tracing: false,
  /**
   * Batch size, batching window and memory: the cheapest per poll in bench:cost's batch tuning without delaying
   * readings. A batch of 10 shares one invocation, one receive and one delete among 10 polls; more than 10 needs a
   * batching window of at least a second, which readings would wait for. A poll waits on ThermoWorks and DynamoDB
   * far longer than it computes, so 256 MB (0.14 vCPU) costs least even for one account alone.
   */
  batchSize: 10,
  maxBatchingWindow: Duration.seconds(0),
  workerMemoryMb: 256,
  /** Caps the worker's share of the account's Lambda concurrency, and the parallel load on ThermoWorks Cloud. */
  maxConcurrency: 20,
} as const;

/**
 * The poll pipeline (GitHub issue 4): an EventBridge schedule runs the dispatcher once a minute (EventBridge's
 * finest rate), which queues one SQS message per due poll of every linked account, delayed to spread an active
 * account's polls `activeIntervalSeconds` apart. Workers poll ThermoWorks Cloud for a batch of accounts, store
 * readings and push them to open browsers; a poll that keeps failing lands in the dead-letter queue, which alarms.
 */
export class Poller extends Construct {
  readonly rule: events.Rule;
  readonly dispatcher: PitwatchFunction;
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  readonly worker: PitwatchFunction;
  readonly deadLetterAlarm: cloudwatch.Alarm;
  readonly dispatcherErrorsAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: PollerProps) {
    super(scope, id);
    const { data, live, alarms } = props;

    ({ queue: this.queue, deadLetterQueue: this.deadLetterQueue, deadLetterAlarm: this.deadLetterAlarm } = workQueue(this, {
      visibilityTimeout: pollSettings.visibilityTimeout,
      retention: pollSettings.retention,
      maxReceiveCount: pollSettings.maxReceiveCount,
      alarms,
      alarm: {
        name: 'PollDeadLetters',
        description: `Polls failed ${pollSettings.maxReceiveCount} times and were dead-lettered: check the poll worker's logs, then redrive or purge the dead-letter queue.`,
      },
    }));

    this.dispatcher = new PitwatchFunction(this, 'Dispatch', {
      entry: 'functions/poll/dispatch.ts',
      description: 'poll dispatcher: queues the polls due this minute for every linked account',
      memorySize: 256,
      timeout: Duration.seconds(60),
      tracing: pollSettings.tracing,
      environment: {
        ...data.environment,
        POLL_QUEUE_URL: this.queue.queueUrl,
        POLL_INTERVAL_SECONDS: String(pollSettings.activeIntervalSeconds),
      },
    });
    // It only lists linked accounts (GSI1) and queues messages: no writes, no vault, no pushes.
    data.grantTable(this.dispatcher, ['Query']);
    this.queue.grantSendMessages(this.dispatcher);
    // A failed tick is not retried: the next one a minute later queues fresh polls, whereas a retry would queue
    // this minute's twice. Failures show in the Errors alarm below instead.
    this.dispatcher.function.configureAsyncInvoke({ retryAttempts: 0, maxEventAge: Duration.minutes(2) });

    this.rule = new events.Rule(this, 'Schedule', {
      description: 'Pitwatch: dispatch ThermoWorks Cloud polls every minute',
      schedule: events.Schedule.rate(Duration.minutes(1)),
      targets: [new targets.LambdaFunction(this.dispatcher.function, { retryAttempts: 0 })],
    });

    this.worker = new PitwatchFunction(this, 'Worker', {
      entry: 'functions/poll/worker.ts',
      description: 'poll worker: ThermoWorks Cloud to history store and live pushes',
      memorySize: pollSettings.workerMemoryMb,
      timeout: pollSettings.workerTimeout,
      tracing: pollSettings.tracing,
      environment: {
        ...data.environment,
        ...data.vaultEnvironment,
        WS_CALLBACK_URL: live.callbackUrl,
        // Its gap detection expects the dispatcher's cadence: the same value, from the same source.
        POLL_INTERVAL_SECONDS: String(pollSettings.activeIntervalSeconds),
      },
    });
    // The batch's links (BatchGet; Update for the poll's result; Put when ThermoWorks rotates the refresh token), the
    // account partition (Query), one conditional UpdateItem per device (Get to re-read it when a concurrent poll won),
    // cook items and the decrypt audit (Put), connections (Query on GSI1; Delete when gone).
    data.grantTable(this.worker, ['BatchGetItem', 'GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem']);
    data.grantHistoryWrite(this.worker);
    // Opens the sealed refresh token; a rotated one is resealed under the same data key (no GenerateDataKey).
    data.grantVaultOpen(this.worker);
    // Pushes, and closes the sockets whose session has ended (a last session-ended message, then DeleteConnection).
    live.grantManage(this.worker);
    // Grants the worker ReceiveMessage, DeleteMessage, ChangeMessageVisibility and GetQueueAttributes/Url on the queue.
    this.worker.function.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: pollSettings.batchSize,
        // Readings should reach browsers seconds after they upload: hand over a batch as soon as there is one.
        maxBatchingWindow: pollSettings.maxBatchingWindow,
        // Only the failed accounts of a batch are redelivered, not the nine that were stored and pushed already.
        reportBatchItemFailures: true,
        maxConcurrency: pollSettings.maxConcurrency,
      }),
    );


    this.dispatcherErrorsAlarm = new cloudwatch.Alarm(this, 'DispatcherErrorsAlarm', {
      alarmName: alarms.alarmName('PollDispatcherErrors'),
      alarmDescription:
        'The poll dispatcher failed (DynamoDB or SQS error, or SQS refused messages): some accounts may have missed a minute of polls.',
      metric: this.dispatcher.function.metricErrors({ period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM }),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarms.notify(this.dispatcherErrorsAlarm);
  }
}
