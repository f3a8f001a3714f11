import type { Node } from 'constructs';

/** Where reading history lives; see NOTES.md (Timestream for LiveAnalytics takes no new customers). */
export const historyStores = ['timestream', 'dynamodb'] as const;
export type HistoryStore = (typeof historyStores)[number];

/** The deployment switches read from CDK context (`cdk.json`, or `-c key=value`). */
export interface PitwatchSettings {
  readonly historyStore: HistoryStore;
  /** Protect stateful resources: table deletion protection and RETAIN removal policies. */
  readonly deletionProtection: boolean;
  /** Subscribed to the alarm topic by email (SNS sends a confirmation link first). Unset: no subscription. */
  readonly alarmEmail?: string;
  /**
   * Serve the site on `domainName`, the HTTP API on `api.{domainName}` and the WebSocket API on `live.{domainName}`,
   * each with TLS 1.2 at least. The certificate must cover all three (e.g. `domainName` and `*.{domainName}`).
   * CloudFront only takes certificates from us-east-1: deploy there, or give `cloudFrontCertificateArn` too.
   */
  readonly customDomain?: CustomDomainSettings;
  /** Alarm email through SES v2 from this verified sender identity. Unset: no email channels. */
  readonly notifyEmailFrom?: string;
  /** Alarm SMS through SNS, at most this many per account per hour. Unset or 0: SMS is off. */
  readonly smsPerHour?: number;
  /**
   * The live WebSocket stage's throttle, messages a second for all browsers together (API Gateway has no per-client
   * throttle on WebSockets). Unset: DEFAULT_LIVE_MESSAGES_PER_SECOND, a household's pages with room to spare.
   */
  readonly liveMessagesPerSecond?: number;
}

/** A visible page pings every 1.5 s (0.67 a second): 20 a second is about 30 pages visible at once. */
export const DEFAULT_LIVE_MESSAGES_PER_SECOND = 20;
/** API Gateway's own account-level limit per region (it can be raised). */
const MAX_LIVE_MESSAGES_PER_SECOND = 10_000;

export interface CustomDomainSettings {
  readonly domainName: string;
  /** ACM certificate in the stack's region, for the two APIs (and for CloudFront when that region is us-east-1). */
  readonly certificateArn: string;
  /** ACM certificate in us-east-1 for CloudFront, when the stack is deployed elsewhere. */
  readonly cloudFrontCertificateArn?: string;
}

const hostnamePattern = /^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/;
const certificatePattern = /^arn:aws[a-z-]*:acm:([a-z0-9-]+):\d{12}:certificate\/[A-Za-z0-9-]+$/;

/** Deliberately loose: SNS validates the address itself; this only catches a value in the wrong context key. */
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Reads and validates context; `-c` values arrive as strings, cdk.json values as JSON. */
export function readSettings(node: Node): PitwatchSettings {
  const store: unknown = node.tryGetContext('historyStore') ?? 'timestream';
  if (typeof store !== 'string' || !(historyStores as readonly string[]).includes(store)) {
    throw new Error(`Context historyStore must be one of ${historyStores.join('|')}, got ${JSON.stringify(store)}`);
  }
  const protection: unknown = node.tryGetContext('deletionProtection') ?? true;
  if (protection !== true && protection !== false && protection !== 'true' && protection !== 'false') {
    throw new Error(`Context deletionProtection must be true or false, got ${JSON.stringify(protection)}`);
  }
  const email: unknown = node.tryGetContext('alarmEmail') ?? '';
  if (typeof email !== 'string' || (email !== '' && !emailPattern.test(email))) {
    throw new Error(`Context alarmEmail must be an email address, got ${JSON.stringify(email)}`);
  }
  const customDomain = readCustomDomain(node);
  const emailFrom: unknown = node.tryGetContext('notifyEmailFrom') ?? '';
  if (typeof emailFrom !== 'string' || (emailFrom !== '' && !emailPattern.test(emailFrom))) {
    throw new Error(`Context notifyEmailFrom must be an email address (an SES verified identity), got ${JSON.stringify(emailFrom)}`);
  }
  const sms: unknown = node.tryGetContext('smsPerHour') ?? 0;
  const smsPerHour = Number(sms);
  if (!Number.isInteger(smsPerHour) || smsPerHour < 0 || smsPerHour > 100) throw new Error(`Context smsPerHour must be a whole number 0–100, got ${JSON.stringify(sms)}`);
  const live: unknown = node.tryGetContext('liveMessagesPerSecond');
  const liveMessagesPerSecond = Number(live);
  if (live !== undefined && (!Number.isInteger(liveMessagesPerSecond) || liveMessagesPerSecond < 1 || liveMessagesPerSecond > MAX_LIVE_MESSAGES_PER_SECOND)) {
    throw new Error(`Context liveMessagesPerSecond must be a whole number 1–${MAX_LIVE_MESSAGES_PER_SECOND}, got ${JSON.stringify(live)}`);
  }
  return {
    historyStore: store as HistoryStore,
    deletionProtection: protection === true || protection === 'true',
    ...(email !== '' && { alarmEmail: email }),
    ...(customDomain && { customDomain }),
    ...(emailFrom !== '' && { notifyEmailFrom: emailFrom }),
    ...(smsPerHour > 0 && { smsPerHour }),
    ...(live !== undefined && { liveMessagesPerSecond }),
  };
}

function readCustomDomain(node: Node): CustomDomainSettings | undefined {
  const domainName: unknown = node.tryGetContext('domainName') ?? '';
  const certificateArn: unknown = node.tryGetContext('certificateArn') ?? '';
  const cloudFrontCertificateArn: unknown = node.tryGetContext('cloudFrontCertificateArn') ?? '';
  if (domainName === '' && certificateArn === '' && cloudFrontCertificateArn === '') return undefined;
  if (typeof domainName !== 'string' || !hostnamePattern.test(domainName)) {
    throw new Error(`Context domainName must be a lower-case host name such as pit.example.com, got ${JSON.stringify(domainName)}`);
  }
  if (typeof certificateArn !== 'string' || !certificatePattern.test(certificateArn)) {
    throw new Error(`Context certificateArn must be an ACM certificate ARN (with domainName=${domainName}), got ${JSON.stringify(certificateArn)}`);
  }
  if (cloudFrontCertificateArn === '') return { domainName, certificateArn };
  const region = typeof cloudFrontCertificateArn === 'string' ? certificatePattern.exec(cloudFrontCertificateArn)?.[1] : undefined;
  if (region !== 'us-east-1') {
    throw new Error(`Context cloudFrontCertificateArn must be an ACM certificate ARN in us-east-1 (CloudFront's region), got ${JSON.stringify(cloudFrontCertificateArn)}`);
  }
  return { domainName, certificateArn, cloudFrontCertificateArn: cloudFrontCertificateArn as string };
}
