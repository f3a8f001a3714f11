/**
 * Tests only: whether a browser reader (api/wireReader.ts) and the server's zod schema agree on a sample and on every
 * way of breaking one field of it (left out, null, a number, a fraction, a string, an object, an empty list, true).
 */
import { isDeepStrictEqual } from 'node:util';
import type { ZodMiniType } from 'zod/mini';
import { readOrUndefined, type Reader } from '../api/wireReader';

const BREAKAGES: Array<[string, (value: unknown) => unknown]> = [
  ['left out', () => undefined],
  ['null', () => null],
  ['a number', () => 7],
  ['a fraction', () => 1.5],
  ['a string', () => 'x'],
  ['an object', () => ({})],
  ['an empty list', () => []],
  ['true', () => true],
];

/** Every path to a field or list entry in `value`. */
function paths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return value.flatMap((entry, index) => [[...prefix, index], ...paths(entry, [...prefix, index])]);
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, entry]) => [[...prefix, key], ...paths(entry, [...prefix, key])]);
  return [];
}

function replaced(value: unknown, path: Array<string | number>, make: (old: unknown) => unknown): unknown {
  if (path.length === 0) return make(value);
  const [head, ...rest] = path as [string | number, ...Array<string | number>];
  if (Array.isArray(value)) {
    const copy: unknown[] = [...(value as unknown[])];
    copy[head as number] = replaced(copy[head as number], rest, make);
    return copy;
  }
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const next = replaced(copy[head], rest, make);
  if (next === undefined) delete copy[head];
  else copy[head] = next;
  return copy;
}

/** Both verdicts on one value: the schema's (with its output) and the reader's. */
export function verdicts(reader: Reader<unknown>, schema: ZodMiniType, value: unknown) {
  const parsed = schema.safeParse(value);
  const read = readOrUndefined(reader, value);
  return { schema: parsed.success ? { ok: parsed.data } : 'refused', reader: read === undefined ? 'refused' : { ok: read } };
}

/** Each single-field breakage of `sample` on which the reader and the schema disagree, described. */
export function disagreements(reader: Reader<unknown>, schema: ZodMiniType, sample: unknown): string[] {
  const found: string[] = [];
  for (const path of paths(sample)) {
    for (const [how, make] of BREAKAGES) {
      const both = verdicts(reader, schema, replaced(sample, path, make));
      if (!isDeepStrictEqual(both.reader, both.schema)) found.push(`${path.join('.')} ${how}: schema ${JSON.stringify(both.schema)}, reader ${JSON.stringify(both.reader)}`);
    }
  }
  return found;
}
