import { SQSClient } from '@aws-sdk/client-sqs';
import { SqsPollQueue } from '../../shared/aws/sqs-poll-queue';
import { ConfigError } from '../../shared/config';
import type { PollQueue } from '../../shared/polling/poll-request';
import type { CoreDependencies } from './core-dependencies';

/** The poll queue (SQS in AWS, the local SQS stand-in locally). */
export function createPollQueue(deps: CoreDependencies): PollQueue {
  const queue = deps.config.pollQueue;
  if (!queue) throw new ConfigError('POLL_QUEUE_URL is not set');
  return new SqsPollQueue(new SQSClient({ region: deps.config.region, ...(queue.endpoint ? { endpoint: queue.endpoint } : {}) }), queue.url);
}
