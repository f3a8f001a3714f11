import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableDesign } from '../shared/aws/table-design';
import { pollCadence } from '../shared/polling/poll-cadence';
import { timestreamRetention, vaultEncryptionContext } from './constructs/data-stores';
import { routeKeyOf } from '../shared/api/route-definition';
import { routeList } from '../shared/api/route-table';
import { httpThrottle } from './constructs/http-api';
import { spaRewriteSource } from './constructs/website';
import { liveStageName } from './constructs/live-updates';
import type { PitwatchFunction } from './constructs/pitwatch-function';
import { operationsSettings } from './constructs/operations';
import { pollSettings } from './constructs/poller';
import type { PitwatchStack } from './pitwatch-stack';
import {
  actionsOf,
  allowedActions,
  cfnValidateFindings,
  functionProps,
  logicalId,
  nagFindings,
  statementsOf,
  synthesize,
  type Synthesized,
} from './test-support';

// One synthesis (with real esbuild bundling) for the whole file.
let synth: Synthesized;
let stack: PitwatchStack;
let template: Template;
type FunctionName =
  | 'dispatcher'
  | 'worker'
  | 'login'
  | 'sessions'
  | 'tokens'
  | 'settings'
  | 'devices'
  | 'account'
  | 'history'
  | 'cooks'
  | 'integrations'
  | 'alarms'
  | 'notifications'
  | 'alarm-links'
  | 'metrics'
  | 'openapi'
  | 'share'
  | 'privacy'
  | 'fallback'
  | 'connect'
  | 'disconnect'
  | 'message'
  | 'mqttPublisher'
  | 'notifier'
  | 'shareExpirer';
let fns: Record<FunctionName, PitwatchFunction>;

beforeAll(async () => {
  // Synthesis with bundling blocks this worker for a minute or more: let vitest's pending RPC calls answer first, or
  // their 60 s deadline passes while blocked and the run reports an error.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  synth = synthesize({ historyStore: 'timestream', deletionProtection: true }, { bundle: true });
  ({ stack, template } = synth);
  fns = {
    dispatcher: stack.poller.dispatcher,
    worker: stack.poller.worker,
    ...stack.http.functions,
    fallback: stack.http.fallbackFn,
    connect: stack.live.connectFn,
    disconnect: stack.live.disconnectFn,
    message: stack.live.messageFn,
    mqttPublisher: stack.mqtt.publisher,
    notifier: stack.notifications.notifier,
    shareExpirer: stack.shareExpiry.expirer,
  };
});

const getAtt = (id: string, attr = 'Arn') => ({ 'Fn::GetAtt': [id, attr] });
const ref = (id: string) => ({ Ref: id });

describe('DataStores', () => {
  it('creates the table from tableDesign: keys, on-demand, TTL, GSI1, PITR, deletion protection', () => {
    const [gsi] = tableDesign.globalSecondaryIndexes;
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        KeySchema: [
          { AttributeName: tableDesign.partitionKey, KeyType: 'HASH' },
          { AttributeName: tableDesign.sortKey, KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        TimeToLiveSpecification: { AttributeName: tableDesign.timeToLiveAttribute, Enabled: true },
        GlobalSecondaryIndexes: [
          {
            IndexName: gsi.indexName,
            KeySchema: [
              { AttributeName: gsi.partitionKey, KeyType: 'HASH' },
              { AttributeName: gsi.sortKey, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
        Replicas: [
          Match.objectLike({
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
            DeletionProtectionEnabled: true,
          }),
        ],
      },
    });
  });

  it('keeps history in Timestream with memory/magnetic retention and magnetic-store writes', () => {
    template.resourceCountIs('AWS::Timestream::Database', 1);
    template.hasResource('AWS::Timestream::Table', {
      DeletionPolicy: 'Retain',
      Properties: {
        DatabaseName: ref(logicalId(stack.data.timestream!.database)),
        RetentionProperties: {
          MemoryStoreRetentionPeriodInHours: String(timestreamRetention.memoryStoreHours),
          MagneticStoreRetentionPeriodInDays: String(timestreamRetention.magneticStoreDays),
        },
        MagneticStoreWriteProperties: { EnableMagneticStoreWrites: true },
      },
    });
  });

  it('creates the vault key with rotation, retained (one key for every kind of secret)', () => {
    template.resourceCountIs('AWS::KMS::Key', 1);
    template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain', Properties: { EnableKeyRotation: true } });
  });
});

describe('Poller', () => {
  it('runs the dispatcher every minute, without EventBridge or async retries', () => {
    template.resourceCountIs('AWS::Events::Rule', 1);
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      State: 'ENABLED',
      Targets: [Match.objectLike({ Arn: getAtt(logicalId(fns.dispatcher.function)), RetryPolicy: { MaximumRetryAttempts: 0 } })],
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'events.amazonaws.com',
      FunctionName: getAtt(logicalId(fns.dispatcher.function)),
      SourceArn: getAtt(logicalId(stack.poller.rule)),
    });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: ref(logicalId(fns.dispatcher.function)),
      MaximumRetryAttempts: 0,
    });
  });

  it('sizes the dispatcher (60 s, 256 MB) and the worker (60 s, 256 MB: the cheapest per poll in bench:cost)', () => {
    expect(functionProps(template, fns.dispatcher)).toMatchObject({ Timeout: 60, MemorySize: 256 });
    expect(functionProps(template, fns.worker)).toMatchObject({ Timeout: 60, MemorySize: 256 });
  });

  it('queues polls with SSE-SQS, 6 x the worker timeout of visibility, 1 h retention, and a redrive to the DLQ after 5 receives', () => {
    template.resourceCountIs('AWS::SQS::Queue', 8); // the poll queue, the MQTT publish queue, the notify queue, the share-expiry queue, and a DLQ each
    template.hasResourceProperties('AWS::SQS::Queue', {
      VisibilityTimeout: 360,
      MessageRetentionPeriod: 3600,
      SqsManagedSseEnabled: true,
      RedrivePolicy: { deadLetterTargetArn: getAtt(logicalId(stack.poller.deadLetterQueue)), maxReceiveCount: 5 },
    });
    const queues = template.findResources('AWS::SQS::Queue') as Record<string, { Properties: Record<string, unknown> }>;
    // Tied to the worker's timeout (AWS guidance for Lambda event sources), so raising one cannot forget the other.
    expect(queues[logicalId(stack.poller.queue)]!.Properties.VisibilityTimeout).toBe(6 * Number(functionProps(template, fns.worker).Timeout));
    expect(queues[logicalId(stack.poller.deadLetterQueue)]!.Properties).toEqual({
      MessageRetentionPeriod: 14 * 24 * 3600,
      SqsManagedSseEnabled: true,
    });
  });

  it('denies non-TLS access to both queues', () => {
    for (const queue of [stack.poller.queue, stack.poller.deadLetterQueue]) {
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [ref(logicalId(queue))],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Action: 'sqs:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    }
  });

  it('feeds the worker batches of 10 from the poll queue, at once, reporting partial failures, at most 20 at a time', () => {
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', 4); // this one, the MQTT publisher's, the notifier's and the share expirer's
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: getAtt(logicalId(stack.poller.queue)),
      FunctionName: ref(logicalId(fns.worker.function)),
      BatchSize: 10,
      MaximumBatchingWindowInSeconds: 0,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: pollSettings.maxConcurrency },
    });
  });

  it('alarms to the topic as soon as a poll is dead-lettered', () => {
    const topic = ref(logicalId(stack.alarms.topic));
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: getAtt(logicalId(stack.poller.deadLetterQueue), 'QueueName') }],
      Statistic: 'Maximum',
      Period: 60,
      EvaluationPeriods: 1,
      DatapointsToAlarm: 1,
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [topic],
      OKActions: [topic],
    });
  });

  it('alarms to the topic when the dispatcher fails', () => {
    const topic = ref(logicalId(stack.alarms.topic));
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: ref(logicalId(fns.dispatcher.function)) }],
      Statistic: 'Sum',
      Period: 300,
      EvaluationPeriods: 1,
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [topic],
    });
  });
});

