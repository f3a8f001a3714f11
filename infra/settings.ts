import type { Node } from 'constructs';

/** Where reading history lives; see NOTES.md (Timestream for LiveAnalytics takes no new customers). */
export const historyStores = ['timestream', 'dynamodb'] as const;
export type HistoryStore = (typeof historyStores)[number];

/** The deployment switches read from CDK context (`cdk.json`, or `-c key=value`). */
export interface PitwatchSettings {
  readonly historyStore: HistoryStore;
  /** Protect stateful resources: table deletion protection and RETAIN removal policies. */
  readonly deletionProtection: boolean;
  /** Subscribed to the alarm topic by email (SNS sends a confirmation link first). Unset: no subscription. */
  readonly alarmEmail?: string;
}

/** Deliberately loose: SNS validates the address itself; this only catches a value in the wrong context key. */
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Reads and validates context; `-c` values arrive as strings, cdk.json values as JSON. */
export function readSettings(node: Node): PitwatchSettings {
  const store: unknown = node.tryGetContext('historyStore') ?? 'timestream';
  if (typeof store !== 'string' || !(historyStores as readonly string[]).includes(store)) {
    throw new Error(`Context historyStore must be one of ${historyStores.join('|')}, got ${JSON.stringify(store)}`);
  }
  const protection: unknown = node.tryGetContext('deletionProtection') ?? true;
  if (protection !== true && protection !== false && protection !== 'true' && protection !== 'false') {
    throw new Error(`Context deletionProtection must be true or false, got ${JSON.stringify(protection)}`);
  }
  const email: unknown = node.tryGetContext('alarmEmail') ?? '';
  if (typeof email !== 'string' || (email !== '' && !emailPattern.test(email))) {
    throw new Error(`Context alarmEmail must be an email address, got ${JSON.stringify(email)}`);
  }
  return {
    historyStore: store as HistoryStore,
    deletionProtection: protection === true || protection === 'true',
    ...(email !== '' && { alarmEmail: email }),
  };
}
