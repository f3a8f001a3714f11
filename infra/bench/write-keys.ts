/**
 * Which DynamoDB partitions a process writes, and how hard: every item written (puts, updates, batch entries) is
 * counted against its partition key, second by second, and against the GSI1 partition it is projected into (the
 * table design: link items carry GSI1PK LINKS, connection items ACCOUNT#…#CONN). bench:scale reads the busiest
 * key's peak per second, because DynamoDB throttles a single partition at about 1,000 write units a second.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../shared/aws/table-design';

export interface WriteKeyStats {
  items: number;
  distinctKeys: number;
  seconds: number;
  /** The busiest partition keys by their peak items in one second. */
  hottest: Array<{ key: string; peakPerSecond: number; total: number }>;
}

type Key = { PK?: unknown; SK?: unknown };

function writtenKeys(op: string, input: Record<string, unknown>): Key[] {
  if (op === 'BatchWriteItem') {
    const requests = Object.values((input.RequestItems ?? {}) as Record<string, Array<{ PutRequest?: { Item?: Key }; DeleteRequest?: { Key?: Key } }>>).flat();
    return requests.map((r) => r.PutRequest?.Item ?? r.DeleteRequest?.Key ?? {});
  }
  if (op === 'PutItem') return [(input.Item ?? {}) as Key];
  if (op === 'UpdateItem' || op === 'DeleteItem') return [(input.Key ?? {}) as Key];
  return [];
}

/** The GSI1 partition an item of this key is projected into, as table-design.ts lays them out. */
function indexPartition(k: Key): string | undefined {
  if (k.SK === 'LINK') return `GSI1:${keys.linksIndex}`;
  return undefined;
}

export function trackWriteKeys(db: DynamoDBDocumentClient): { stats(): WriteKeyStats; reset(): void } {
  let second = Math.floor(Date.now() / 1000);
  let current = new Map<string, number>();
  let peak = new Map<string, number>();
  let total = new Map<string, number>();
  let items = 0;
  let startedAt = Date.now();
  const roll = () => {
    const now = Math.floor(Date.now() / 1000);
    if (now === second) return;
    for (const [k, n] of current) if (n > (peak.get(k) ?? 0)) peak.set(k, n);
    current = new Map();
    second = now;
  };
  db.middlewareStack.add(
    (next, context) => async (args) => {
      const op = String(context.commandName ?? '').replace(/Command$/, '');
      roll();
      for (const k of writtenKeys(op, args.input as Record<string, unknown>)) {
        for (const key of [String(k.PK ?? '?'), indexPartition(k)]) {
          if (key === undefined) continue;
          current.set(key, (current.get(key) ?? 0) + 1);
          total.set(key, (total.get(key) ?? 0) + 1);
        }
        items++;
      }
      return next(args);
    },
    { step: 'initialize', name: 'pitwatchWriteKeys' },
  );
  return {
    stats: () => {
      roll();
      for (const [k, n] of current) if (n > (peak.get(k) ?? 0)) peak.set(k, n);
      const hottest = [...peak]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([key, peakPerSecond]) => ({ key, peakPerSecond, total: total.get(key) ?? 0 }));
      return { items, distinctKeys: total.size, seconds: (Date.now() - startedAt) / 1000, hottest };
    },
    reset: () => {
      current = new Map();
      peak = new Map();
      total = new Map();
      items = 0;
      startedAt = Date.now();
    },
  };
}
