import { Aws, DefaultStackSynthesizer, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { acknowledge, iam5Action, iam5Resource } from '../nag';

export interface WebsiteProps {
  /** Directory holding the built web app (`web/dist`): must contain index.html. */
  readonly webDistPath: string;
  /** RETAIN buckets (and their logs) instead of emptying and deleting them with the stack. */
  readonly deletionProtection: boolean;
  /** Serve on the user's own domain (a us-east-1 ACM certificate), with TLS 1.2 at least. */
  readonly domain?: { readonly name: string; readonly certificate: acm.ICertificate };
}

/** What the web app fetches from `/config.json` at start-up to find its backends. */
export interface WebsiteConfig {
  readonly apiUrl: string;
  readonly wsUrl: string;
}

/** Vite's output folder for content-hashed files: safe to cache forever. */
const hashedAssets = 'assets/*';

/**
 * The CloudFront Function in front of the bucket (viewer request): a path whose last segment has no extension is a
 * screen of the app (`/devices/12:34`, `/settings`), so it gets the app shell; anything with an extension is a file
 * and is looked up as it is, so a missing one is a real 404 (not index.html served as `/manifest.json`).
 */
export const spaRewriteSource = `function handler(event) {
  var request = event.request;
  var last = request.uri.substring(request.uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

/**
 * The React app: a private S3 bucket read by CloudFront through Origin Access Control, SPA routing (a CloudFront
 * Function; missing files stay 404), security headers, and `config.json` pointing at the HTTP and WebSocket APIs.
 */
export class Website extends Construct {
  readonly bucket: s3.Bucket;
  readonly logsBucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  private readonly props: WebsiteProps;
  private readonly deploymentRole: iam.Role;
  private readonly deploymentLogs: logs.LogGroup;
  private readonly assetsDeployment: s3deploy.BucketDeployment;
  private siteDeployment: s3deploy.BucketDeployment | undefined;

  constructor(scope: Construct, id: string, props: WebsiteProps) {
    super(scope, id);
    this.props = props;
    const removal = props.deletionProtection
      ? { removalPolicy: RemovalPolicy.RETAIN }
      : { removalPolicy: RemovalPolicy.DESTROY, autoDeleteObjects: true };

    // S3 server access logs and CloudFront standard logs. CloudFront's standard logging writes through
    // bucket ACLs, hence BUCKET_OWNER_PREFERRED on this bucket only.
    this.logsBucket = new s3.Bucket(this, 'Logs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      ...removal,
    });
    acknowledge(this.logsBucket, {
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log destination; logging it into itself would loop, and a third bucket adds nothing.',
    });

    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: this.logsBucket,
      serverAccessLogsPrefix: 's3/',
      ...removal,
    });

    const spaRewrite = new cloudfront.Function(this, 'SpaRewrite', {
      comment: 'Pitwatch: app screens get index.html; files are served as they are',
      code: cloudfront.FunctionCode.fromInline(spaRewriteSource),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Pitwatch web app',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        // LIST as well as READ: S3 then answers a missing file with 404 (without it, 403), and no error response
        // turns that into the app shell.
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket, {
          originAccessLevels: [cloudfront.AccessLevel.READ, cloudfront.AccessLevel.LIST],
        }),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.securityHeaders(),
        compress: true,
        functionAssociations: [{ function: spaRewrite, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      ...(props.domain && {
        domainNames: [props.domain.name],
        certificate: props.domain.certificate,
        minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      }),
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      // North America and Europe edges only: the cheapest class; a personal deployment has a handful of users.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: this.logsBucket,
      logFilePrefix: 'cloudfront/',
    });
    acknowledge(
      this.distribution,
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'Cooks check their pit from wherever they are (travel included); the API requires a session anyway, so geo restriction adds nothing.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'A WAF web ACL costs ~$5/month plus rules, 100x the idle-month budget of a personal deployment serving static files; the APIs behind it are authenticated and throttled.',
      },
    );
    if (!props.domain) {
      acknowledge(this.distribution, {
        id: 'AwsSolutions-CFR4',
        reason:
          'Uses the default *.cloudfront.net certificate, for which CloudFront fixes the viewer security policy (TLSv1); deploy with -c domainName= -c certificateArn= to pin TLSv1.2_2021.',
      });
    }

    // The Lambda behind BucketDeployment: own role and log group rather than AWSLambdaBasicExecutionRole.
    this.deploymentLogs = new logs.LogGroup(this, 'DeploymentLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.deploymentRole = new iam.Role(this, 'DeploymentRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Pitwatch: copies the web build into the website bucket',
    });
    this.deploymentLogs.grantWrite(this.deploymentRole);

    // Content-hashed bundles first, cached for a year; never pruned, so a tab still running the previous
    // version can lazy-load its chunks.
    this.assetsDeployment = new s3deploy.BucketDeployment(this, 'DeployAssets', {
      ...this.deploymentOptions(),
      sources: [s3deploy.Source.asset(props.webDistPath)],
      exclude: ['*'],
      include: [hashedAssets],
      prune: false,
      cacheControl: [
        s3deploy.CacheControl.setPublic(),
        s3deploy.CacheControl.maxAge(Duration.days(365)),
        s3deploy.CacheControl.immutable(),
      ],
    });

    this.node.addValidation({
      validate: () => (this.siteDeployment ? [] : ['Website.publish() was never called: no index.html or config.json']),
    });
  }

  /** `https://xxxx.cloudfront.net` */
  get url(): string {
    return `https://${this.props.domain?.name ?? this.distribution.distributionDomainName}`;
  }

  /**
   * Deploys index.html, the other unhashed files and `config.json` (after the hashed assets, so the new
   * index.html never references a missing chunk), revalidated on every load.
   * Separate from the constructor because the APIs' CORS needs this site's URL first.
   */
  publish(config: WebsiteConfig): void {
    if (this.siteDeployment) throw new Error('Website.publish() may only be called once');
    this.siteDeployment = new s3deploy.BucketDeployment(this, 'DeploySite', {
      ...this.deploymentOptions(),
      sources: [
        s3deploy.Source.asset(this.props.webDistPath),
        s3deploy.Source.jsonData('config.json', { apiUrl: config.apiUrl, wsUrl: config.wsUrl }),
      ],
      exclude: [hashedAssets],
      prune: true,
      // No CloudFront invalidation needed (and none of the `cloudfront:CreateInvalidation` on "*" it grants):
      // with no-cache from the origin, CachingOptimized keeps these files for its 1-second minimum TTL only.
      cacheControl: [s3deploy.CacheControl.noCache()],
    });
    this.siteDeployment.node.addDependency(this.assetsDeployment);
    this.acknowledgeDeploymentFindings();
  }

  private deploymentOptions(): Pick<s3deploy.BucketDeploymentProps, 'destinationBucket' | 'role' | 'logGroup' | 'memoryLimit'> {
    return {
      destinationBucket: this.bucket,
      role: this.deploymentRole,
      logGroup: this.deploymentLogs,
      memoryLimit: 512,
    };
  }

  /**
   * Headers on every response. The API origins cannot be named in connect-src (their ids depend on this
   * distribution's URL through CORS: a cycle), so it allows this region's execute-api hosts.
   */
  private securityHeaders(): cloudfront.ResponseHeadersPolicy {
    const executeApi = `*.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}`;
    const csp = [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      `connect-src 'self' https://${executeApi} wss://${executeApi}`,
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; ');
    return new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Pitwatch security headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: csp, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
        xssProtection: { protection: false, override: true },
      },
    });
  }

  /**
   * BucketDeployment's copy Lambda is a CDK-managed singleton: its grants use S3 action wildcards over the
   * CDK asset bucket and this website bucket only, and its Python runtime is pinned by aws-cdk-lib.
   */
  private acknowledgeDeploymentFindings(): void {
    const reason =
      'CDK BucketDeployment grant (s3 read on the CDK assets bucket, read/write on the website bucket only); the action wildcards come from Bucket.grantRead/grantReadWrite.';
    const stack = Stack.of(this);
    const qualifier = stack.synthesizer.bootstrapQualifier ?? DefaultStackSynthesizer.DEFAULT_QUALIFIER;
    const assetsBucket = DefaultStackSynthesizer.DEFAULT_FILE_ASSETS_BUCKET_NAME.replace('${Qualifier}', qualifier);
    acknowledge(
      this.deploymentRole,
      ...['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'].map((action) => ({
        id: iam5Action(action),
        reason,
      })),
      { id: iam5Resource(this, `arn:${Aws.PARTITION}:s3:::${assetsBucket}/*`), reason },
      { id: iam5Resource(this, this.bucket.arnForObjects('*')), reason },
    );
    for (const child of stack.node.children) {
      if (child.node.id.startsWith('Custom::CDKBucketDeployment')) {
        acknowledge(child, {
          id: 'AwsSolutions-L1',
          reason: 'Runtime of the CDK-managed BucketDeployment handler (Python, AWS CLI layer) is chosen by aws-cdk-lib, not by us; it runs at deploy time only.',
        });
      }
    }
  }
}
