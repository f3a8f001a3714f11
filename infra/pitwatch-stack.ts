import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import type { Construct } from 'constructs';
import { AlarmTopic } from './constructs/alarm-topic';
import { DataStores } from './constructs/data-stores';
import { Exports } from './constructs/exports';
import { HttpApi } from './constructs/http-api';
import { LiveUpdates } from './constructs/live-updates';
import { ShareExpiry } from './constructs/share-expiry';
import { MqttPublisher } from './constructs/mqtt-publisher';
import { Notifications } from './constructs/notifications';
import { Operations } from './constructs/operations';
import { PitwatchFunction } from './constructs/pitwatch-function';
import { Poller, pollSettings } from './constructs/poller';
import { Website } from './constructs/website';
import type { PitwatchSettings } from './settings';

export interface PitwatchStackProps extends StackProps, PitwatchSettings {
  /** The built web app (`web/dist`). */
  readonly webDistPath: string;
}

/**
 * The whole of Pitwatch, composed like the README diagram:
 *
 *   Poller: EventBridge (1/min) → dispatcher → SQS poll queue → workers → ThermoWorks Cloud
 *                                                  │                ├→ DataStores (DynamoDB table, Timestream history,
 *                                                  │                │               KMS credential vault)
 *                                                  │                └→ LiveUpdates (WebSocket API) → browsers
 *                                                  └→ dead-letter queue ─→ alarms → AlarmTopic (SNS) → email
 *                                                                   ├→ MqttPublisher (SQS → publisher) → the user's MQTT broker
 *                                                                   └→ Notifications (SQS notify queue → notifier) → webhooks,
 *                                                                        Web Push, SES email, SNS SMS, open pages
 *   Website (CloudFront + S3, /config.json) → HttpApi (sign-in, tokens, account, devices, history, cooks, shares,
 *                                                      integrations, metrics, OpenAPI) → DataStores
 *                                                  ├→ Exports (S3, presigned links) ← browsers download
 *                                                  └→ ShareExpiry (SQS, delayed to each share's expiry → expirer) → closes
 *                                                       the share's sockets on LiveUpdates
 *   Operations: the CloudWatch dashboard of all of the above, and its alarms → AlarmTopic
 *
 * Environment-agnostic on purpose: no lookups, so `cdk synth` needs neither credentials nor network.
 */
export class PitwatchStack extends Stack {
  readonly data: DataStores;
  readonly exports: Exports;
  readonly website: Website;
  readonly live: LiveUpdates;
  readonly shareExpiry: ShareExpiry;
  readonly http: HttpApi;
  readonly alarms: AlarmTopic;
  readonly poller: Poller;
  readonly mqtt: MqttPublisher;
  readonly notifications: Notifications;
  readonly operations: Operations;