describe('MqttPublisher', () => {
  it('feeds the publisher the hand-offs from its own queue, reporting partial failures, and dead-letters after 5 tries', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: getAtt(logicalId(stack.mqtt.queue)),
      FunctionName: ref(logicalId(fns.mqttPublisher.function)),
      BatchSize: 10,
      MaximumBatchingWindowInSeconds: 0,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    template.hasResourceProperties('AWS::SQS::Queue', {
      VisibilityTimeout: 6 * Number(functionProps(template, fns.mqttPublisher).Timeout),
      MessageRetentionPeriod: 600,
      SqsManagedSseEnabled: true,
      RedrivePolicy: { deadLetterTargetArn: getAtt(logicalId(stack.mqtt.deadLetterQueue)), maxReceiveCount: 5 },
    });
  });
});

describe('Notifications', () => {
  it('feeds the notifier from the notify queue, reporting partial failures, dead-letters after 5 tries, and alarms on the DLQ', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: getAtt(logicalId(stack.notifications.queue)),
      FunctionName: ref(logicalId(fns.notifier.function)),
      BatchSize: 10,
      MaximumBatchingWindowInSeconds: 0,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    template.hasResourceProperties('AWS::SQS::Queue', {
      VisibilityTimeout: 6 * Number(functionProps(template, fns.notifier).Timeout),
      MessageRetentionPeriod: 86_400,
      SqsManagedSseEnabled: true,
      RedrivePolicy: { deadLetterTargetArn: getAtt(logicalId(stack.notifications.deadLetterQueue)), maxReceiveCount: 5 },
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: getAtt(logicalId(stack.notifications.deadLetterQueue), 'QueueName') }],
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
  });

  it('only the poll worker, the channels routes and the notifier itself may send to the notify queue', () => {
    const senders = Object.entries(fns).filter(([, fn]) =>
      statementsOf(template, fn).some((s) => actionsOf(s).includes('sqs:SendMessage') && JSON.stringify(s.Resource) === JSON.stringify(getAtt(logicalId(stack.notifications.queue)))),
    );
    expect(senders.map(([name]) => name).sort()).toEqual(['notifications', 'notifier', 'worker']);
  });

  it('with notifyEmailFrom, sends email from that identity only; with smsPerHour, SMS to phone numbers but no topic', () => {
    const withBoth = synthesize({ historyStore: 'dynamodb', deletionProtection: false, notifyEmailFrom: 'alarms@pit.example.com', smsPerHour: 5 }, { bundle: false });
    const notifier = withBoth.stack.notifications.notifier;
    const statements = statementsOf(withBoth.template, notifier);
    const identity = (name: string) => ({ 'Fn::Join': ['', ['arn:', ref('AWS::Partition'), ':ses:', ref('AWS::Region'), ':', ref('AWS::AccountId'), `:identity/${name}`]] });
    expect(statements).toContainEqual({
      Effect: 'Allow',
      Action: 'ses:SendEmail',
      Resource: [identity('alarms@pit.example.com'), identity('pit.example.com')],
      Condition: { StringEquals: { 'ses:FromAddress': 'alarms@pit.example.com' } },
    });
    expect(statements).toContainEqual({ Effect: 'Allow', Action: 'sns:Publish', Resource: '*' });
    expect(statements).toContainEqual({
      Effect: 'Deny',
      Action: 'sns:Publish',
      Resource: { 'Fn::Join': ['', ['arn:', ref('AWS::Partition'), ':sns:', ref('AWS::Region'), ':', ref('AWS::AccountId'), ':*']] },
    });
    const env = functionProps(withBoth.template, notifier).Environment.Variables;
    expect(env).toMatchObject({ NOTIFY_EMAIL_FROM: 'alarms@pit.example.com', NOTIFY_SMS_PER_HOUR: '5' });
  });
});

