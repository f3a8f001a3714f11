/**
 * The poll worker's batch: SQS delivers up to 10 poll requests; each is polled concurrently and independently.
 * Only failures that a retry can fix (our own infrastructure) are reported back as batch item failures, so SQS
 * redelivers just those; ThermoWorks' failures are recorded on the link and acknowledged (the next dispatch polls
 * again anyway). Malformed messages are reported too, so they end in the dead-letter queue where the alarm sees them.
 */
import type { LinkedAccount } from '../auth/account-store';
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
  const fail = (messageIds: readonly string[], error: unknown) => {
    deps.log.error('Poll failed; the queue will redeliver it', { messageIds, error: error instanceof Error ? error.message : String(error) });
    result.batchItemFailures.push(...messageIds.map((itemIdentifier) => ({ itemIdentifier })));
  };
  // The same account twice in one batch (a redelivery beside the next poll) is polled once.
  const byUser = new Map<string, string[]>();
  for (const message of messages) {
    try {
      const { userId } = parseMessage(message.body);
      byUser.set(userId, [...(byUser.get(userId) ?? []), message.messageId]);
    } catch (error) {
      deps.log.warn('Malformed poll message', { messageId: message.messageId, code: (error as PitwatchError).code, error: (error as Error).message });
      result.batchItemFailures.push({ itemIdentifier: message.messageId });
    }
  }
  if (byUser.size === 0) return result;
  let links: Map<string, LinkedAccount>;
  try {
    links = await deps.accounts.getLinks([...byUser.keys()]);
  } catch (error) {
    fail([...byUser.values()].flat(), error);
    return result;
  }
  await Promise.all(
    [...byUser].map(async ([userId, messageIds]) => {
      const link = links.get(userId);
      // Unlinked since it was queued, or waiting for the user to sign in again: nothing to do.
      if (!link || link.status === 'relink-needed') return;
      try {
        result.outcomes.push(await pollAccount(link, deps));
      } catch (error) {
        fail(messageIds, error);
      }
    }),
  );
  return result;
}
