import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge } from '../nag';
import type { DataStores } from './data-stores';
import { PitwatchFunction } from './pitwatch-function';

export interface HttpApiProps {
  readonly data: DataStores;
  /** The website's origin (`https://xxxx.cloudfront.net`): the only origin CORS lets call the API. */
  readonly allowedOrigin: string;
}

/** Stage-wide throttle, and a tighter one on sign-in, which forwards passwords to ThermoWorks. */
export const httpThrottle = {
  stage: { rateLimit: 20, burstLimit: 40 },
  login: { rateLimit: 1, burstLimit: 5 },
} as const;

const loginRouteKey = 'POST /auth/login';

/**
 * The HTTP API the React app reads (payload format 2.0, Lambda proxy integrations): `POST /auth/login`,
 * `GET /devices`, `GET /devices/{serial}/history`, `GET /account`, and `POST|GET /cooks`, `DELETE /cooks/{serial}`.
 * Every route but sign-in checks the Bearer session token in its handler.
 */
export class HttpApi extends Construct {
  readonly api: apigwv2.HttpApi;
  readonly stage: apigwv2.HttpStage;
  readonly loginFn: PitwatchFunction;
  readonly devicesFn: PitwatchFunction;
  readonly accountFn: PitwatchFunction;
  readonly historyFn: PitwatchFunction;
  readonly cooksFn: PitwatchFunction;

  constructor(scope: Construct, id: string, props: HttpApiProps) {
    super(scope, id);
    const { data } = props;

    this.api = new apigwv2.HttpApi(this, 'Api', {
      apiName: `${Stack.of(this).stackName}-http`,
      description: 'Pitwatch HTTP API',
      corsPreflight: {
        allowOrigins: [props.allowedOrigin],
        allowMethods: [apigwv2.CorsHttpMethod.GET, apigwv2.CorsHttpMethod.POST, apigwv2.CorsHttpMethod.DELETE],
        allowHeaders: ['authorization', 'content-type'],
        maxAge: Duration.hours(1),
      },
      // The default stage is added below, with access logging and throttling the shortcut cannot configure.
      createDefaultStage: false,
    });

    this.loginFn = new PitwatchFunction(this, 'Login', {
      entry: 'functions/http/login.ts',
      description: 'POST /auth/login: ThermoWorks sign-in, session token',
      environment: { ...data.environment, ...data.vaultEnvironment },
    });
    data.grantTableReadWrite(this.loginFn);
    data.grantVault(this.loginFn);

    this.devicesFn = new PitwatchFunction(this, 'Devices', {
      entry: 'functions/http/devices.ts',
      description: 'GET /devices: devices and latest readings',
      environment: data.environment,
    });
    data.grantTableRead(this.devicesFn);

    // The linked-account item's poll status: read only.
    this.accountFn = new PitwatchFunction(this, 'Account', {
      entry: 'functions/http/account.ts',
      description: 'GET /account: linked ThermoWorks account status',
      environment: data.environment,
    });
    data.grantTableRead(this.accountFn);

    // Reads the session and device items from the table, and readings from wherever history lives.
    this.historyFn = new PitwatchFunction(this, 'History', {
      entry: 'functions/http/history.ts',
      description: 'GET /devices/{serial}/history: one channel, downsampled',
      environment: data.environment,
    });
    data.grantTableRead(this.historyFn);
    data.grantHistoryRead(this.historyFn);

    // One function for the three cook routes (it dispatches on the route key): writes and deletes the cook item.
    this.cooksFn = new PitwatchFunction(this, 'Cooks', {
      entry: 'functions/http/cooks.ts',
      description: 'cooks: start, list, end; done-time predictions',
      environment: data.environment,
    });
    data.grantTableReadWrite(this.cooksFn);

    const [loginRoute] = this.api.addRoutes({
      path: '/auth/login',
      methods: [apigwv2.HttpMethod.POST],
      integration: new HttpLambdaIntegration('Login', this.loginFn.function),
    });
    const [devicesRoute] = this.api.addRoutes({
      path: '/devices',
      methods: [apigwv2.HttpMethod.GET],
      integration: new HttpLambdaIntegration('Devices', this.devicesFn.function),
    });
    const [accountRoute] = this.api.addRoutes({
      path: '/account',
      methods: [apigwv2.HttpMethod.GET],
      integration: new HttpLambdaIntegration('Account', this.accountFn.function),
    });
    const [historyRoute] = this.api.addRoutes({
      path: '/devices/{serial}/history',
      methods: [apigwv2.HttpMethod.GET],
      integration: new HttpLambdaIntegration('History', this.historyFn.function),
    });
    const cooksIntegration = new HttpLambdaIntegration('Cooks', this.cooksFn.function);
    const cooksRoutes = [
      ...this.api.addRoutes({
        path: '/cooks',
        methods: [apigwv2.HttpMethod.POST, apigwv2.HttpMethod.GET],
        integration: cooksIntegration,
      }),
      ...this.api.addRoutes({
        path: '/cooks/{serial}',
        methods: [apigwv2.HttpMethod.DELETE],
        integration: cooksIntegration,
      }),
    ];

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
    if (loginRoute) this.stage.node.addDependency(loginRoute);

    if (loginRoute) {
      acknowledge(loginRoute, {
        id: 'AwsSolutions-APIG4',
        reason: 'Sign-in is the public entry point that issues the session token; it is throttled per route instead.',
      });
    }
    for (const route of [devicesRoute, accountRoute, historyRoute, ...cooksRoutes]) {
      if (!route) continue;
      acknowledge(route, {
        id: 'AwsSolutions-APIG4',
        reason:
          'The handler authenticates the Bearer session token (hashed lookup in DynamoDB) before any read; the planned cached Lambda authorizer (NOTES.md) will move this to the route.',
      });
    }
  }

  /** `https://{apiId}.execute-api.{region}.amazonaws.com/` */
  get url(): string {
    return this.stage.url;
  }
}
