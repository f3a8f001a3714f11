import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { handleShareExpiry, shareExpiryMessageSchema } from '../../shared/sharing/share-expiry';
import { createCoreDependencies, lazy } from '../runtime/core-dependencies';
import { createLogger } from '../runtime/logger';
import { createLiveSockets } from '../runtime/pusher';
import { createShareExpiries } from '../runtime/share-expiry-queue';

const logger = createLogger('share-expiry');
const deps = createCoreDependencies();
const expiries = lazy(() => createShareExpiries(deps));
const live = lazy(() => createLiveSockets(deps));

/** Share links' expiries from the share-expiry queue: queued again while early, their sockets closed when due. */
export const handler = middy(async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    let body: unknown;
    try {
      body = JSON.parse(record.body);
    } catch {
      body = undefined;
    }
    const parsed = shareExpiryMessageSchema.safeParse(body);
    // A message that can never be handled is dropped with a log line rather than retried into the dead letters.
    if (!parsed.success) {
      logger.error('Not a share-expiry message: dropped', { messageId: record.messageId });
      continue;
    }
    try {
      const outcome = await handleShareExpiry(parsed.data, { ...expiries(), live: live() });
      logger.info('Share expiry', { shareId: parsed.data.shareId, ...outcome });
    } catch (error) {
      logger.error('Share expiry failed: SQS will deliver it again', { shareId: parsed.data.shareId, error });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}).use(injectLambdaContext(logger));
