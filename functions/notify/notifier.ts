import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { DynamoSmsRateLimiter } from '../../shared/aws/dynamo-channel-store';
import { SesEmailSender } from '../../shared/aws/ses-email-sender';
import { SnsSmsSender } from '../../shared/aws/sns-sms-sender';
import { notifySecretsOnce, openNotifySecrets } from '../../shared/notify/deployment-secrets';
import { EmailNotifier, type EmailSender } from '../../shared/notify/email-notifier';
import { FileSmsSender } from '../../shared/notify/file-sms-sender';
import { guardedPost } from '../../shared/notify/guarded-http';
import type { Notifier } from '../../shared/notify/notifier';
import type { ChannelType } from '../../shared/notify/notification-channel';
import { processNotifyBatch } from '../../shared/notify/process-notify-batch';
import { SmsNotifier, type SmsSender } from '../../shared/notify/sms-notifier';
import { SmtpEmailSender } from '../../shared/notify/smtp-email-sender';
import { WebPushNotifier } from '../../shared/notify/web-push-notifier';
import { WebhookNotifier } from '../../shared/notify/webhook-notifier';
import { createCoreDependencies, lazy } from '../runtime/core-dependencies';
import { createLogger } from '../runtime/logger';
import { createAlarmStore, createChannelStore, createDeploymentSecretStore, createNotifyQueue, egressPolicyOf, notifyConfigOf } from '../runtime/notify';
import { createPusher } from '../runtime/pusher';
import { createVault } from '../runtime/vault';

const logger = createLogger('notifier');
const metrics = new Metrics({ namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'Pitwatch', serviceName: 'notifier' });
const deps = createCoreDependencies();
const notify = notifyConfigOf(deps);
/** Notification secrets only (webhook secrets, the VAPID private key, the link key): no ThermoWorks token opens here. */
const vault = lazy(() => createVault(deps, 'notification-secret'));
const secretStore = lazy(() => createDeploymentSecretStore(deps));
const openSecrets = notifySecretsOnce(() => openNotifySecrets({ store: secretStore(), vault: vault() }));

function emailSender(): EmailSender | undefined {
  if (!notify.emailFrom) return undefined;
  if (notify.smtp) return new SmtpEmailSender(notify.smtp.host, notify.smtp.port, notify.emailFrom);
  return new SesEmailSender(
    // Imported on the first email (ses-email-sender.ts says why).
    lazy(async () => new (await import('@aws-sdk/client-sesv2')).SESv2Client({ region: deps.config.region })),
    notify.emailFrom,
  );
}

function smsSender(): SmsSender | undefined {
  if (notify.smsPerHour === 0) return undefined;
  if (notify.smsLogFile) return new FileSmsSender(notify.smsLogFile);
  return new SnsSmsSender(lazy(async () => new (await import('@aws-sdk/client-sns')).SNSClient({ region: deps.config.region })));
}

const notifiers = lazy(() => {
  const post = guardedPost(egressPolicyOf(deps));
  const email = emailSender();
  const sms = smsSender();
  const all: Partial<Record<ChannelType, Notifier>> = {
    // Signatures carry real time (the receiver's clock), whatever the local stack's simulated clock says.
    webhook: new WebhookNotifier(post, deps.wallClock),
    'web-push': new WebPushNotifier(post, async () => {
      const s = await openSecrets();
      if (!s) throw new Error('No VAPID keys yet: nobody has listed notification channels');
      return { subject: notify.vapidSubject, publicKey: s.vapidPublicKey, privateKey: s.vapidPrivateKey };
    }),
    ...(email && { email: new EmailNotifier(email) }),
    ...(sms && { sms: new SmsNotifier(sms, new DynamoSmsRateLimiter(deps.db(), deps.config.tableName), deps.wallClock, notify.smsPerHour) }),
  };
  return all;
});

const notifyDeps = lazy(() => ({
  alarms: createAlarmStore(deps),
  channels: createChannelStore(deps),
  notifiers: notifiers(),
  queue: createNotifyQueue(deps),
  clock: deps.clock,
  channelVault: vault(),
  secrets: openSecrets,
  connections: deps.connections(),
  pusher: createPusher(deps),
  apiUrl: notify.apiUrl,
  appUrl: notify.appUrl,
  log: logger,
}));

/** The notify queue's consumer: alarm rounds, retries of one channel, tests, notices of a disabled channel. */
export const handler = middy(async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const { batchItemFailures, outcomes } = await processNotifyBatch(
    event.Records.map((r) => ({ messageId: r.messageId, body: r.body })),
    notifyDeps(),
  );
  const count = (pick: (o: (typeof outcomes)[number]) => number) => outcomes.reduce((n, o) => n + pick(o), 0);
  const [sent, retried, failed] = [count((o) => o.sent), count((o) => o.retried), count((o) => o.failed)];
  // The Operations dashboard's deliveries and failures (infra/constructs/operations.ts); two custom metrics.
  metrics.addMetric('NotificationsSent', MetricUnit.Count, sent);
  metrics.addMetric('NotificationsFailed', MetricUnit.Count, failed);
  logger.info('Notified', { messages: event.Records.length, sent, skipped: count((o) => o.skipped), retried, failed });
  return { batchItemFailures };
})
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
