import { Duration, Stack } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { AlarmTopic } from './alarm-topic';
import type { PitwatchFunction } from './pitwatch-function';

/** Where the poll functions publish (Powertools EMF: namespace Pitwatch, dimension `service`). */
const NAMESPACE = 'Pitwatch';
const worker = (metricName: string, statistic: string, label: string, period = Duration.minutes(1)) =>
  new cloudwatch.Metric({ namespace: NAMESPACE, metricName, dimensionsMap: { service: 'poll-worker' }, statistic, period, label });
const notifier = (metricName: string, statistic: string, label: string, period = Duration.minutes(5)) =>
  new cloudwatch.Metric({ namespace: NAMESPACE, metricName, dimensionsMap: { service: 'notifier' }, statistic, period, label });
const dispatcher = (metricName: string, statistic: string, label: string, period = Duration.minutes(1)) =>
  new cloudwatch.Metric({ namespace: NAMESPACE, metricName, dimensionsMap: { service: 'poll-dispatch' }, statistic, period, label });

/** The knobs of the Operations alarms, exported for the tests and the README. */
export const operationsSettings = {
  /** No reading ingested for this long while accounts are active and their devices online: the pipeline is stuck. */
  noReadingsWindow: Duration.minutes(10),
  /** Lambda errors plus throttles, all functions together, in `lambdaProblemsWindow`, above which to alarm. */
  lambdaProblemsThreshold: 5,
  lambdaProblemsWindow: Duration.minutes(5),
  /**
   * WebSocket frames API Gateway refused before any integration ran (ClientError: the stage's throttle, chiefly) in
   * `liveRefusedWindow`, above which to alarm. A visible page pings every 1.5 s, so a throttled stage passes this in
   * seconds; a stray malformed frame does not.
   */
  liveRefusedThreshold: 20,
  liveRefusedWindow: Duration.minutes(5),
} as const;

export interface DeadLetterQueueWatch {
  /** How the dashboard names it. */
  readonly name: string;
  readonly queue: sqs.IQueue;
}

export interface OperationsProps {
  readonly alarms: AlarmTopic;
  /** Every function of the stack: errors, throttles and duration p95 per function. */
  readonly functions: readonly PitwatchFunction[];
  readonly webSocketApi: apigwv2.WebSocketApi;
  /** Dead-letter queues shown on the dashboard (each already alarms when above 0). */
  readonly deadLetterQueues: readonly DeadLetterQueueWatch[];
  /** Alarms defined with their concern (dead letters, dispatcher errors), shown beside these. */
  readonly otherAlarms?: readonly cloudwatch.IAlarm[];
}

/**
 * The `Operations` CloudWatch dashboard and the alarms that go with it (GitHub issue 15): poll latency, readings
 * ingested, errors by class, failing accounts, dead-letter queues, WebSocket traffic and every function's errors,
 * throttles and duration; alarms when no reading is ingested while accounts are active, when Lambda errors or
 * throttles pile up, and when the live stage refuses frames. Each alarm notifies the AlarmTopic; what each means and what to do is in the README.
 *
 * Extension point for the alarms issue (notifier deliveries and failures, webhook dead letters): call
 * `addSection(title, widgets)` with its widgets, and pass its dead-letter queues in `deadLetterQueues`.
 */