describe('Operations', () => {
  const dashboardBody = () => {
    const dashboards = Object.values(template.findResources('AWS::CloudWatch::Dashboard')) as { Properties: { DashboardName: string; DashboardBody: unknown } }[];
    expect(dashboards).toHaveLength(1);
    expect(dashboards[0]!.Properties.DashboardName).toBe(`${stack.stackName}-Operations`);
    // The body is a Fn::Join of literal JSON pieces and tokens: its text is enough to find what it shows.
    return JSON.stringify(dashboards[0]!.Properties.DashboardBody);
  };

  it('has one Operations dashboard showing polling, accounts, queues, WebSockets and every function', () => {
    const body = dashboardBody();
    for (const shown of ['PollLatency', 'p50', 'p95', 'ReadingsIngested', 'PollErrors', 'errorClass', 'AccountsActive', 'AccountsFailing', 'DevicesReporting', 'AccountsStale', 'NotificationsSent', 'NotificationsFailed', 'ApproximateNumberOfMessagesVisible', 'ConnectCount', 'MessageCount', 'Throttles', 'Duration']) {
      expect(body, shown).toContain(shown);
    }
    // Errors, throttles and duration for every function of the stack.
    for (const [name, fn] of Object.entries(fns)) expect(body, name).toContain(logicalId(fn.function));
    expect(body).toContain(logicalId(stack.poller.deadLetterQueue));
    expect(body).toContain(logicalId(stack.live.api));
  });

  it('alarms to the topic when no reading is ingested for 10 minutes while accounts are active', () => {
    const topic = ref(logicalId(stack.alarms.topic));
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: `${stack.stackName}-NoReadingsIngested`,
      Metrics: Match.arrayWith([
        Match.objectLike({ Expression: 'IF(FILL(active, 0) > 0 AND FILL(reporting, 1) > 0 AND FILL(readings, 0) == 0, 1, 0)', ReturnData: true }),
        Match.objectLike({ Id: 'active', MetricStat: Match.objectLike({ Metric: { Namespace: 'Pitwatch', MetricName: 'AccountsActive', Dimensions: [{ Name: 'service', Value: 'poll-dispatch' }] }, Stat: 'Maximum', Period: 600 }) }),
        Match.objectLike({ Id: 'reporting', MetricStat: Match.objectLike({ Metric: Match.objectLike({ MetricName: 'DevicesReporting' }), Stat: 'Maximum' }) }),
        Match.objectLike({ Id: 'readings', MetricStat: Match.objectLike({ Metric: { Namespace: 'Pitwatch', MetricName: 'ReadingsIngested', Dimensions: [{ Name: 'service', Value: 'poll-worker' }] }, Stat: 'Sum', Period: 600 }) }),
      ]),
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
      AlarmActions: [topic],
      OKActions: [topic],
    });
  });

  it('alarms to the topic when Lambda errors and throttles together pass the threshold in 5 minutes', () => {
    const topic = ref(logicalId(stack.alarms.topic));
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: `${stack.stackName}-LambdaErrorsOrThrottles`,
      Metrics: Match.arrayWith([
        Match.objectLike({ Expression: 'FILL(errors, 0) + FILL(throttles, 0)' }),
        Match.objectLike({ Id: 'errors', MetricStat: Match.objectLike({ Metric: { Namespace: 'AWS/Lambda', MetricName: 'Errors' }, Stat: 'Sum', Period: 300 }) }),
        Match.objectLike({ Id: 'throttles', MetricStat: Match.objectLike({ Metric: { Namespace: 'AWS/Lambda', MetricName: 'Throttles' }, Stat: 'Sum', Period: 300 }) }),
      ]),
      Threshold: operationsSettings.lambdaProblemsThreshold,
      ComparisonOperator: 'GreaterThanThreshold',
      AlarmActions: [topic],
      OKActions: [topic],
    });
  });

  it('alarms to the topic when the live stage refuses frames (its throttle) past the threshold in 5 minutes', () => {
    const topic = ref(logicalId(stack.alarms.topic));
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: `${stack.stackName}-LiveUpdatesThrottled`,
      Metrics: [
        Match.objectLike({
          MetricStat: { Metric: { Namespace: 'AWS/ApiGateway', MetricName: 'ClientError', Dimensions: [{ Name: 'ApiId', Value: ref(logicalId(stack.live.api)) }] }, Stat: 'Sum', Period: 300 },
          ReturnData: true,
        }),
      ],
      Threshold: operationsSettings.liveRefusedThreshold,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
      AlarmActions: [topic],
      OKActions: [topic],
    });
  });

  it('every alarm of the stack notifies the topic, on alarm and on OK, and is named for the topic policy', () => {
    const topic = ref(logicalId(stack.alarms.topic));
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')) as { Properties: { AlarmName: string; AlarmActions: unknown[]; OKActions: unknown[] } }[];
    expect(alarms.map((a) => a.Properties.AlarmName).sort()).toEqual(
      ['LambdaErrorsOrThrottles', 'LiveUpdatesThrottled', 'MqttPublishDeadLetters', 'NoReadingsIngested', 'NotifyDeadLetters', 'PollDeadLetters', 'PollDispatcherErrors', 'ShareExpiryDeadLetters'].map((n) => `${stack.stackName}-${n}`).sort(),
    );
    for (const a of alarms) expect({ name: a.Properties.AlarmName, alarm: a.Properties.AlarmActions, ok: a.Properties.OKActions }).toEqual({ name: a.Properties.AlarmName, alarm: [topic], ok: [topic] });
  });
});

describe('AlarmTopic', () => {
  it('requires TLS to publish and lets only this stack\'s CloudWatch alarms publish', () => {
    const topicId = logicalId(stack.alarms.topic);
    template.resourceCountIs('AWS::SNS::Topic', 1);
    template.resourceCountIs('AWS::SNS::Subscription', 0); // no alarmEmail in this variant
    const policies = Object.values(template.findResources('AWS::SNS::TopicPolicy')) as {
      Properties: { Topics: unknown[]; PolicyDocument: { Statement: Record<string, unknown>[] } };
    }[];
    expect(policies).toHaveLength(1);
    expect(policies[0]!.Properties.Topics).toEqual([ref(topicId)]);
    const alarmArns = {
      'Fn::Join': [
        '',
        ['arn:', ref('AWS::Partition'), ':cloudwatch:', ref('AWS::Region'), ':', ref('AWS::AccountId'), `:alarm:${stack.stackName}-*`],
      ],
    };
    expect(policies[0]!.Properties.PolicyDocument.Statement).toEqual([
      expect.objectContaining({ Effect: 'Deny', Action: 'sns:Publish', Principal: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      expect.objectContaining({
        Effect: 'Allow',
        Action: 'sns:Publish',
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Resource: ref(topicId),
        Condition: { StringEquals: { 'aws:SourceAccount': ref('AWS::AccountId') }, ArnLike: { 'aws:SourceArn': alarmArns } },
      }),
    ]);
  });

  it('names every alarm so that the topic policy matches it', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')) as { Properties: { AlarmName: unknown } }[];
    expect(alarms).toHaveLength(8); // the poll pipeline's two, the MQTT publisher's, the notifier's and the share expirer's dead letters, and the Operations three
    for (const alarm of alarms) expect(alarm.Properties.AlarmName).toMatch(new RegExp(`^${stack.stackName}-`));
  });
});

/** The Lambda a route's integration invokes. */
function routeTarget(apiId: string, routeKey: string): unknown {
  const routes = Object.values(
    template.findResources('AWS::ApiGatewayV2::Route', { Properties: { ApiId: ref(apiId), RouteKey: routeKey } }),
  ) as { Properties: { Target: { 'Fn::Join': [string, unknown[]] } } }[];
  expect(routes).toHaveLength(1);
  const integrationId = (routes[0]!.Properties.Target['Fn::Join'][1][1] as { Ref: string }).Ref;
  const integrations = template.findResources('AWS::ApiGatewayV2::Integration') as Record<
    string,
    { Properties: { IntegrationUri: unknown } }
  >;
  return integrations[integrationId]?.Properties.IntegrationUri;
}

describe('HttpApi', () => {
  it('creates one route per route-table entry, on the function the entry names, and $default on the fallback', () => {
    const apiId = logicalId(stack.http.api);
    for (const route of routeList) {
      expect(routeTarget(apiId, routeKeyOf(route)), route.id).toEqual(getAtt(logicalId(stack.http.functions[route.fn].function)));
    }
    expect(routeTarget(apiId, '$default')).toEqual(getAtt(logicalId(fns.fallback.function)));
    template.resourceCountIs('AWS::ApiGatewayV2::Route', routeList.length + 1 + 4); // the table, $default, 4 WebSocket
  });

  it('allows CORS from the website origin only', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: Match.objectLike({
        AllowOrigins: [{ 'Fn::Join': ['', ['https://', getAtt(logicalId(stack.website.distribution), 'DomainName')]] }],
        AllowMethods: [...new Set(routeList.map((r) => r.method))],
        ExposeHeaders: ['retry-after'],
      }),
    });
  });

  it('throttles and access-logs the $default stage, tighter on sign-in', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      ApiId: ref(logicalId(stack.http.api)),
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('\\$context\\.requestId') },
      DefaultRouteSettings: {
        ThrottlingRateLimit: httpThrottle.stage.rateLimit,
        ThrottlingBurstLimit: httpThrottle.stage.burstLimit,
      },
      RouteSettings: {
        'POST /auth/login': {
          ThrottlingRateLimit: httpThrottle.login.rateLimit,
          ThrottlingBurstLimit: httpThrottle.login.burstLimit,
        },
      },
    });
  });
});

