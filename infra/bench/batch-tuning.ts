/**
 * bench:cost's batch tuning: what one poll costs at scale for each SQS batch size and worker memory. Many accounts
 * polled at the same moment (as the dispatcher's delays make them due together) are handed to the real worker code
 * B at a time, one batch after the other, and each batch's wall time and the worker's CPU per poll are measured.
 * Memory is then modelled, not measured: Lambda gives CPU in proportion to memory (a full vCPU at 1,769 MB), so a
 * batch's CPU time stretches by 1769 / memory below that, while its waiting on ThermoWorks and DynamoDB does not.
 */
import { performance } from 'node:perf_hooks';
import type { PollHarness } from '../local/testing/poll-harness';
import { processPollBatch, type QueuedMessage } from '../../shared/polling/process-poll-batch';
import { ownCpuSeconds } from './proc-stats';

export interface BatchMeasurement {
  batchSize: number;
  polls: number;
  meanBatchMs: number;
  cpuMsPerPoll: number;
}

/** Polls every harness account `rounds` times for each batch size, 15 simulated seconds apart. */
export async function measureBatches(h: PollHarness, batchSizes: readonly number[], rounds: number): Promise<BatchMeasurement[]> {
  const users = [...h.users.values()];
  const results: BatchMeasurement[] = [];
  let n = 0;
  // One untimed round first: sessions opened, id tokens refreshed (a warm worker's state).
  await processPollBatch(users.map((userId) => ({ messageId: `warm-${++n}`, body: JSON.stringify({ userId, dueAt: h.clock.now().toISOString() }) })), h.deps);
  for (const batchSize of batchSizes) {
    let batches = 0;
    let wallMs = 0;
    let cpuSeconds = 0;
    let polls = 0;
    for (let round = 0; round < rounds; round++) {
      h.clock.advance(15_000);
      const messages: QueuedMessage[] = users.map((userId) => ({ messageId: `t-${++n}`, body: JSON.stringify({ userId, dueAt: h.clock.now().toISOString() }) }));
      for (let i = 0; i < messages.length; i += batchSize) {
        const batch = messages.slice(i, i + batchSize);
        const cpu0 = ownCpuSeconds();
        const t0 = performance.now();
        const result = await processPollBatch(batch, h.deps);
        wallMs += performance.now() - t0;
        cpuSeconds += ownCpuSeconds() - cpu0;
        if (result.batchItemFailures.length > 0) throw new Error(`batch tuning: ${result.batchItemFailures.length} polls failed`);
        batches++;
        polls += batch.length;
      }
    }
    results.push({ batchSize, polls, meanBatchMs: wallMs / batches, cpuMsPerPoll: (cpuSeconds * 1000) / polls });
  }
  return results;
}

export interface BatchPrices {
  lambdaRequest: number;
  lambdaArmGbSecond: number;
  sqsRequest: number;
  cloudwatchLogsIngestGb: number;
}

export interface BatchOption {
  batchSize: number;
  memoryMb: number;
  billedMsPerBatch: number;
  usdPerMillionPolls: number;
}

const FULL_VCPU_MB = 1769;

/**
 * Per poll: the invocation (request + GB-s), the event source's ReceiveMessage and DeleteMessageBatch (one each per
 * batch of up to 10), and the invocation's log lines, all shared by the batch's polls.
 */
export function priceBatches(measured: readonly BatchMeasurement[], memories: readonly number[], prices: BatchPrices, logBytesPerInvocation: number): BatchOption[] {
  const options: BatchOption[] = [];
  for (const m of measured) {
    for (const memoryMb of memories) {
      const cpuMsPerBatch = m.cpuMsPerPoll * m.batchSize;
      const stretch = Math.max(1, FULL_VCPU_MB / memoryMb);
      const billedMsPerBatch = Math.ceil(m.meanBatchMs + cpuMsPerBatch * (stretch - 1));
      const perBatch =
        prices.lambdaRequest +
        (billedMsPerBatch / 1000) * (memoryMb / 1024) * prices.lambdaArmGbSecond +
        2 * Math.ceil(m.batchSize / 10) * prices.sqsRequest +
        (logBytesPerInvocation / 1024 ** 3) * prices.cloudwatchLogsIngestGb;
      options.push({ batchSize: m.batchSize, memoryMb, billedMsPerBatch, usdPerMillionPolls: (perBatch / m.batchSize) * 1e6 });
    }
  }
  return options;
}
