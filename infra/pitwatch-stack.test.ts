import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableDesign } from '../shared/aws/table-design';
import { tableActions, timestreamRetention } from './constructs/data-stores';
import { httpThrottle } from './constructs/http-api';
import { liveStageName } from './constructs/live-updates';
import type { PitwatchFunction } from './constructs/pitwatch-function';
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
let fns: Record<'poll' | 'login' | 'devices' | 'connect' | 'disconnect' | 'message', PitwatchFunction>;

beforeAll(() => {
  synth = synthesize({ historyStore: 'timestream', deletionProtection: true }, { bundle: true });
  ({ stack, template } = synth);
  fns = {
    poll: stack.poller.fn,
    login: stack.http.loginFn,
    devices: stack.http.devicesFn,
    connect: stack.live.connectFn,
    disconnect: stack.live.disconnectFn,
    message: stack.live.messageFn,
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

  it('creates the vault key with rotation, retained', () => {
    template.resourceCountIs('AWS::KMS::Key', 1);
    template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain', Properties: { EnableKeyRotation: true } });
  });
});

describe('Poller', () => {
  it('runs the poll function every minute', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      State: 'ENABLED',
      Targets: [Match.objectLike({ Arn: getAtt(logicalId(fns.poll.function)) })],
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'events.amazonaws.com',
      FunctionName: getAtt(logicalId(fns.poll.function)),
      SourceArn: getAtt(logicalId(stack.poller.rule)),
    });
  });

  it('gives the poll function 60 s and no async retries', () => {
    expect(functionProps(template, fns.poll).Timeout).toBe(60);
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: ref(logicalId(fns.poll.function)),
      MaximumRetryAttempts: 0,
    });
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
  it('routes POST /auth/login and GET /devices to their functions', () => {
    const apiId = logicalId(stack.http.api);
    expect(routeTarget(apiId, 'POST /auth/login')).toEqual(getAtt(logicalId(fns.login.function)));
    expect(routeTarget(apiId, 'GET /devices')).toEqual(getAtt(logicalId(fns.devices.function)));
    template.resourceCountIs('AWS::ApiGatewayV2::Route', 5); // 2 HTTP + 3 WebSocket
  });

  it('allows CORS from the website origin only', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: Match.objectLike({
        AllowOrigins: [{ 'Fn::Join': ['', ['https://', getAtt(logicalId(stack.website.distribution), 'DomainName')]] }],
        AllowMethods: ['GET', 'POST'],
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

  it('deploys the live stage automatically with access logs, after the account logging role is set', () => {
    template.hasResource('AWS::ApiGatewayV2::Stage', {
      Properties: {
        ApiId: ref(logicalId(stack.live.api)),
        StageName: liveStageName,
        AutoDeploy: true,
        AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('\\$context\\.connectionId') },
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
        CustomErrorResponses: [403, 404].map((code) => ({
          ErrorCode: code,
          ResponseCode: 200,
          ResponsePagePath: '/index.html',
          ErrorCachingMinTTL: 0,
        })),
        Logging: Match.objectLike({ Bucket: Match.anyValue() }),
      }),
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: ref(logicalId(stack.website.bucket)),
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Action: 's3:GetObject',
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

describe('Lambda functions', () => {
  it('run Node 24 on arm64 with tracing, JSON logs in their own log group, and the Powertools settings', () => {
    for (const [name, fn] of Object.entries(fns)) {
      const props = functionProps(template, fn);
      expect(props, name).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogFormat: 'JSON', LogGroup: ref(logicalId(fn.logGroup)) },
      });
      expect(props.MemorySize, name).toBeGreaterThanOrEqual(256);
      expect(props.MemorySize, name).toBeLessThanOrEqual(512);
      expect(props.Environment.Variables, name).toMatchObject({
        POWERTOOLS_SERVICE_NAME: 'pitwatch',
        POWERTOOLS_METRICS_NAMESPACE: 'Pitwatch',
        NODE_OPTIONS: '--enable-source-maps',
      });
    }
  });

  it('are bundled by esbuild as ESM with the createRequire shim and source maps, AWS SDK left out', () => {
    for (const [name, fn] of Object.entries(fns)) {
      const code = functionProps(template, fn).Code as { S3Key: string };
      const assetDir = path.join(synth.assemblyDir, `asset.${code.S3Key.replace(/\.zip$/, '')}`);
      expect(readdirSync(assetDir).sort(), name).toEqual(['index.mjs', 'index.mjs.map']);
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
      const opensVault = name === 'poll' || name === 'login';
      if (opensVault) expect(env.VAULT_KEY_ID, name).toEqual(getAtt(logicalId(stack.data.vaultKey)));
      else expect(env, name).not.toHaveProperty('VAULT_KEY_ID');
      const pushes = name === 'poll' || name === 'message';
      if (pushes) expect(env.WS_CALLBACK_URL, name).toEqual(callbackUrl);
      else expect(env, name).not.toHaveProperty('WS_CALLBACK_URL');
    }
  });
});

describe('IAM, per function', () => {
  const tableWrites = [...tableActions.write];

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

  it('devices only reads the table', () => {
    const actions = allowedActions(template, fns.devices);
    expect(actions).toEqual(expect.arrayContaining([...tableActions.read]));
    for (const write of tableWrites) expect(actions).not.toContain(write);
    expect(actions.filter((a) => /^(kms|execute-api|timestream):/.test(a))).toEqual([]);
  });

  it('login reads/writes the table and wraps/unwraps data keys with the vault key only', () => {
    const statements = statementsOf(template, fns.login);
    expect(allowedActions(template, fns.login)).toEqual(expect.arrayContaining([...tableActions.read, ...tableWrites]));
    const kms = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('kms:')));
    expect(kms).toEqual([
      expect.objectContaining({ Action: ['kms:GenerateDataKey', 'kms:Decrypt'], Resource: getAtt(logicalId(stack.data.vaultKey)) }),
    ]);
    expect(allowedActions(template, fns.login).filter((a) => /^(execute-api|timestream):/.test(a))).toEqual([]);
  });

  it('poll writes Timestream, uses the vault key and may only POST to connections of the live WebSocket stage', () => {
    const statements = statementsOf(template, fns.poll);
    expect(allowedActions(template, fns.poll)).toEqual(expect.arrayContaining([...tableActions.read, ...tableWrites]));
    expect(statements).toContainEqual(
      expect.objectContaining({
        Action: 'timestream:WriteRecords',
        Resource: getAtt(logicalId(stack.data.timestream!.table)),
      }),
    );
    expect(statements).toContainEqual(expect.objectContaining({ Action: 'timestream:DescribeEndpoints', Resource: '*' }));
    expect(statements).toContainEqual(
      expect.objectContaining({ Action: ['kms:GenerateDataKey', 'kms:Decrypt'], Resource: getAtt(logicalId(stack.data.vaultKey)) }),
    );
    const manage = statements.filter((s) => actionsOf(s).includes('execute-api:ManageConnections'));
    expect(manage).toHaveLength(1);
    expect(manage[0]!.Resource).toEqual({
      'Fn::Join': [
        '',
        [
          'arn:',
          ref('AWS::Partition'),
          ':execute-api:',
          ref('AWS::Region'),
          ':',
          ref('AWS::AccountId'),
          ':',
          ref(logicalId(stack.live.api)),
          `/${liveStageName}/POST/@connections/*`,
        ],
      ],
    });
  });

  it('WebSocket handlers read/write the table; only $default may push, none may use the vault key', () => {
    for (const name of ['connect', 'disconnect', 'message'] as const) {
      const actions = allowedActions(template, fns[name]);
      expect(actions, name).toEqual(expect.arrayContaining([...tableActions.read, ...tableWrites]));
      expect(actions.filter((a) => a.startsWith('kms:')), name).toEqual([]);
      expect(actions.includes('execute-api:ManageConnections'), name).toBe(name === 'message');
    }
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
  it('exports the website, HTTP API and WebSocket URLs and the table name', () => {
    const outputs = template.findOutputs('*');
    expect(Object.keys(outputs).sort()).toEqual(['HttpApiUrl', 'TableName', 'WebSocketUrl', 'WebsiteUrl']);
    expect(outputs.TableName!.Value).toEqual(ref(logicalId(stack.data.table)));
  });
});