describe('LiveUpdates', () => {
  it('routes $connect, $disconnect and $default to their functions', () => {
    const apiId = logicalId(stack.live.api);
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'WEBSOCKET' });
    expect(routeTarget(apiId, '$connect')).toMatchObject({ 'Fn::Join': ['', expect.arrayContaining([getAtt(logicalId(fns.connect.function))])] });
    expect(routeTarget(apiId, '$disconnect')).toMatchObject({ 'Fn::Join': ['', expect.arrayContaining([getAtt(logicalId(fns.disconnect.function))])] });
    expect(routeTarget(apiId, '$default')).toMatchObject({ 'Fn::Join': ['', expect.arrayContaining([getAtt(logicalId(fns.message.function))])] });
  });

  it('answers the heartbeat in API Gateway: the ping route is a mock integration whose response is the pong frame, sent back on the connection', () => {
    const apiId = logicalId(stack.live.api);
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.type' });
    const routes = template.findResources('AWS::ApiGatewayV2::Route', { Properties: { ApiId: ref(apiId), RouteKey: 'ping' } }) as Record<
      string,
      { Properties: { Target: { 'Fn::Join': [string, unknown[]] }; RouteResponseSelectionExpression?: string } }
    >;
    const [[routeId, route]] = Object.entries(routes) as [[string, (typeof routes)[string]]];
    expect(route.Properties.RouteResponseSelectionExpression).toBe('$default');
    template.hasResourceProperties('AWS::ApiGatewayV2::RouteResponse', { ApiId: ref(apiId), RouteId: ref(routeId), RouteResponseKey: '$default' });
    const integrationId = (route.Properties.Target['Fn::Join'][1][1] as { Ref: string }).Ref;
    const integration = template.findResources('AWS::ApiGatewayV2::Integration')[integrationId] as { Properties: Record<string, unknown> };
    expect(integration.Properties).toEqual({
      ApiId: ref(apiId),
      IntegrationType: 'MOCK',
      IntegrationUri: '', // as CDK's WebSocketMockIntegration writes it
      RequestTemplates: { $default: '{"statusCode":200}' },
      TemplateSelectionExpression: '\\$default',
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::IntegrationResponse', {
      ApiId: ref(apiId),
      IntegrationId: ref(integrationId),
      IntegrationResponseKey: '$default',
      ResponseTemplates: { $default: '{"type":"pong"}' },
    });
  });

  it('deploys the live stage automatically with access logs, after the account logging role is set', () => {
    template.hasResource('AWS::ApiGatewayV2::Stage', {
      Properties: {
        ApiId: ref(logicalId(stack.live.api)),
        StageName: liveStageName,
        AutoDeploy: true,
        AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('\\$context\\.connectionId') },
        DefaultRouteSettings: { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 50 }, // the default liveMessagesPerSecond
      },
      DependsOn: Match.arrayWith([Match.stringLikeRegexp('^LiveUpdatesApiGatewayAccount')]),
    });
    template.hasResourceProperties('AWS::ApiGateway::Account', { CloudWatchRoleArn: Match.anyValue() });
  });
});

