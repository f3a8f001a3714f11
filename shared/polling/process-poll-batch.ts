/**
 * The poll worker's batch: SQS delivers up to 10 poll requests; each is polled concurrently and independently.
 * Only failures that a retry can fix (our own infrastructure) are reported back as batch item failures, so SQS
 * redelivers just those; ThermoWorks' failures are recorded on the link and acknowledged (the next dispatch polls
 * again anyway). Malformed messages are reported too, so they end in the dead-letter queue where the alarm sees them.
 */
import type { PitwatchError } from '../errors';
import { ValidationError } from '../errors';
import { parseInput } from '../http/request';
import { pollAccount } from './poll-account';
import type { PollDependencies, PollOutcome } from './poll-dependencies';
import { pollRequestSchema } from './poll-request';

export interface QueuedMessage {
  messageId: string;
  body: string;
}

export interface PollBatchLog {
  warn(message: string, detail: Record<string, unknown>): void;
  error(message: string, detail: Record<string, unknown>): void;
}

export interface PollBatchResult {
  batchItemFailures: { itemIdentifier: string }[];
  outcomes: PollOutcome[];
}

function parseMessage(body: string) {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new ValidationError('Poll message is not JSON');
  }
  return parseInput(json, pollRequestSchema);
}

export async function processPollBatch(messages: readonly QueuedMessage[], deps: PollDependencies & { log: PollBatchLog }): Promise<PollBatchResult> {
  const result: PollBatchResult = { batchItemFailures: [], outcomes: [] };
  await Promise.all(
    messages.map(async (message) => {
      try {
        const request = parseMessage(message.body);
        const link = await deps.accounts.getLink(request.userId);
        if (!link) return; // unlinked since it was queued: nothing to do
        if (link.status === 'relink-needed') return;
        result.outcomes.push(await pollAccount(link, deps));
      } catch (error) {
        const detail = { messageId: message.messageId, error: error instanceof Error ? error.message : String(error) };
        if (error instanceof ValidationError) deps.log.warn('Malformed poll message', { ...detail, code: (error as PitwatchError).code });
        else deps.log.error('Poll failed; the queue will redeliver it', detail);
        result.batchItemFailures.push({ itemIdentifier: message.messageId });
      }
    }),
  );
  return result;
}
