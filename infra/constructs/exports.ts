import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledge, iam5Resource } from '../nag';
import type { FunctionEnvironment, PitwatchFunction } from './pitwatch-function';

export interface ExportsProps {
  /** Server access logs go to the website's log bucket (one log bucket per deployment). */
  readonly accessLogs: s3.IBucket;
  readonly deletionProtection: boolean;
}

/** Exports are kept a day: long enough to download, short enough that nobody's data lingers. */
export const exportRetentionDays = 1;
const prefix = 'exports/';

/**
 * The exports bucket: large answers (a cook's every point, the account export) are streamed here as a multipart
 * upload and handed out as a presigned GET, so no Lambda payload limit applies and the browser downloads from S3
 * directly. Private, SSE-S3, TLS only, access-logged, everything expires after a day.
 */
export class Exports extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: ExportsProps) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'exports/',
      lifecycleRules: [{ expiration: Duration.days(exportRetentionDays), abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      // Exports are short-lived copies: nothing to keep when the stack goes.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: !props.deletionProtection,
      // The presigned link is opened by the web app's origin (a download), not read by script: no CORS needed.
    });
  }

  get environment(): Pick<FunctionEnvironment, 'EXPORT_BUCKET'> {
    return { EXPORT_BUCKET: this.bucket.bucketName };
  }

  /**
   * Write exports and sign links to them: PutObject and AbortMultipartUpload (lib-storage's multipart upload; the
   * other multipart calls are authorized by PutObject), and GetObject, which a presigned GET is checked against.
   * Under `exports/` only.
   */
  grantWriteAndLink(fn: PitwatchFunction): void {
    const objects = this.bucket.arnForObjects(`${prefix}*`);
    fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:PutObject', 's3:AbortMultipartUpload', 's3:GetObject'], resources: [objects] }));
    acknowledge(fn.role, {
      id: iam5Resource(this, objects),
      reason: 'Export files are named at runtime; the grant is limited to the exports/ prefix of the exports bucket, whose objects expire after a day.',
    });
  }
}
