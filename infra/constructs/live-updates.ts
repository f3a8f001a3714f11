import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as acm from 'aws-cdk-lib/aws-certificatemanager';
import { WebSocketLambdaIntegration, WebSocketMockIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { PING_ROUTE_KEY, PONG_FRAME, ROUTE_SELECTION_EXPRESSION } from '../../shared/live/heartbeat-route';
import { acknowledge, iam5Resource } from '../nag';
import type { DataStores } from './data-stores';
import { PitwatchFunction } from './pitwatch-function';
import { DEFAULT_LIVE_MESSAGES_PER_SECOND } from '../settings';

export interface LiveUpdatesProps {
  readonly data: DataStores;
  /** Serve the WebSocket API on this host name (an ACM certificate in the stack's region), TLS 1.2 at least. */
  readonly domain?: { readonly name: string; readonly certificate: acm.ICertificate };
  /** The stage's throttle for all browsers together (settings.ts `liveMessagesPerSecond`); default 20. */
  readonly messagesPerSecond?: number;
}

/** The stage's throttle: the steady rate for all connections together, and a burst of 2.5 s of it (at least 50). */
export function liveThrottle(messagesPerSecond: number = DEFAULT_LIVE_MESSAGES_PER_SECOND): { rateLimit: number; burstLimit: number } {
  return { rateLimit: messagesPerSecond, burstLimit: Math.min(5_000, Math.max(50, Math.ceil(messagesPerSecond * 2.5))) };
}

export const liveStageName = 'live';

/**
 * API Gateway WebSocket API that browsers keep open to receive readings as the poller stores them.
 * `$connect` checks the session token (`?token=`, browsers cannot send headers on a WebSocket) in its handler,
 * `$disconnect` forgets the connection, `ping` is answered by API Gateway itself (the heartbeat: a mock integration,
 * no Lambda), and `$default` answers anything else with an error message.
 */
export class LiveUpdates extends Construct {
  readonly api: apigwv2.WebSocketApi;
  readonly stage: apigwv2.WebSocketStage;
  readonly connectFn: PitwatchFunction;
  readonly disconnectFn: PitwatchFunction;
  readonly messageFn: PitwatchFunction;
  readonly domainName: apigwv2.DomainName | undefined;
  private readonly customHost: string | undefined;

  constructor(scope: Construct, id: string, props: LiveUpdatesProps) {
    super(scope, id);
    const { data } = props;

    this.connectFn = new PitwatchFunction(this, 'Connect', {
      entry: 'functions/ws/connect.ts',
      description: 'WebSocket $connect: check session, remember connection',
      environment: data.environment,
    });
    this.disconnectFn = new PitwatchFunction(this, 'Disconnect', {
      entry: 'functions/ws/disconnect.ts',
      description: 'WebSocket $disconnect: forget connection',
      environment: data.environment,
    });

    this.api = new apigwv2.WebSocketApi(this, 'Api', {
      apiName: `${Stack.of(this).stackName}-live`,
      description: 'Pitwatch live readings',
      routeSelectionExpression: ROUTE_SELECTION_EXPRESSION,
      connectRouteOptions: { integration: new WebSocketLambdaIntegration('Connect', this.connectFn.function) },
      disconnectRouteOptions: { integration: new WebSocketLambdaIntegration('Disconnect', this.disconnectFn.function) },
    });

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = new apigwv2.WebSocketStage(this, 'Stage', {
      webSocketApi: this.api,
      stageName: liveStageName,
      autoDeploy: true,
      // For all browsers together (API Gateway has no per-client throttle on WebSockets): sized to the deployment.
      throttle: liveThrottle(props.messagesPerSecond),
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLogs),
        format: apigateway.AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            event: '$context.eventType',
            route: '$context.routeKey',
            connectionId: '$context.connectionId',
            status: '$context.status',
            integrationLatencyMs: '$context.integrationLatency',
            error: '$context.error.message',
          }),
        ),
      },
    });
    this.stage.node.addDependency(this.apiGatewayLoggingRole());
    // Its own host name: API Gateway cannot map a WebSocket API and an HTTP API on one custom domain. The handlers
    // keep posting to the execute-api callback URL.
    this.customHost = props.domain?.name;
    this.domainName = props.domain
      ? new apigwv2.DomainName(this, 'DomainName', {
          domainName: props.domain.name,
          certificate: props.domain.certificate,
          securityPolicy: apigwv2.SecurityPolicy.TLS_1_2,
        })
      : undefined;
    if (this.domainName) new apigwv2.ApiMapping(this, 'ApiMapping', { api: this.api, domainName: this.domainName, stage: this.stage });

    // $default needs the stage's callback URL to reply, so it is created after the stage.
    this.messageFn = new PitwatchFunction(this, 'Message', {
      entry: 'functions/ws/message.ts',
      description: 'WebSocket $default: answers frames that are not a ping with an error message',
      environment: { ...data.environment, WS_CALLBACK_URL: this.callbackUrl },
    });
    this.api.addRoute('$default', {
      integration: new WebSocketLambdaIntegration('Message', this.messageFn.function),
    });
    this.addPingRoute();

    // $connect: the one authentication step (the session), then the connection item. $disconnect: deletes that
    // item, nothing else. $default: answers on its own connection and touches no table at all.
    data.grantSessionUse(this.connectFn);
    data.grantTable(this.connectFn, ['PutItem']);
    data.grantTable(this.disconnectFn, ['DeleteItem']);
    this.grantPush(this.messageFn);

    for (const route of ['$disconnect', '$default', PING_ROUTE_KEY]) {
      const child = this.api.node.tryFindChild(`${route}-Route`);
      if (child) {
        acknowledge(child, {
          id: 'AwsSolutions-APIG4',
          reason: `API Gateway allows an authorizer only on $connect; ${route} runs on a connection $connect already authenticated.`,
        });
      }
    }
    const connectRoute = this.api.node.tryFindChild('$connect-Route');
    if (connectRoute) {
      acknowledge(connectRoute, {
        id: 'AwsSolutions-APIG4',
        reason:
          'The $connect handler authenticates the opaque session token from ?token= against DynamoDB and rejects the upgrade otherwise (browsers cannot send an Authorization header on a WebSocket).',
      });
    }
  }

  /**
   * The heartbeat, answered in API Gateway: a visible page pings every 1.5 s, and each ping through `$default` was a
   * Lambda invocation with its log lines and trace. The mock integration turns the ping into `{"statusCode": 200}`, its
   * integration response sends PONG_FRAME, and the route response sends that back on the same connection.
   */
  private addPingRoute(): void {
    const route = this.api.addRoute(PING_ROUTE_KEY, {
      integration: new WebSocketMockIntegration('Ping', {
        requestTemplates: { $default: JSON.stringify({ statusCode: 200 }) },
        templateSelectionExpression: '\\$default',
      }),
      returnResponse: true,
    });
    // The route builds its integration in its own scope, under the integration's id.
    const integration = route.node.findChild('Ping') as apigwv2.WebSocketIntegration;
    new apigwv2.CfnIntegrationResponse(this, 'PongResponse', {
      apiId: this.api.apiId,
      integrationId: integration.integrationId,
      integrationResponseKey: '$default',
      templateSelectionExpression: '\\$default',
      responseTemplates: { $default: PONG_FRAME },
    });
  }

  /** `wss://{apiId}.execute-api.{region}.amazonaws.com/live`: what the browser opens. */
  get url(): string {
    return this.customHost ? `wss://${this.customHost}` : this.stage.url;
  }

  /** `https://{apiId}.execute-api.{region}.amazonaws.com/live`: the management endpoint handlers post to. */
  get callbackUrl(): string {
    return this.stage.callbackUrl;
  }

  /**
   * PostToConnection on this API's `live` stage only: `execute-api:ManageConnections` on
   * `…/{apiId}/live/POST/@connections/*` (the connection id is the only wildcard; no GET or DELETE).
   */
  grantPush(fn: PitwatchFunction): void {
    this.grantConnections(fn, ['POST']);
  }

  /**
   * Push and close (DeleteConnection): for the functions that end sessions, whose sockets get a last
   * `session-ended` message and are then closed by the server.
   */
  grantManage(fn: PitwatchFunction): void {
    this.grantConnections(fn, ['POST', 'DELETE']);
  }

  private grantConnections(fn: PitwatchFunction, methods: ReadonlyArray<'POST' | 'DELETE'>): void {
    const resources = methods.map((m) => this.api.arnForExecuteApiV2(`${m}/@connections/*`, this.stage.stageName));
    fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['execute-api:ManageConnections'], resources }));
    for (const resource of resources) {
      acknowledge(fn.role, {
        id: iam5Resource(this, resource),
        reason: `Connection ids are created at runtime; the grant is limited to ${methods.join(' and ')} on the live stage of this one API.`,
      });
    }
  }

  /**
   * WebSocket stages can only write access logs once API Gateway's account-level CloudWatch role is set
   * ("CloudWatch Logs role ARN must be set in account settings"). This is a per-account, per-region setting:
   * the role is retained on stack deletion so other APIs that rely on the setting keep logging.
   */
  private apiGatewayLoggingRole(): apigateway.CfnAccount {
    const role = new iam.Role(this, 'ApiGatewayCloudWatchRole', {
      assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com'),
      description: 'API Gateway account setting: lets API Gateway write execution and access logs to CloudWatch',
      managedPolicies: [
        iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AmazonAPIGatewayPushToCloudWatchLogs'),
      ],
    });
    role.applyRemovalPolicy(RemovalPolicy.RETAIN);
    acknowledge(role, {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
      reason:
        'AWS-maintained policy made for exactly this account-level API Gateway logging role; API Gateway creates its own log groups with it.',
    });
    const account = new apigateway.CfnAccount(this, 'ApiGatewayAccount', { cloudWatchRoleArn: role.roleArn });
    account.node.addDependency(role);
    return account;
  }
}
