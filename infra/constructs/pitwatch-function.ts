import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge } from '../nag';
import { fromRoot } from '../paths';
import type { HistoryStore } from '../settings';

/** Every variable `shared/config.ts` reads in AWS, by its exact name. */
export interface FunctionEnvironment {
  readonly TABLE_NAME: string;
  readonly HISTORY_STORE: HistoryStore;
  readonly TIMESTREAM_DATABASE_NAME?: string;
  readonly TIMESTREAM_TABLE_NAME?: string;
  /** KMS key ARN of the credential vault: only on the functions that may use the key (poll worker, login, MQTT). */
  readonly VAULT_KEY_ID?: string;
  /** Set only on functions granted execute-api:ManageConnections. */
  readonly WS_CALLBACK_URL?: string;
  /** Set only on the function granted sqs:SendMessage on the poll queue (the poll dispatcher). */
  readonly POLL_QUEUE_URL?: string;
  /** Set only on the poll worker, granted sqs:SendMessage on the MQTT publish queue. */
  readonly MQTT_PUBLISH_QUEUE_URL?: string;
  /** Set only on functions granted sqs:SendMessage on the notify queue (the notifier itself, the channels routes). */
  readonly NOTIFY_QUEUE_URL?: string;
  /** Set only on functions granted sqs:SendMessage on the share-expiry queue (the cooks routes, the expirer). */
  readonly SHARE_EXPIRY_QUEUE_URL?: string;
  /** The notifier's links and what the channels routes offer (shared/config.ts). */
  readonly NOTIFY_APP_URL?: string;
  readonly NOTIFY_EMAIL_FROM?: string;
  readonly NOTIFY_SMS_PER_HOUR?: string;
  /** Seconds between polls of an active account (the two poll functions; a string, as environment values are). */
  readonly POLL_INTERVAL_SECONDS?: string;
  /** Set only on functions granted writing and linking exports. */
  readonly EXPORT_BUCKET?: string;
  /** The website's origin: for the links a function hands out (share links). */
  readonly PUBLIC_WEB_URL?: string;
}

export interface PitwatchFunctionProps {
  /** Handler file relative to the repository root, e.g. `functions/poll/worker.ts` (exporting `handler`). */
  readonly entry: string;
  readonly description: string;
  readonly environment: FunctionEnvironment;
  /** @default 256 */
  readonly memorySize?: number;
  /** @default 10 seconds (HTTP and WebSocket integrations give up after 29 s anyway) */
  readonly timeout?: Duration;
  /**
   * Active X-Ray tracing. Off for the poll pipeline: it runs every minute for every account, and a trace per poll
   * would be the largest line of a device's monthly bill (bench:cost); its logs and metrics cover it.
   * @default true
   */
  readonly tracing?: boolean;
}

/** Runtimes offered by aws-cdk-lib 2.276: 24.x is the newest, and cdk-nag L1 checks for exactly that. */
export const functionRuntime = lambda.Runtime.NODEJS_24_X;

/**
 * Lets CommonJS dependencies bundled into the ESM output still call `require` (for Node built-ins): ESM has no
 * `require`. The import is aliased so it cannot collide with a bundled module's own `createRequire` import.
 */
const requireShim =
  "import { createRequire as __pitwatchCreateRequire } from 'node:module';" +
  'const require = __pitwatchCreateRequire(import.meta.url);';

/**
 * One Lambda function the Pitwatch way: Node 24 on Graviton, ESM bundle built by the local esbuild (never Docker),
 * its own log group with a retention, X-Ray tracing, and a role that starts with nothing but the right to write
 * to that one log group (instead of AWSLambdaBasicExecutionRole, which may write to any log group). Grant the
 * rest explicitly (`data.grantTableRead(fn)`): this construct is `IGrantable`.
 */
export class PitwatchFunction extends Construct implements iam.IGrantable {
  readonly function: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;
  readonly grantPrincipal: iam.IPrincipal;

  constructor(scope: Construct, id: string, props: PitwatchFunctionProps) {
    super(scope, id);

    // Logs are operational, not records: bounded retention, and they go with the stack.
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Pitwatch ${props.description}`,
    });
    this.logGroup.grantWrite(this.role);
    this.grantPrincipal = this.role;

    this.function = new NodejsFunction(this, 'Function', {
      entry: fromRoot(props.entry),
      handler: 'handler',
      description: `Pitwatch ${props.description}`,
      projectRoot: fromRoot(),
      depsLockFilePath: fromRoot('package-lock.json'),
      runtime: functionRuntime,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 256,
      timeout: props.timeout ?? Duration.seconds(10),
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel.INFO,
      systemLogLevelV2: lambda.SystemLogLevel.INFO,
      environment: {
        ...props.environment,
        POWERTOOLS_SERVICE_NAME: 'pitwatch',
        POWERTOOLS_METRICS_NAMESPACE: 'Pitwatch',
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        forceDockerBundling: false,
        minify: true,
        sourceMap: true,
        // Stack traces map back to files; the sources themselves stay out of the asset.
        sourcesContent: false,
        format: OutputFormat.ESM,
        target: 'node22',
        // Prefer packages' ESM builds so tree-shaking keeps the bundle small.
        mainFields: ['module', 'main'],
        banner: requireShim,
        // The Node.js runtime ships AWS SDK v3; not bundling it keeps each asset small.
        externalModules: ['@aws-sdk/*'],
        // readable-stream (MQTT.js's) is the userland copy of Node's own stream module: on Node, the built-in is the
        // same API, and 75 KB lighter in the bundle.
        esbuildArgs: { '--alias:readable-stream': 'stream' },
      },
    });

    if (props.tracing === false) return;
    // Active X-Ray tracing. Set on the L1 with the permissions in a policy of their own, because
    // `tracing: Tracing.ACTIVE` puts them (on Resource "*") into the role's default policy, and acknowledging that
    // wildcard there would also hide any other "*" that later lands in the same policy.
    (this.function.node.defaultChild as lambda.CfnFunction).tracingConfig = { mode: lambda.Tracing.ACTIVE };
    const xray = new iam.Policy(this, 'XRayWrite', {
      roles: [this.role],
      statements: [
        new iam.PolicyStatement({ actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], resources: ['*'] }),
      ],
    });
    this.function.node.addDependency(xray);
    acknowledge(xray, {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'X-Ray: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions.',
    });
  }
}
