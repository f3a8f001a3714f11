/**
 * Fault injection, per account (by email) and for everyone (`*`): latency, 5xx (random share or the next N),
 * 429 bursts, hangs, dropped connections, damaged answers, sign-in lockout. Counters are consumed as requests arrive, and the
 * random share comes from the seeded generator, so a run replays.
 */
import { faultConfigSchema, type FaultConfig, type SimulatedService } from './scenario';

export const EVERYONE = '*';

export type FaultAction =
  | { kind: 'none' }
  | { kind: 'hang' }
  | { kind: 'reset' }
  | { kind: 'error'; status: number }
  | { kind: 'rate-limit'; retryAfterSeconds?: number }
  | { kind: 'too-many-attempts' }
  | { kind: 'malformed'; how: NonNullable<FaultConfig['malformed']> };

export interface FaultDecision {
  latencyMs: number;
  action: FaultAction;
}

export class FaultInjector {
  private readonly faults = new Map<string, FaultConfig>();

  constructor(private readonly random: () => number) {}

  /** Replace the faults of `key` (an email, or `*`). */
  set(key: string, config: FaultConfig): void {
    this.faults.set(normalise(key), faultConfigSchema.parse(config));
  }

  /** Add to the faults of `key`, keeping the others. */
  merge(key: string, config: FaultConfig): void {
    this.set(key, { ...this.get(key), ...config });
  }

  get(key: string): FaultConfig {
    return { ...this.faults.get(normalise(key)) };
  }

  clear(key?: string): void {
    if (key === undefined) this.faults.clear();
    else this.faults.delete(normalise(key));
  }

  /** What to do to this request. Everyone's faults are checked before the account's. */
  decide(accountKey: string | undefined, service: SimulatedService): FaultDecision {
    let latencyMs = 0;
    let action: FaultAction = { kind: 'none' };
    for (const key of [EVERYONE, accountKey === undefined ? undefined : normalise(accountKey)]) {
      if (key === undefined) continue;
      const config = this.faults.get(key);
      if (!config || (config.only && !config.only.includes(service))) continue;
      latencyMs += config.latencyMs ?? 0;
      if (action.kind === 'none') action = this.consume(config, service);
    }
    return { latencyMs, action };
  }

  private consume(c: FaultConfig, service: SimulatedService): FaultAction {
    if (c.hang) return { kind: 'hang' };
    if (c.hangNext) {
      c.hangNext--;
      return { kind: 'hang' };
    }
    if (c.resetNext) {
      c.resetNext--;
      return { kind: 'reset' };
    }
    if (c.failNext) {
      c.failNext--;
      return { kind: 'error', status: c.errorStatus ?? 503 };
    }
    if (c.rateLimitNext) {
      c.rateLimitNext--;
      return { kind: 'rate-limit', retryAfterSeconds: c.retryAfterSeconds };
    }
    if (c.tooManyAttempts && service === 'signIn') return { kind: 'too-many-attempts' };
    if (c.errorRate !== undefined && c.errorRate > 0 && this.random() < c.errorRate) return { kind: 'error', status: c.errorStatus ?? 503 };
    if (c.malformed) return { kind: 'malformed', how: c.malformed };
    if (c.malformedNext) {
      c.malformedNext--;
      return { kind: 'malformed', how: c.malformedKind ?? 'wrong-shape' };
    }
    return { kind: 'none' };
  }
}

function normalise(key: string): string {
  return key.trim().toLowerCase();
}

/** Damage a successful answer the way a broken proxy or a half-written document would. */
export function damage(body: unknown, how: NonNullable<FaultConfig['malformed']>): { text: string; contentType: string } {
  const json = JSON.stringify(body, null, 2);
  switch (how) {
    case 'not-json':
      return { text: '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>Bad Gateway</body></html>', contentType: 'text/html' };
    case 'truncated':
      return { text: json.slice(0, Math.max(1, Math.floor(json.length / 2))), contentType: 'application/json; charset=UTF-8' };
    case 'wrong-shape':
      // Neither a document, nor a listing, nor a query result, nor a token answer.
      return { text: '[42]', contentType: 'application/json; charset=UTF-8' };
    case 'partial':
      return { text: JSON.stringify(partial(body), null, 2), contentType: 'application/json; charset=UTF-8' };
  }
}

/** Keep the envelope, lose most fields: what a model with few fields, or a half-synced document, looks like. */
function partial(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(partial);
  if (typeof body !== 'object' || body === null) return body;
  const record = body as Record<string, unknown>;
  if ('document' in record) return { ...record, document: partial(record.document) };
  if (Array.isArray(record.documents)) return { ...record, documents: record.documents.map(partial) };
  if (typeof record.name === 'string' && typeof record.fields === 'object' && record.fields !== null) {
    const keep = Object.entries(record.fields as Record<string, unknown>).slice(0, 2);
    return { ...record, fields: Object.fromEntries(keep) };
  }
  const entries = Object.entries(record);
  return Object.fromEntries(entries.slice(0, Math.ceil(entries.length / 2)));
}
