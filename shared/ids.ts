import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** The one id generator: injectable so tests get predictable ids. */
export interface IdGenerator {
  /** A new unique id (UUID v4). */
  id(): string;
  /** A new unguessable secret token (256 bits, base64url). */
  secretToken(): string;
}

export const randomIds: IdGenerator = {
  id: () => randomUUID(),
  secretToken: () => randomBytes(32).toString('base64url'),
};

/** Deterministic ids for tests: `prefix-1`, `prefix-2`, … */
export function sequentialIds(prefix = 'id'): IdGenerator {
  let n = 0;
  return {
    id: () => `${prefix}-${++n}`,
    secretToken: () => `${prefix}-token-${++n}`,
  };
}

/** Session tokens are stored only as this hash, so a table dump yields no usable token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
