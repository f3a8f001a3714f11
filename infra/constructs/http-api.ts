import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as acm from 'aws-cdk-lib/aws-certificatemanager';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge } from '../nag';
import { routeKeyOf, type HttpFunctionName } from '../../shared/api/route-definition';
import { routeList, routes } from '../../shared/api/route-table';
import type { DataStores } from './data-stores';
import type { Exports } from './exports';
import type { LiveUpdates } from './live-updates';
import type { Notifications } from './notifications';
import { PitwatchFunction, type FunctionEnvironment } from './pitwatch-function';

export interface HttpApiProps {
  readonly data: DataStores;
  /** Sign-out and session revocation close WebSockets through its management API. */
  readonly live: LiveUpdates;
  /** Cook and account exports are written there and linked. */
  readonly exports: Exports;
  /** The website's origin (`https://xxxx.cloudfront.net`): the only origin CORS lets call the API. */
  readonly allowedOrigin: string;
  /** The channels routes queue test notifications and say which channel types this deployment offers. */
  readonly notifications: Notifications;
  /** Serve the API on this host name (an ACM certificate in the stack's region), TLS 1.2 at least. */
  readonly domain?: { readonly name: string; readonly certificate: acm.ICertificate };
}

/**
 * API Gateway's stage throttle is only a backstop against a runaway client: sign-in abuse is throttled per email and
 * per network inside Pitwatch (shared/auth/sign-in-throttle.ts), so these are set high enough that one client
 * cannot starve everyone else's requests.
 */
export const httpThrottle = {
  stage: { rateLimit: 100, burstLimit: 200 },
  login: { rateLimit: 20, burstLimit: 40 },
} as const;

const loginRouteKey = routeKeyOf(routes.login);

/** Each HTTP function's handler file, memory and description: one Lambda per `fn` of the route table. */
const functionSpecs: Record<HttpFunctionName, { id: string; description: string }> = {
  login: { id: 'Login', description: 'sign-in: ThermoWorks credentials, throttled; session token' },
  sessions: { id: 'Sessions', description: 'sign-out and sessions: list, revoke (closes their WebSockets)' },
  tokens: { id: 'Tokens', description: 'API tokens: create, list, revoke (closes their WebSockets)' },
  settings: { id: 'Settings', description: 'display settings: units, clock, time zone, theme' },
  account: { id: 'Account', description: 'linked ThermoWorks account status' },
  privacy: { id: 'Privacy', description: 'your data: account export (to the exports bucket) and account deletion' },
  devices: { id: 'Devices', description: 'devices and latest readings' },
  history: { id: 'History', description: 'one channel of history, downsampled' },
  cooks: { id: 'Cooks', description: 'cook records: start, list, edit, events, end, readings, export, compare, share links' },
  share: { id: 'Share', description: 'a shared cook, public: that cook and nothing else' },
  integrations: { id: 'Integrations', description: 'MQTT integration: set up, show, test, remove (clears the broker)' },
  alarms: { id: 'Alarms', description: 'alarm rules: create, list, change, delete; alarm history and acknowledge' },
  notifications: { id: 'Notifications', description: 'notification channels: webhook, Web Push, email, SMS; test' },
  'alarm-links': { id: 'AlarmLinks', description: 'signed links, public: preview, acknowledge, snooze 10 min, confirm an email address' },
  metrics: { id: 'Metrics', description: 'Prometheus metrics of devices, readings and cooks' },
  openapi: { id: 'OpenApi', description: 'the OpenAPI 3.1 document of this API' },
};

/**
 * The HTTP API the React app reads (payload format 2.0, Lambda proxy integrations): one route per entry of the
 * route table (shared/api/routes.ts), on the entry's function. Every route but sign-in authenticates in the
 * function itself, through the one authentication step (no authorizer: no cache, so revocation is immediate).
 * Anything else reaches `$default`, which answers 404 or 405 in the documented error body.
 */