  constructor(scope: Construct, id: string, props: PitwatchStackProps) {
    super(scope, id, props);

    this.data = new DataStores(this, 'DataStores', {
      historyStore: props.historyStore,
      deletionProtection: props.deletionProtection,
    });
    const domain = props.customDomain;
    const certificate = domain && acm.Certificate.fromCertificateArn(this, 'Certificate', domain.certificateArn);
    const cloudFrontCertificate =
      domain && (domain.cloudFrontCertificateArn ? acm.Certificate.fromCertificateArn(this, 'CloudFrontCertificate', domain.cloudFrontCertificateArn) : certificate);
    this.website = new Website(this, 'Website', {
      webDistPath: props.webDistPath,
      deletionProtection: props.deletionProtection,
      ...(domain && cloudFrontCertificate && { domain: { name: domain.domainName, certificate: cloudFrontCertificate } }),
    });
    this.exports = new Exports(this, 'Exports', { accessLogs: this.website.logsBucket, deletionProtection: props.deletionProtection });
    this.live = new LiveUpdates(this, 'LiveUpdates', {
      data: this.data,
      ...(domain && certificate && { domain: { name: `live.${domain.domainName}`, certificate } }),
      ...(props.liveMessagesPerSecond !== undefined && { messagesPerSecond: props.liveMessagesPerSecond }),
    });
    this.alarms = new AlarmTopic(this, 'AlarmTopic', { email: props.alarmEmail });
    this.notifications = new Notifications(this, 'Notifications', {
      data: this.data,
      live: this.live,
      alarms: this.alarms,
      appUrl: this.website.url,
      ...(props.notifyEmailFrom && { emailFrom: props.notifyEmailFrom }),
      ...(props.smsPerHour !== undefined && { smsPerHour: props.smsPerHour }),
    });
    this.http = new HttpApi(this, 'HttpApi', {
      data: this.data,
      live: this.live,
      notifications: this.notifications,
      exports: this.exports,
      allowedOrigin: this.website.url,
      ...(domain && certificate && { domain: { name: `api.${domain.domainName}`, certificate } }),
    });
    this.notifications.setApiUrl(this.http.url);
    this.shareExpiry = new ShareExpiry(this, 'ShareExpiry', { data: this.data, live: this.live, alarms: this.alarms });
    this.shareExpiry.acceptSchedulesFrom(this.http.functions.cooks);
    this.poller = new Poller(this, 'Poller', { data: this.data, live: this.live, alarms: this.alarms });
    this.mqtt = new MqttPublisher(this, 'MqttPublisher', { data: this.data, alarms: this.alarms });
    this.mqtt.acceptHandOffsFrom(this.poller.worker);
    this.notifications.acceptNotificationsFrom(this.poller.worker);
    this.website.publish({ apiUrl: this.http.url, wsUrl: this.live.url });
    this.operations = new Operations(this, 'Operations', {
      alarms: this.alarms,
      functions: this.node.findAll().filter((c): c is PitwatchFunction => c instanceof PitwatchFunction),
      webSocketApi: this.live.api,
      deadLetterQueues: [
        { name: 'poll queue', queue: this.poller.deadLetterQueue },
        { name: 'MQTT publish queue', queue: this.mqtt.deadLetterQueue },
        { name: 'notify queue', queue: this.notifications.deadLetterQueue },
        { name: 'share expiry queue', queue: this.shareExpiry.deadLetterQueue },
      ],
      otherAlarms: [this.poller.deadLetterAlarm, this.poller.dispatcherErrorsAlarm, this.mqtt.deadLetterAlarm, this.notifications.deadLetterAlarm, this.shareExpiry.deadLetterAlarm],
    });

    new CfnOutput(this, 'WebsiteUrl', { value: this.website.url, description: 'Open this in a browser' });
    new CfnOutput(this, 'HttpApiUrl', { value: this.http.url });
    new CfnOutput(this, 'WebSocketUrl', { value: this.live.url });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
    if (domain && this.http.domainName && this.live.domainName) {
      // Pitwatch does not manage DNS: these are the three CNAME records to create at the domain's DNS host.
      new CfnOutput(this, 'DnsRecords', {
        description: 'Create these CNAME records (name → target) at your DNS host',
        value: [
          `${domain.domainName} → ${this.website.distribution.distributionDomainName}`,
          `api.${domain.domainName} → ${this.http.domainName.regionalDomainName}`,
          `live.${domain.domainName} → ${this.live.domainName.regionalDomainName}`,
        ].join(' ; '),
      });
    }
    new CfnOutput(this, 'PollQueueUrl', { value: this.poller.queue.queueUrl });
    new CfnOutput(this, 'DeadLetterQueueUrl', {
      value: this.poller.deadLetterQueue.queueUrl,
      description: `Polls that failed ${pollSettings.maxReceiveCount} times; redrive or purge them from the SQS console`,
    });
    new CfnOutput(this, 'OperationsDashboard', {
      value: `https://console.aws.amazon.com/cloudwatch/home?region=${this.region}#dashboards:name=${this.operations.dashboard.dashboardName}`,
      description: 'Poll latency, readings, errors, accounts, queues, WebSockets and functions (README "Operations")',
    });
    new CfnOutput(this, 'AlarmTopicArn', {
      value: this.alarms.topic.topicArn,
      description: 'Subscribe to get Pitwatch alarms (or deploy with -c alarmEmail=you@example.com)',
    });
  }
}