describe('Website', () => {
  it('keeps the bucket private and SSL-only, with server access logs', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      LoggingConfiguration: Match.objectLike({ DestinationBucketName: ref(logicalId(stack.website.logsBucket)) }),
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: Match.anyValue(),
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: ref(logicalId(stack.website.bucket)),
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('serves the bucket through CloudFront Origin Access Control only', () => {
    const distributionId = logicalId(stack.website.distribution);
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        Origins: [
          Match.objectLike({
            DomainName: getAtt(logicalId(stack.website.bucket), 'RegionalDomainName'),
            OriginAccessControlId: Match.objectLike({ 'Fn::GetAtt': Match.arrayWith(['Id']) }),
          }),
        ],
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: 'redirect-to-https',
          ResponseHeadersPolicyId: Match.anyValue(),
        }),
        Logging: Match.objectLike({ Bucket: Match.anyValue() }),
      }),
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: ref(logicalId(stack.website.bucket)),
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            // ListBucket too: a missing key is then a 404, not a 403 (see the SPA rewrite test below).
            Action: ['s3:GetObject', 's3:ListBucket'],
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Condition: {
              StringEquals: {
                'AWS:SourceArn': {
                  'Fn::Join': ['', Match.arrayWith([':distribution/', ref(distributionId)])],
                },
              },
            },
          }),
        ]),
      },
    });
  });

  it('serves app screens the shell through a CloudFront Function and lets missing files answer 404', () => {
    const distributions = Object.values(template.findResources('AWS::CloudFront::Distribution')) as {
      Properties: { DistributionConfig: { CustomErrorResponses?: unknown; DefaultCacheBehavior: { FunctionAssociations?: unknown } } };
    }[];
    expect(distributions).toHaveLength(1);
    const config = distributions[0]!.Properties.DistributionConfig;
    // No error page turns a missing /manifest.json or /favicon.ico into index.html.
    expect(config.CustomErrorResponses).toBeUndefined();
    const functions = template.findResources('AWS::CloudFront::Function') as Record<string, { Properties: { FunctionCode: string; FunctionConfig: { Runtime: string } } }>;
    const [functionId, fn] = Object.entries(functions)[0]!;
    expect(Object.keys(functions)).toHaveLength(1);
    expect(fn.Properties.FunctionCode).toBe(spaRewriteSource);
    expect(fn.Properties.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([{ EventType: 'viewer-request', FunctionARN: getAtt(functionId, 'FunctionARN') }]);
    // S3 answers 404 (not 403) for a missing key only when the reader may list the bucket.
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: ref(logicalId(stack.website.bucket)),
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Action: Match.arrayWith(['s3:ListBucket']),
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Resource: Match.arrayWith([getAtt(logicalId(stack.website.bucket))]),
          }),
        ]),
      },
    });
  });

  it('rewrites extensionless paths to /index.html and leaves files alone (the function itself, run here)', () => {
    const handler = new Function(`${spaRewriteSource}; return handler;`)() as (event: { request: { uri: string } }) => { uri: string };
    const rewrite = (uri: string) => handler({ request: { uri } }).uri;
    expect(rewrite('/')).toBe('/index.html');
    expect(rewrite('/devices/12:34:56:78:90:AB')).toBe('/index.html');
    expect(rewrite('/settings')).toBe('/index.html');
    expect(rewrite('/share/abc-123')).toBe('/index.html');
    expect(rewrite('/manifest.webmanifest')).toBe('/manifest.webmanifest');
    expect(rewrite('/favicon.ico')).toBe('/favicon.ico');
    expect(rewrite('/assets/index-abc.js')).toBe('/assets/index-abc.js');
    expect(rewrite('/icons/icon-192.png')).toBe('/icons/icon-192.png');
  });

  it('sends security headers', () => {
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: 31536000 }),
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ContentSecurityPolicy: Match.objectLike({ Override: true }),
        }),
      }),
    });
  });

  it('deploys config.json with the HTTP API URL and the wss:// stage URL', () => {
    const deployments = Object.values(template.findResources('Custom::CDKBucketDeployment')) as {
      Properties: { SourceObjectKeys: string[]; SourceMarkers?: Record<string, unknown>[]; Exclude?: string[] };
    }[];
    const site = deployments.find((d) => d.Properties.SourceMarkers?.some((m) => Object.keys(m).length > 0));
    expect(site, 'a deployment carrying config.json').toBeDefined();
    const index = site!.Properties.SourceMarkers!.findIndex((m) => Object.keys(m).length > 0);
    const markers = site!.Properties.SourceMarkers![index] as Record<string, unknown>;
    const assetHash = site!.Properties.SourceObjectKeys[index]!.replace(/\.zip$/, '');
    const configFile = path.join(synth.assemblyDir, `asset.${assetHash}`, 'config.json');
    const config = JSON.parse(readFileSync(configFile, 'utf8')) as { apiUrl: string; wsUrl: string };
    const render = (s: string) =>
      s.replace(/<<marker:0xbaba:\d+>>/g, (m) => {
        const value = markers[m] as { Ref: string };
        return `{${value.Ref}}`;
      });
    expect(Object.keys(config).sort()).toEqual(['apiUrl', 'wsUrl']);
    expect(render(config.apiUrl)).toBe(
      `https://{${logicalId(stack.http.api)}}.execute-api.{AWS::Region}.{AWS::URLSuffix}/`,
    );
    expect(render(config.wsUrl)).toBe(
      `wss://{${logicalId(stack.live.api)}}.execute-api.{AWS::Region}.{AWS::URLSuffix}/${liveStageName}`,
    );
  });
});