export class Operations extends Construct {
  readonly dashboard: cloudwatch.Dashboard;
  readonly noReadingsAlarm: cloudwatch.Alarm;
  readonly lambdaProblemsAlarm: cloudwatch.Alarm;
  readonly liveRefusedAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: OperationsProps) {
    super(scope, id);
    const { alarms } = props;

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: `${Stack.of(this).stackName}-Operations`,
      defaultInterval: Duration.hours(6),
    });

    this.addSection('Polling', [
      new cloudwatch.GraphWidget({
        title: 'Poll latency (worker invocation)',
        left: [worker('PollLatency', 'p50', 'p50'), worker('PollLatency', 'p95', 'p95')],
        leftYAxis: { label: 'ms', showUnits: false, min: 0 },
        width: 8,
      }),
      new cloudwatch.GraphWidget({ title: 'Readings ingested per minute', left: [worker('ReadingsIngested', 'Sum', 'readings')], width: 8 }),
      new cloudwatch.GraphWidget({
        title: 'Poll errors by class',
        left: [
          new cloudwatch.MathExpression({
            expression: `SEARCH('{${NAMESPACE},errorClass,service} MetricName="PollErrors"', 'Sum', 60)`,
            label: '',
            period: Duration.minutes(1),
          }),
        ],
        width: 8,
      }),
    ]);

    this.addSection('Accounts and queues', [
      new cloudwatch.GraphWidget({
        title: 'Accounts: active, failing, devices reporting',
        left: [
          dispatcher('AccountsActive', 'Maximum', 'active (polled every 15 s)'),
          worker('AccountsFailing', 'Sum', 'failing polls (ThermoWorks errors, time budget)'),
          worker('DevicesReporting', 'Maximum', 'devices online and reporting'),
          worker('AccountsStale', 'Sum', 'stale polls (a cook going on, no reading for 10 min)'),
        ],
        width: 12,
      }),
      new cloudwatch.GraphWidget({
        title: 'Dead-letter queues (messages)',
        left: props.deadLetterQueues.map((d) => d.queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum', label: d.name })),
        width: 12,
      }),
    ]);

    this.addSection('Notifications', [
      new cloudwatch.GraphWidget({
        title: 'Alarm notifications: delivered and failed (all channels)',
        left: [notifier('NotificationsSent', 'Sum', 'delivered'), notifier('NotificationsFailed', 'Sum', 'failed (retried, then the channel is disabled)')],
        width: 24,
      }),
    ]);

    const apiId = props.webSocketApi.apiId;
    const ws = (metricName: string, label: string, period = Duration.minutes(1)) =>
      new cloudwatch.Metric({ namespace: 'AWS/ApiGateway', metricName, dimensionsMap: { ApiId: apiId }, statistic: 'Sum', period, label });
    this.addSection('Live updates', [
      new cloudwatch.GraphWidget({ title: 'WebSocket connections opened and messages', left: [ws('ConnectCount', 'connections opened')], right: [ws('MessageCount', 'messages')], width: 12 }),
      new cloudwatch.GraphWidget({ title: 'WebSocket errors', left: [ws('ClientError', '4xx'), ws('ExecutionError', 'integration errors')], width: 12 }),
    ]);

    const perFunction = (pick: (fn: PitwatchFunction) => cloudwatch.IMetric) => props.functions.map(pick);
    const name = (fn: PitwatchFunction) => fn.node.id;
    this.addSection('Lambda, per function', [
      new cloudwatch.GraphWidget({ title: 'Errors', left: perFunction((fn) => fn.function.metricErrors({ statistic: 'Sum', period: Duration.minutes(5), label: name(fn) })), width: 8 }),
      new cloudwatch.GraphWidget({ title: 'Throttles', left: perFunction((fn) => fn.function.metricThrottles({ statistic: 'Sum', period: Duration.minutes(5), label: name(fn) })), width: 8 }),
      new cloudwatch.GraphWidget({
        title: 'Duration p95',
        left: perFunction((fn) => fn.function.metricDuration({ statistic: 'p95', period: Duration.minutes(5), label: name(fn) })),
        leftYAxis: { label: 'ms', showUnits: false, min: 0 },
        width: 8,
      }),
    ]);

    // No readings for 10 minutes while the dispatcher polls active accounts and ThermoWorks shows devices online that
    // upload often. A worker that never runs publishes nothing: its device count is then taken as "some".
    const window = operationsSettings.noReadingsWindow;
    this.noReadingsAlarm = new cloudwatch.Alarm(this, 'NoReadingsAlarm', {
      alarmName: alarms.alarmName('NoReadingsIngested'),
      alarmDescription:
        'No reading was stored for 10 minutes while accounts are active: the poll pipeline is stuck or ThermoWorks is not answering. See the Operations dashboard (poll errors by class, failing accounts, Lambda errors) and README "Alarms".',
      metric: new cloudwatch.MathExpression({
        expression: 'IF(FILL(active, 0) > 0 AND FILL(reporting, 1) > 0 AND FILL(readings, 0) == 0, 1, 0)',
        usingMetrics: {
          active: dispatcher('AccountsActive', 'Maximum', 'active', window),
          reporting: worker('DevicesReporting', 'Maximum', 'reporting', window),
          readings: worker('ReadingsIngested', 'Sum', 'readings', window),
        },
        period: window,
        label: 'stuck',
      }),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarms.notify(this.noReadingsAlarm);

    // All functions together, from Lambda's account-wide metrics: one alarm whatever the number of functions (an
    // alarm's metric math takes 10 metrics at most); the dashboard shows which function it was.
    const lambdaWindow = operationsSettings.lambdaProblemsWindow;
    this.lambdaProblemsAlarm = new cloudwatch.Alarm(this, 'LambdaProblemsAlarm', {
      alarmName: alarms.alarmName('LambdaErrorsOrThrottles'),
      alarmDescription: `More than ${operationsSettings.lambdaProblemsThreshold} Lambda errors or throttles in 5 minutes. The Operations dashboard shows which function; its log group has the error. README "Alarms".`,
      metric: new cloudwatch.MathExpression({
        expression: 'FILL(errors, 0) + FILL(throttles, 0)',
        usingMetrics: {
          errors: new cloudwatch.Metric({ namespace: 'AWS/Lambda', metricName: 'Errors', statistic: 'Sum', period: lambdaWindow }),
          throttles: new cloudwatch.Metric({ namespace: 'AWS/Lambda', metricName: 'Throttles', statistic: 'Sum', period: lambdaWindow }),
        },
        period: lambdaWindow,
        label: 'errors + throttles',
      }),
      threshold: operationsSettings.lambdaProblemsThreshold,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarms.notify(this.lambdaProblemsAlarm);

    // The live stage's throttle (-c liveMessagesPerSecond) is shared by every browser: past it API Gateway refuses
    // frames before the ping route or $default runs, pongs go missing and pages reconnect. Nothing else shows it.
    this.liveRefusedAlarm = new cloudwatch.Alarm(this, 'LiveRefusedAlarm', {
      alarmName: alarms.alarmName('LiveUpdatesThrottled'),
      alarmDescription: `More than ${operationsSettings.liveRefusedThreshold} WebSocket frames refused by API Gateway in 5 minutes (ClientError, chiefly the stage's throttle): browsers miss their pongs and reconnect. Deploy with a higher -c liveMessagesPerSecond (README "Scaling").`,
      metric: ws('ClientError', 'refused frames', operationsSettings.liveRefusedWindow),
      threshold: operationsSettings.liveRefusedThreshold,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarms.notify(this.liveRefusedAlarm);

    this.addSection('Alarms', [
      new cloudwatch.AlarmStatusWidget({
        title: 'Pitwatch alarms',
        alarms: [this.noReadingsAlarm, this.lambdaProblemsAlarm, this.liveRefusedAlarm, ...(props.otherAlarms ?? [])],
        width: 24,
      }),
    ]);
  }

  /** A titled row of widgets (the extension point for later concerns, e.g. the notifier's deliveries). */
  addSection(title: string, widgets: cloudwatch.IWidget[]): void {
    this.dashboard.addWidgets(new cloudwatch.TextWidget({ markdown: `## ${title}`, width: 24, height: 1 }));
    this.dashboard.addWidgets(...widgets);
  }

}