export class HttpApi extends Construct {
  readonly api: apigwv2.HttpApi;
  readonly stage: apigwv2.HttpStage;
  readonly functions: Record<HttpFunctionName, PitwatchFunction>;
  readonly fallbackFn: PitwatchFunction;
  readonly domainName: apigwv2.DomainName | undefined;
  private readonly customHost: string | undefined;

  constructor(scope: Construct, id: string, props: HttpApiProps) {
    super(scope, id);
    const { data, live, exports } = props;

    this.api = new apigwv2.HttpApi(this, 'Api', {
      apiName: `${Stack.of(this).stackName}-http`,
      description: 'Pitwatch HTTP API',
      corsPreflight: {
        allowOrigins: [props.allowedOrigin],
        allowMethods: [...new Set(routeList.map((r) => r.method))].map((m) => apigwv2.CorsHttpMethod[m]),
        allowHeaders: ['authorization', 'content-type'],
        exposeHeaders: ['retry-after'],
        maxAge: Duration.hours(1),
      },
      // The default stage is added below, with access logging and throttling the shortcut cannot configure.
      createDefaultStage: false,
    });

    const fn = (name: HttpFunctionName, environment: FunctionEnvironment, timeout?: Duration) =>
      new PitwatchFunction(this, functionSpecs[name].id, {
        entry: `functions/http/${name}.ts`,
        description: functionSpecs[name].description,
        environment,
        ...(timeout ? { timeout } : {}),
      });
    // Exports and account deletion read every point of a long cook or an account: up to the HTTP API's 29 s limit.
    const exportTimeout = Duration.seconds(29);
    const pushEnvironment = { WS_CALLBACK_URL: live.callbackUrl };
    this.functions = {
      login: fn('login', { ...data.environment, ...data.vaultEnvironment, ...pushEnvironment }),
      sessions: fn('sessions', { ...data.environment, ...pushEnvironment }),
      tokens: fn('tokens', { ...data.environment, ...pushEnvironment }),
      settings: fn('settings', data.environment),
      account: fn('account', data.environment),
      privacy: fn('privacy', { ...data.environment, ...exports.environment, ...pushEnvironment }, exportTimeout),
      devices: fn('devices', data.environment),
      history: fn('history', data.environment),
      cooks: fn('cooks', { ...data.environment, ...exports.environment, ...pushEnvironment, PUBLIC_WEB_URL: props.allowedOrigin }, exportTimeout),
      share: fn('share', data.environment),
      integrations: fn('integrations', { ...data.environment, ...data.vaultEnvironment }),
      alarms: fn('alarms', data.environment),
      notifications: fn('notifications', { ...data.environment, ...data.vaultEnvironment, ...props.notifications.availabilityEnvironment }),
      'alarm-links': fn('alarm-links', { ...data.environment, ...data.vaultEnvironment }),
      metrics: fn('metrics', data.environment),
      openapi: fn('openapi', data.environment),
    };

    // IAM, per function: exactly the calls each one makes (its stores are named beside each grant).
    const f = this.functions;
    // Links the account (PutItem), issues a session and ends the oldest past the limit (Put/Query/Delete), counts
    // sign-in attempts (Get/Put/Update/Delete), closes the ended sessions' sockets (connections Query/Delete).
    data.grantTable(f.login, ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query']);
    data.grantVaultSeal(f.login);
    live.grantManage(f.login);
    // Sessions: list (Query on GSI1), revoke (DeleteItem), close their sockets (connections Query/Delete).
    data.grantSessionUse(f.sessions);
    data.grantTable(f.sessions, ['Query', 'DeleteItem']);
    live.grantManage(f.sessions);
    // API tokens: create (PutItem), list (Query on GSI1), revoke (DeleteItem), close their sockets (connections Query/Delete).
    data.grantSessionUse(f.tokens);
    data.grantTable(f.tokens, ['PutItem', 'Query', 'DeleteItem']);
    live.grantManage(f.tokens);
    // The settings item: read it (GetItem), set the patched fields (UpdateItem).
    data.grantSessionUse(f.settings);
    data.grantTable(f.settings, ['GetItem', 'UpdateItem']);
    // The link item.
    data.grantSessionUse(f.account);
    // The account partition: devices and latest readings.
    data.grantSessionUse(f.devices);
    data.grantTable(f.devices, ['Query']);
    // The device item, then readings from wherever history lives.
    data.grantSessionUse(f.history);
    data.grantHistoryRead(f.history);
    // The account partition (devices, latest readings, active cooks, the personal priors a cook's end learns into), cook records (Get, Query on GSI1, Put/Update/
    // Delete alone and in transactions), share links (Put, Query on GSI1, Delete); readings from history; exports
    // written and linked; `cook` messages pushed and revoked shares' sockets closed.
    data.grantSessionUse(f.cooks);
    data.grantTable(f.cooks, ['Query', 'PutItem', 'UpdateItem', 'DeleteItem']);
    data.grantHistoryRead(f.cooks);
    exports.grantWriteAndLink(f.cooks);
    live.grantManage(f.cooks);
    // Public: the share item (GetItem), the cook record and its live item (GetItem), readings from history.
    data.grantTable(f.share, ['GetItem']);
    data.grantHistoryRead(f.share);
    // Your data: every item of the account found by key (Get, Query) and deleted (Delete, BatchWrite); history read
    // for the export; the export written and linked; the account's sockets closed.
    data.grantSessionUse(f.privacy);
    data.grantTable(f.privacy, ['Query', 'DeleteItem', 'BatchWriteItem']); // DeleteItem: the closed sockets' items
    data.grantHistoryRead(f.privacy);
    exports.grantWriteAndLink(f.privacy);
    live.grantManage(f.privacy);
    // The integration item (Get, Put, Update its status after a test, Delete), the decrypt audit (Put); broker passwords
    // only: sealed on PUT, opened to test the broker and to clear it on removal (both publish).
    data.grantSessionUse(f.integrations);
    data.grantTable(f.integrations, ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem']);
    data.grantVaultSeal(f.integrations, 'mqtt-broker-password');
    data.grantVaultOpen(f.integrations, 'mqtt-broker-password');
    // Rules (account partition: Query, Get, Put, Update, Delete), the device (GetItem), the account's channels (Query),
    // events (ALARMEVENTS#: Query, UpdateItem to acknowledge, GetItem); an acknowledgement pushed to the account's
    // pages (connections Query, a gone one's DeleteItem).
    data.grantSessionUse(f.alarms);
    data.grantTable(f.alarms, ['Query', 'PutItem', 'UpdateItem', 'DeleteItem']);
    live.grantPush(f.alarms);
    // Channels (NOTIFY#: Query, Get, Put, Update, Delete), the deployment's notification secrets (Get, Put once);
    // seals webhook secrets and the VAPID private key (never opens one), queues tests.
    data.grantSessionUse(f.notifications);
    data.grantTable(f.notifications, ['Query', 'PutItem', 'UpdateItem', 'DeleteItem']);
    data.grantVaultSeal(f.notifications, 'notification-secret');
    props.notifications.acceptNotificationsFrom(f.notifications);
    // Public, the token is the credential: the event, its rule and the channel (GetItem), acknowledging, snoozing,
    // confirming (UpdateItem), the deployment secrets (GetItem) opened for the link key, the decrypt audit (PutItem);
    // an acknowledgement pushed to the account's pages (connections Query, a gone one's DeleteItem).
    data.grantTable(f['alarm-links'], ['GetItem', 'UpdateItem', 'PutItem', 'Query', 'DeleteItem']);
    data.grantVaultOpen(f['alarm-links'], 'notification-secret');
    live.grantPush(f['alarm-links']);
    // The account partition: devices, latest readings, cooks in progress.
    data.grantSessionUse(f.metrics);
    data.grantTable(f.metrics, ['Query']);
    // The OpenAPI document: public, built from the route table; no table access at all.

    const integrations = Object.fromEntries(
      (Object.keys(this.functions) as HttpFunctionName[]).map((name) => [name, new HttpLambdaIntegration(functionSpecs[name].id, this.functions[name].function)]),
    ) as Record<HttpFunctionName, HttpLambdaIntegration>;
    const routeConstructs = routeList.map(
      (route) =>
        [
          route,
          new apigwv2.HttpRoute(this, `Route${route.id[0]!.toUpperCase()}${route.id.slice(1)}`, {
            httpApi: this.api,
            routeKey: apigwv2.HttpRouteKey.with(route.path, apigwv2.HttpMethod[route.method]),
            integration: integrations[route.fn],
          }),
        ] as const,
    );

    // No DynamoDB, no secrets: it only knows the route table.
    this.fallbackFn = new PitwatchFunction(this, 'Fallback', {
      entry: 'functions/http/fallback.ts',
      description: 'HTTP $default: 404 / 405 in the documented error body',
      environment: data.environment,
    });
    const fallbackRoute = new apigwv2.HttpRoute(this, 'RouteDefault', {
      httpApi: this.api,
      routeKey: apigwv2.HttpRouteKey.DEFAULT,
      integration: new HttpLambdaIntegration('Fallback', this.fallbackFn.function),
    });

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = this.api.addStage('DefaultStage', {
      autoDeploy: true,
      throttle: httpThrottle.stage,
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLogs),
        // JSON, with the fields an HTTP API actually has (the default format logs REST-only fields as "-").
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            route: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integrationLatency',
            responseLength: '$context.responseLength',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });
    const cfnStage = this.stage.node.defaultChild as apigwv2.CfnStage;
    cfnStage.routeSettings = {
      [loginRouteKey]: {
        ThrottlingRateLimit: httpThrottle.login.rateLimit,
        ThrottlingBurstLimit: httpThrottle.login.burstLimit,
      },
    };
    // Route settings name a route key; API Gateway rejects them if the route does not exist yet.
    this.customHost = props.domain?.name;
    this.domainName = props.domain
      ? new apigwv2.DomainName(this, 'DomainName', {
          domainName: props.domain.name,
          certificate: props.domain.certificate,
          securityPolicy: apigwv2.SecurityPolicy.TLS_1_2,
        })
      : undefined;
    if (this.domainName) new apigwv2.ApiMapping(this, 'ApiMapping', { api: this.api, domainName: this.domainName, stage: this.stage });

    // Route settings name a route key; API Gateway rejects them if the route does not exist yet.
    const loginRoute = routeConstructs.find(([r]) => routeKeyOf(r) === loginRouteKey)?.[1];
    if (loginRoute) this.stage.node.addDependency(loginRoute);

    for (const [route, construct] of routeConstructs) {
      acknowledge(construct, {
        id: 'AwsSolutions-APIG4',
        reason:
          route.id === 'openApi'
            ? 'The OpenAPI document describes the public API; it reads nothing and holds no secret.'
            : route.auth === 'public'
            ? 'Sign-in is the public entry point that issues the session token; it is throttled per email and network in the function.'
            : 'The function authenticates every request through the one authentication step (hashed credential lookup in DynamoDB, no cache, so revocation is immediate); an authorizer would cache.',
      });
    }
    acknowledge(fallbackRoute, {
      id: 'AwsSolutions-APIG4',
      reason: 'The $default route only answers 404/405 for paths that are not in the route table; it reads nothing.',
    });
  }

  /** `https://api.{domain}/` with a custom domain, else `https://{apiId}.execute-api.{region}.amazonaws.com/`. */
  get url(): string {
    return this.customHost ? `https://${this.customHost}/` : this.stage.url;
  }
}