describe('Exports', () => {
  it('keeps the exports bucket private, SSE, TLS-only, access-logged, with every object expiring after a day', () => {
    const bucketId = logicalId(stack.exports.bucket);
    const buckets = template.findResources('AWS::S3::Bucket') as Record<string, { Properties: Record<string, unknown> }>;
    expect(buckets[bucketId]!.Properties).toMatchObject({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      LoggingConfiguration: { DestinationBucketName: ref(logicalId(stack.website.logsBucket)), LogFilePrefix: 'exports/' },
      LifecycleConfiguration: { Rules: [expect.objectContaining({ ExpirationInDays: 1, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' })] },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: ref(bucketId),
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  it('lets exactly the cooks and privacy functions write and link exports, under exports/ only', () => {
    const objects = { 'Fn::Join': ['', [getAtt(logicalId(stack.exports.bucket)), '/exports/*']] };
    for (const [name, fn] of Object.entries(fns)) {
      const s3 = statementsOf(template, fn).filter((s) => actionsOf(s).some((a) => a.startsWith('s3:')));
      if (name === 'cooks' || name === 'privacy') {
        expect(s3, name).toEqual([expect.objectContaining({ Action: ['s3:PutObject', 's3:AbortMultipartUpload', 's3:GetObject'], Resource: objects })]);
        expect(functionProps(template, fn).Environment.Variables.EXPORT_BUCKET, name).toEqual(ref(logicalId(stack.exports.bucket)));
      } else {
        expect(s3, name).toEqual([]);
      }
    }
  });
});

describe('Lambda functions', () => {
  it('run Node 24 on arm64 with JSON logs in their own log group, the Powertools settings, and tracing except on the per-minute poll pipeline', () => {
    for (const [name, fn] of Object.entries(fns)) {
      const props = functionProps(template, fn);
      expect(props, name).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        LoggingConfig: { LogFormat: 'JSON', LogGroup: ref(logicalId(fn.logGroup)) },
      });
      if (name === 'dispatcher' || name === 'worker' || name === 'mqttPublisher') expect(props.TracingConfig, name).toBeUndefined();
      else expect(props.TracingConfig, name).toEqual({ Mode: 'Active' });
      expect(props.MemorySize, name).toBeGreaterThanOrEqual(256);
      expect(props.MemorySize, name).toBeLessThanOrEqual(512);
      expect(props.Environment.Variables, name).toMatchObject({
        POWERTOOLS_SERVICE_NAME: 'pitwatch',
        POWERTOOLS_METRICS_NAMESPACE: 'Pitwatch',
        NODE_OPTIONS: '--enable-source-maps',
      });
    }
  });

  // The MQTT client (mqtt, mqtt-packet, readable-stream: ~110 KB minified) rides only in the two functions that talk
  // to brokers, and web-push (its VAPID signing brings asn1.js and bn.js: ~80 KB) only in the notifier; every other
  // handler stays under the general budget.
  const MQTT_FUNCTIONS = new Set(['integrations', 'mqttPublisher', 'notifier']);
  it('are bundled by esbuild as ESM with the createRequire shim and source maps, AWS SDK left out, under 300 KB (400 KB with MQTT or Web Push)', () => {
    for (const [name, fn] of Object.entries(fns)) {
      const code = functionProps(template, fn).Code as { S3Key: string };
      const assetDir = path.join(synth.assemblyDir, `asset.${code.S3Key.replace(/\.zip$/, '')}`);
      expect(readdirSync(assetDir).sort(), name).toEqual(['index.mjs', 'index.mjs.map']);
      // A size budget (cold starts grow with the bundle), not a timing: fails when a dependency bloats a handler.
      expect(statSync(path.join(assetDir, 'index.mjs')).size, name).toBeLessThan(MQTT_FUNCTIONS.has(name) ? 400_000 : 300_000);
      const bundle = readFileSync(path.join(assetDir, 'index.mjs'), 'utf8');
      expect(bundle.startsWith("import { createRequire as __pitwatchCreateRequire } from 'node:module';"), name).toBe(true);
      expect(bundle, name).not.toMatch(/node_modules\/@aws-sdk\//);
      expect(existsSync(path.join(assetDir, 'index.mjs.map')), name).toBe(true);
    }
  });

  it('get the variables shared/config.ts reads', () => {
    const common = {
      TABLE_NAME: ref(logicalId(stack.data.table)),
      HISTORY_STORE: 'timestream',
      TIMESTREAM_DATABASE_NAME: ref(logicalId(stack.data.timestream!.database)),
      TIMESTREAM_TABLE_NAME: expect.anything(),
    };
    const callbackUrl = {
      'Fn::Join': [
        '',
        ['https://', ref(logicalId(stack.live.api)), '.execute-api.', ref('AWS::Region'), '.', ref('AWS::URLSuffix'), `/${liveStageName}`],
      ],
    };
    for (const [name, fn] of Object.entries(fns)) {
      const env = functionProps(template, fn).Environment.Variables;
      expect(env, name).toMatchObject(common);
      const opensVault = ['worker', 'login', 'integrations', 'mqttPublisher', 'notifications', 'notifier', 'alarm-links'].includes(name);
      if (opensVault) expect(env.VAULT_KEY_ID, name).toEqual(getAtt(logicalId(stack.data.vaultKey)));
      else expect(env, name).not.toHaveProperty('VAULT_KEY_ID');
      const pushes = ['worker', 'message', 'login', 'sessions', 'tokens', 'cooks', 'privacy', 'notifier', 'shareExpirer'].includes(name);
      if (pushes) expect(env.WS_CALLBACK_URL, name).toEqual(callbackUrl);
      else expect(env, name).not.toHaveProperty('WS_CALLBACK_URL');
      if (name === 'dispatcher') expect(env.POLL_QUEUE_URL, name).toEqual(ref(logicalId(stack.poller.queue)));
      else expect(env, name).not.toHaveProperty('POLL_QUEUE_URL');
      if (name === 'worker') expect(env.MQTT_PUBLISH_QUEUE_URL, name).toEqual(ref(logicalId(stack.mqtt.queue)));
      else expect(env, name).not.toHaveProperty('MQTT_PUBLISH_QUEUE_URL');
      if (name === 'notifications' || name === 'notifier' || name === 'worker') expect(env.NOTIFY_QUEUE_URL, name).toEqual(ref(logicalId(stack.notifications.queue)));
      else expect(env, name).not.toHaveProperty('NOTIFY_QUEUE_URL');
      if (name === 'cooks' || name === 'shareExpirer') expect(env.SHARE_EXPIRY_QUEUE_URL, name).toEqual(ref(logicalId(stack.shareExpiry.queue)));
      else expect(env, name).not.toHaveProperty('SHARE_EXPIRY_QUEUE_URL');
      // One cadence for the two poll functions (the dispatcher spaces polls by it, the worker detects gaps by it).
      if (name === 'dispatcher' || name === 'worker') expect(env.POLL_INTERVAL_SECONDS, name).toBe(String(pollCadence.activeIntervalSeconds));
      else expect(env, name).not.toHaveProperty('POLL_INTERVAL_SECONDS');
    }
  });
});

describe('IAM, per function', () => {
  /** What a function may do beyond writing its own logs and traces (which every function may). */
  const grantedActions = (fn: PitwatchFunction) =>
    [...new Set(allowedActions(template, fn).filter((a) => !/^(logs|xray):/.test(a)))].sort();
  const sqsStatements = (fn: PitwatchFunction) => statementsOf(template, fn).filter((s) => actionsOf(s).some((a) => a.startsWith('sqs:')));
  const ddb = (...actions: string[]) => actions.map((a) => `dynamodb:${a}`);
  const manage = 'execute-api:ManageConnections';
  const exportsAccess = ['s3:PutObject', 's3:AbortMultipartUpload', 's3:GetObject'];
  const pollQueue = ['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:ReceiveMessage'];

  /** Exactly what each function calls (Timestream history; the DynamoDB variant is in history-store.test.ts). */
  const expected: Record<FunctionName, string[]> = {
    dispatcher: [...ddb('Query'), 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'],
    worker: [
      ...ddb('BatchGetItem', 'GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem'),
      'kms:Decrypt',
      'timestream:WriteRecords',
      'timestream:DescribeEndpoints',
      manage,
      ...pollQueue,
      'sqs:SendMessage', // the MQTT hand-off and alarm events only (see below)
    ],
    login: [...ddb('GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query'), 'kms:GenerateDataKey', manage],
    sessions: [...ddb('GetItem', 'UpdateItem', 'Query', 'DeleteItem'), manage],
    tokens: [...ddb('GetItem', 'UpdateItem', 'PutItem', 'Query', 'DeleteItem'), manage],
    settings: ddb('GetItem', 'UpdateItem'),
    account: ddb('GetItem', 'UpdateItem'),
    devices: ddb('GetItem', 'UpdateItem', 'Query'),
    history: [...ddb('GetItem', 'UpdateItem'), 'timestream:Select', 'timestream:DescribeEndpoints'],
    cooks: [...ddb('GetItem', 'UpdateItem', 'Query', 'PutItem', 'DeleteItem'), 'timestream:Select', 'timestream:DescribeEndpoints', ...exportsAccess, manage, 'sqs:SendMessage'],
    share: [...ddb('GetItem'), 'timestream:Select', 'timestream:DescribeEndpoints'],
    privacy: [...ddb('GetItem', 'UpdateItem', 'Query', 'DeleteItem', 'BatchWriteItem'), 'timestream:Select', 'timestream:DescribeEndpoints', ...exportsAccess, manage],
    integrations: [...ddb('GetItem', 'UpdateItem', 'PutItem', 'DeleteItem'), 'kms:GenerateDataKey', 'kms:Decrypt'],
    metrics: ddb('GetItem', 'UpdateItem', 'Query'),
    openapi: [],
    fallback: [],
    connect: ddb('GetItem', 'UpdateItem', 'PutItem'),
    disconnect: ddb('DeleteItem'),
    message: [manage],
    mqttPublisher: [...ddb('Query', 'UpdateItem', 'PutItem'), 'kms:Decrypt', ...pollQueue],
    alarms: [...ddb('GetItem', 'UpdateItem', 'Query', 'PutItem', 'DeleteItem'), manage],
    notifications: [...ddb('GetItem', 'UpdateItem', 'Query', 'PutItem', 'DeleteItem'), 'kms:GenerateDataKey', 'sqs:SendMessage'],
    // Public: the link's event, rule or channel (Get, Update), the link key opened (deployment secrets Get, audit Put),
    // an acknowledgement pushed to the account's pages (connections Query, Delete).
    'alarm-links': [...ddb('GetItem', 'UpdateItem', 'PutItem', 'Query', 'DeleteItem'), 'kms:Decrypt', manage],
    // No SES or SNS in this variant: no notifyEmailFrom, SMS off (see 'Notifications' above for both).
    notifier: [...ddb('GetItem', 'Query', 'UpdateItem', 'DeleteItem', 'PutItem'), 'kms:Decrypt', manage, ...pollQueue, 'sqs:SendMessage'],
    // The share's connections (Query, DeleteItem), closing them, and the next hop on its own queue.
    shareExpirer: [...ddb('Query', 'DeleteItem'), manage, ...pollQueue, 'sqs:SendMessage'],
  };

  it.each(Object.keys(expected) as FunctionName[])('%s is granted exactly the actions it calls', (name) => {
    expect(grantedActions(fns[name])).toEqual([...new Set(expected[name])].sort());
  });

  it('never allows Scan, service-wide wildcards, or "*" resources beyond X-Ray and Timestream endpoint discovery', () => {
    for (const [name, fn] of Object.entries(fns)) {
      for (const statement of statementsOf(template, fn)) {
        const actions = actionsOf(statement);
        expect(actions, name).not.toContain('dynamodb:Scan');
        for (const action of actions) expect(action, name).not.toMatch(/\*$/);
        if (statement.Resource === '*') {
          expect(
            actions.every((a) => ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'timestream:DescribeEndpoints'].includes(a)),
            `${name}: ${actions.join(',')} on "*"`,
          ).toBe(true);
        }
      }
    }
    // No AWS managed policies on function roles (not even AWSLambdaBasicExecutionRole).
    for (const [name, fn] of Object.entries(fns)) {
      const role = template.findResources('AWS::IAM::Role')[logicalId(fn.role)] as { Properties: Record<string, unknown> };
      expect(role.Properties.ManagedPolicyArns, name).toBeUndefined();
    }
  });

  it('functions that only read may update credential items alone (a session\'s sliding expiry, a token\'s last use), by leading key', () => {
    for (const name of ['account', 'devices', 'history', 'metrics', 'sessions', 'tokens', 'connect', 'privacy'] as const) {
      const updates = statementsOf(template, fns[name]).filter((s) => actionsOf(s).includes('dynamodb:UpdateItem'));
      expect(updates, name).toEqual([
        expect.objectContaining({
          Action: 'dynamodb:UpdateItem',
          Resource: getAtt(logicalId(stack.data.table)),
          Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['SESSION#*', 'APITOKEN#*'] } },
        }),
      ]);
    }
  });

  it('history Selects from the Timestream table only', () => {
    const statements = statementsOf(template, fns.history);
    expect(statements).toContainEqual(
      expect.objectContaining({ Action: 'timestream:Select', Resource: getAtt(logicalId(stack.data.timestream!.table)) }),
    );
    expect(statements).toContainEqual(expect.objectContaining({ Action: 'timestream:DescribeEndpoints', Resource: '*' }));
  });

  it('table grants name the table and its index only', () => {
    const tableArn = getAtt(logicalId(stack.data.table));
    for (const statement of statementsOf(template, fns.cooks).filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')) && !s.Condition)) {
      expect(statement.Resource).toEqual([tableArn, { 'Fn::Join': ['', [tableArn, '/index/*']] }]);
    }
  });

  it('the dispatcher may only send to the poll queue', () => {
    const sqs = sqsStatements(fns.dispatcher);
    expect(sqs).toHaveLength(1);
    expect(sqs[0]!.Resource).toEqual(getAtt(logicalId(stack.poller.queue)));
  });

  const conditionsFor = (purpose: string) => ({
    StringEquals: { 'kms:EncryptionContext:purpose': purpose },
    'ForAllValues:StringEquals': { 'kms:EncryptionContextKeys': ['purpose', 'userId'] },
    Null: { 'kms:EncryptionContext:userId': 'false' },
  });
  const vaultConditions = conditionsFor(vaultEncryptionContext.purpose);
  const brokerConditions = conditionsFor('mqtt-broker-password');
  const kmsOf = (fn: PitwatchFunction) => statementsOf(template, fn).filter((s) => actionsOf(s).some((a) => a.startsWith('kms:')));

  it('login only seals (GenerateDataKey) and the worker only opens (Decrypt) ThermoWorks tokens, each requiring the userId encryption context', () => {
    const key = getAtt(logicalId(stack.data.vaultKey));
    expect(kmsOf(fns.login)).toEqual([{ Effect: 'Allow', Action: 'kms:GenerateDataKey', Resource: key, Condition: vaultConditions }]);
    expect(kmsOf(fns.worker)).toEqual([{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: key, Condition: vaultConditions }]);
    for (const [name, fn] of Object.entries(fns)) {
      if (!['login', 'worker', 'integrations', 'mqttPublisher', 'notifications', 'notifier', 'alarm-links'].includes(name)) expect(kmsOf(fn), name).toEqual([]);
    }
  });

  it('broker passwords are opened only where MQTT is published (the publisher; the integrations routes, which test and clear the broker), never ThermoWorks tokens there', () => {
    const key = getAtt(logicalId(stack.data.vaultKey));
    expect(kmsOf(fns.mqttPublisher)).toEqual([{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: key, Condition: brokerConditions }]);
    expect(kmsOf(fns.integrations)).toEqual([
      { Effect: 'Allow', Action: 'kms:GenerateDataKey', Resource: key, Condition: brokerConditions },
      { Effect: 'Allow', Action: 'kms:Decrypt', Resource: key, Condition: brokerConditions },
    ]);
  });

  it('notification secrets are sealed by the channels routes and opened only by the notifier and the signed-link routes (for the link key), never ThermoWorks tokens there', () => {
    const key = getAtt(logicalId(stack.data.vaultKey));
    const notifyConditions = conditionsFor('notification-secret');
    expect(kmsOf(fns.notifications)).toEqual([{ Effect: 'Allow', Action: 'kms:GenerateDataKey', Resource: key, Condition: notifyConditions }]);
    expect(kmsOf(fns.notifier)).toEqual([{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: key, Condition: notifyConditions }]);
    expect(kmsOf(fns['alarm-links'])).toEqual([{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: key, Condition: notifyConditions }]);
  });

  it('the vault key policy names each role with the kind it may use, beside the account root', () => {
    const keyResource = template.findResources('AWS::KMS::Key')[logicalId(stack.data.vaultKey)] as {
      Properties: { KeyPolicy: { Statement: Array<{ Action: unknown; Principal: unknown; Condition?: unknown }> } };
    };
    const statements = keyResource.Properties.KeyPolicy.Statement;
    expect(statements).toContainEqual(
      expect.objectContaining({ Action: 'kms:GenerateDataKey', Principal: { AWS: getAtt(logicalId(fns.login.role)) }, Condition: vaultConditions }),
    );
    expect(statements).toContainEqual(
      expect.objectContaining({ Action: 'kms:Decrypt', Principal: { AWS: getAtt(logicalId(fns.worker.role)) }, Condition: vaultConditions }),
    );
    expect(statements).toContainEqual(
      expect.objectContaining({ Action: 'kms:Decrypt', Principal: { AWS: getAtt(logicalId(fns.mqttPublisher.role)) }, Condition: brokerConditions }),
    );
    expect(statements).toContainEqual(
      expect.objectContaining({ Action: 'kms:GenerateDataKey', Principal: { AWS: getAtt(logicalId(fns.integrations.role)) }, Condition: brokerConditions }),
    );
    expect(statements).toContainEqual(
      expect.objectContaining({ Action: 'kms:Decrypt', Principal: { AWS: getAtt(logicalId(fns.integrations.role)) }, Condition: brokerConditions }),
    );
    expect(statements).toContainEqual(
      expect.objectContaining({ Action: 'kms:Decrypt', Principal: { AWS: getAtt(logicalId(fns['alarm-links'].role)) }, Condition: conditionsFor('notification-secret') }),
    );
    expect(statements.length).toBe(9);
  });

  it('pushes and closes only connections of the live WebSocket stage: POST for $default, POST and DELETE for the worker and the session-ending functions', () => {
    const connections = (method: string) => ({
      'Fn::Join': [
        '',
        ['arn:', ref('AWS::Partition'), ':execute-api:', ref('AWS::Region'), ':', ref('AWS::AccountId'), ':', ref(logicalId(stack.live.api)), `/${liveStageName}/${method}/@connections/*`],
      ],
    });
    const manageOf = (fn: PitwatchFunction) => statementsOf(template, fn).filter((s) => actionsOf(s).includes(manage));
    expect(manageOf(fns.message).map((s) => s.Resource)).toEqual([connections('POST')]);
    for (const name of ['login', 'sessions', 'tokens', 'worker', 'notifier', 'shareExpirer'] as const) {
      expect(manageOf(fns[name]).map((s) => s.Resource), name).toEqual([[connections('POST'), connections('DELETE')]]);
    }
  });

  it('the worker consumes the poll queue (its event source) and only sends MQTT hand-offs and alarm events', () => {
    const sqs = sqsStatements(fns.worker);
    expect(sqs).toHaveLength(3);
    expect(sqs).toContainEqual({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: getAtt(logicalId(stack.notifications.queue)) });
    const consume = sqs.find((s) => JSON.stringify(s.Resource) === JSON.stringify(getAtt(logicalId(stack.poller.queue))));
    expect(actionsOf(consume!)).not.toContain('sqs:SendMessage');
    expect(sqs).toContainEqual({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: getAtt(logicalId(stack.mqtt.queue)) });
  });

  it('share links’ expiries: the cooks routes may only send to the share-expiry queue; the expirer consumes it and sends its next hop there', () => {
    const queue = getAtt(logicalId(stack.shareExpiry.queue));
    expect(sqsStatements(fns.cooks)).toEqual([{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: queue }]);
    const expirer = sqsStatements(fns.shareExpirer);
    expect(expirer.every((s) => JSON.stringify(s.Resource) === JSON.stringify(queue))).toBe(true);
    expect(expirer).toContainEqual({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: queue });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', { EventSourceArn: queue, FunctionName: ref(logicalId(fns.shareExpirer.function)), FunctionResponseTypes: ['ReportBatchItemFailures'] });
  });

  it('the MQTT publisher consumes its own queue only', () => {
    const sqs = sqsStatements(fns.mqttPublisher);
    expect(sqs).toHaveLength(1);
    expect(sqs[0]!.Resource).toEqual(getAtt(logicalId(stack.mqtt.queue)));
    expect(actionsOf(sqs[0]!)).not.toContain('sqs:SendMessage');
  });
});

describe('cdk-nag and template validation', () => {
  it('leaves no unacknowledged AwsSolutions errors or warnings', () => {
    const findings = nagFindings(stack);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.filter((f) => f.severity === 'warning')).toEqual([]);
    expect(findings).toEqual([]);
  });

  it('leaves no unacknowledged CloudFormation validation findings', () => {
    expect(cfnValidateFindings(synth.assemblyDir)).toEqual([]);
  });
});

describe('outputs', () => {
  it('exports the URLs, the table name, both queue URLs, the alarm topic and the Operations dashboard', () => {
    const outputs = template.findOutputs('*');
    expect(Object.keys(outputs).sort()).toEqual([
      'AlarmTopicArn',
      'DeadLetterQueueUrl',
      'HttpApiUrl',
      'OperationsDashboard',
      'PollQueueUrl',
      'TableName',
      'WebSocketUrl',
      'WebsiteUrl',
    ]);
    expect(outputs.TableName!.Value).toEqual(ref(logicalId(stack.data.table)));
    expect(outputs.PollQueueUrl!.Value).toEqual(ref(logicalId(stack.poller.queue)));
    expect(outputs.DeadLetterQueueUrl!.Value).toEqual(ref(logicalId(stack.poller.deadLetterQueue)));
    expect(outputs.AlarmTopicArn!.Value).toEqual(ref(logicalId(stack.alarms.topic)));
  });
});
