import { SqsShareExpiryQueue } from '../../shared/aws/sqs-share-expiry-queue';
import { ConfigError } from '../../shared/config';
import type { ShareExpiryDependencies } from '../../shared/sharing/share-expiry';
import { lazy, type CoreDependencies } from './core-dependencies';

/** Where share links wait for their expiry (SQS in AWS, the local SQS stand-in locally), with the one clock. */
export function createShareExpiries(deps: CoreDependencies): ShareExpiryDependencies {
  const queue = deps.config.shareExpiryQueue;
  if (!queue) throw new ConfigError('SHARE_EXPIRY_QUEUE_URL is not set');
  // Imported on the first send (share creation), not when the cooks function starts.
  const sqs = lazy(async () => {
    const { SQSClient } = await import('@aws-sdk/client-sqs');
    return new SQSClient({ region: deps.config.region, ...(queue.endpoint ? { endpoint: queue.endpoint } : {}) });
  });
  return { queue: new SqsShareExpiryQueue(sqs, queue.url), clock: deps.clock, clockScale: deps.clockScale };
}
