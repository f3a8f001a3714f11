/**
 * Meters every DynamoDB call a document client makes, through its middleware stack: count and wall time per
 * operation, and (with `capacity`) the read/write request units DynamoDB Local reports for it (ReturnConsumedCapacity
 * INDEXES, so GSI writes are included). Reading-history calls (raw HIST# and roll-up ROLL# items) are kept apart
 * (`BatchWriteItem#history`, `UpdateItem#history`, `Query#history`), so the cost bench can price them as DynamoDB
 * history or swap them for Timestream.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface OperationStats {
  calls: number;
  failed: number;
  totalMs: number;
  maxMs: number;
  /** Read request units (on-demand = consumed read capacity units). */
  rru: number;
  /** Write request units, table and indexes. */
  wru: number;
  /** Items written (puts, updates, batch entries). */
  items: number;
}

export interface DynamoMeter {
  /** Per operation name (`GetItem`, `BatchWriteItem#history`, …). */
  snapshot(): Record<string, OperationStats>;
  reset(): void;
}

interface Capacity {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

const WRITE_OPS = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);

function keyString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'S' in value) return String((value as { S: unknown }).S);
  return '';
}

const isHistoryKey = (pk: string) => pk.startsWith('HIST#') || pk.startsWith('ROLL#');

/** Whether a call touches reading history only (raw HIST# and roll-up ROLL# partitions). */
function isHistoryCall(op: string, input: Record<string, unknown>): boolean {
  if (op === 'BatchWriteItem') {
    const requests = Object.values((input.RequestItems ?? {}) as Record<string, Array<{ PutRequest?: { Item?: Record<string, unknown> } }>>).flat();
    return requests.length > 0 && requests.every((r) => isHistoryKey(keyString(r.PutRequest?.Item?.PK)));
  }
  if (op === 'UpdateItem') return isHistoryKey(keyString((input.Key as Record<string, unknown> | undefined)?.PK));
  if (op === 'Query') {
    const values = (input.ExpressionAttributeValues ?? {}) as Record<string, unknown>;
    return isHistoryKey(keyString(values[':pk']));
  }
  return false;
}

function itemsWritten(op: string, input: Record<string, unknown>): number {
  if (op === 'BatchWriteItem') return Object.values((input.RequestItems ?? {}) as Record<string, unknown[]>).reduce((n, r) => n + r.length, 0);
  return WRITE_OPS.has(op) ? 1 : 0;
}

function sumCapacity(consumed: unknown): { rru: number; wru: number } | undefined {
  if (consumed === undefined) return undefined;
  const list = (Array.isArray(consumed) ? consumed : [consumed]) as Capacity[];
  let rru = 0;
  let wru = 0;
  for (const c of list) {
    rru += c.ReadCapacityUnits ?? 0;
    wru += c.WriteCapacityUnits ?? 0;
    // DynamoDB Local reports only CapacityUnits; reads and writes are told apart by the operation.
    if (c.ReadCapacityUnits === undefined && c.WriteCapacityUnits === undefined) wru += c.CapacityUnits ?? 0;
  }
  return { rru, wru };
}

/** A write that failed its condition still consumes a write unit per KB of the item (no index write). */
function conditionalFailureWru(input: Record<string, unknown>): number {
  const item = input.Item ?? input.Key;
  return Math.max(1, Math.ceil(Buffer.byteLength(JSON.stringify(item ?? {})) / 1024));
}

export function meterDynamo(db: DynamoDBDocumentClient, options: { capacity?: boolean } = {}): DynamoMeter {
  let stats: Record<string, OperationStats> = {};
  const entry = (name: string): OperationStats => (stats[name] ??= { calls: 0, failed: 0, totalMs: 0, maxMs: 0, rru: 0, wru: 0, items: 0 });

  db.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      const op = String(context.commandName ?? 'Unknown').replace(/Command$/, '');
      const name = isHistoryCall(op, input) ? `${op}#history` : op;
      if (options.capacity) input.ReturnConsumedCapacity = 'INDEXES';
      const started = performance.now();
      const s = entry(name);
      s.calls++;
      s.items += itemsWritten(op, input);
      try {
        const out = await next(args);
        const capacity = sumCapacity((out.output as { ConsumedCapacity?: unknown }).ConsumedCapacity);
        if (capacity) {
          const isWrite = WRITE_OPS.has(op);
          s.rru += isWrite ? capacity.rru : capacity.rru + capacity.wru;
          s.wru += isWrite ? capacity.wru : 0;
        }
        return out;
      } catch (error) {
        s.failed++;
        if ((error as { name?: string }).name === 'ConditionalCheckFailedException') s.wru += conditionalFailureWru(input);
        throw error;
      } finally {
        const ms = performance.now() - started;
        s.totalMs += ms;
        if (ms > s.maxMs) s.maxMs = ms;
      }
    },
    { step: 'initialize', name: 'pitwatchBenchMeter' },
  );

  return {
    snapshot: () => structuredClone(stats),
    reset: () => {
      stats = {};
    },
  };
}

/** `after - before`, operation by operation. */
export function diffStats(after: Record<string, OperationStats>, before: Record<string, OperationStats>): Record<string, OperationStats> {
  const out: Record<string, OperationStats> = {};
  for (const [name, a] of Object.entries(after)) {
    const b = before[name];
    out[name] = {
      calls: a.calls - (b?.calls ?? 0),
      failed: a.failed - (b?.failed ?? 0),
      totalMs: a.totalMs - (b?.totalMs ?? 0),
      maxMs: a.maxMs,
      rru: a.rru - (b?.rru ?? 0),
      wru: a.wru - (b?.wru ?? 0),
      items: a.items - (b?.items ?? 0),
    };
  }
  return out;
}
