/**
 * Hand-written readers for what the browser parses (API bodies, socket messages, stored copies): each checks an
 * unknown value has the shape of a shared contract type and returns a copy holding only the contract's fields, or
 * throws a WireShapeError saying where it is off. The server keeps validating with the zod schemas in shared/api;
 * the browser does not carry zod (the bundle budget), so it reads the same shapes with these few building blocks,
 * each typed against the schema's inferred type (`const readX: Reader<X> = object({...})` fails to compile when a
 * field is missing).
 */

/** Checks `value` and returns it typed; `at` names where it sits in the whole (for the error message). */
export type Reader<T> = (value: unknown, at?: string) => T;

/** A field that may be left out: the key is then absent from the result too. */
export type OptionalReader<T> = Reader<T | undefined> & { readonly optional: true };

export class WireShapeError extends Error {
  constructor(
    readonly at: string,
    expected: string,
  ) {
    super(`${at === '' ? 'the body' : at}: expected ${expected}`);
    this.name = 'WireShapeError';
  }
}

function fail(at: string, expected: string): never {
  throw new WireShapeError(at, expected);
}

export const string: Reader<string> = (value, at = '') => (typeof value === 'string' ? value : fail(at, 'a string'));

export const number: Reader<number> = (value, at = '') => (typeof value === 'number' && Number.isFinite(value) ? value : fail(at, 'a number'));

export const boolean: Reader<boolean> = (value, at = '') => (typeof value === 'boolean' ? value : fail(at, 'true or false'));

/** A whole number in [min, max]. */
export function integer(min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): Reader<number> {
  return (value, at = '') => (Number.isInteger(value) && (value as number) >= min && (value as number) <= max ? (value as number) : fail(at, `a whole number from ${min} to ${max}`));
}

/** One of the given constants (an enum or a literal). */
export function oneOf<const V extends readonly (string | number | boolean)[]>(values: V): Reader<V[number]> {
  return (value, at = '') => (values.includes(value as V[number]) ? (value as V[number]) : fail(at, `one of ${values.join(', ')}`));
}

export function nullable<T>(reader: Reader<T>): Reader<T | null> {
  return (value, at = '') => (value === null ? null : reader(value, at));
}

export function optional<T>(reader: Reader<T>): OptionalReader<T> {
  const read: Reader<T | undefined> = (value, at = '') => (value === undefined ? undefined : reader(value, at));
  return Object.assign(read, { optional: true as const });
}

/** Left out → `fallback` (a schema's `.default()`). */
export function withDefault<T>(reader: Reader<T>, fallback: () => T): Reader<T> {
  return (value, at = '') => (value === undefined ? fallback() : reader(value, at));
}

export function array<T>(item: Reader<T>, minLength = 0): Reader<T[]> {
  return (value, at = '') => {
    if (!Array.isArray(value) || value.length < minLength) return fail(at, minLength > 0 ? `a list of at least ${minLength}` : 'a list');
    return value.map((entry, index) => item(entry, `${at}[${index}]`));
  };
}

/** A fixed-length list, e.g. `[seconds, °F]`. */
export function pair<A, B>(first: Reader<A>, second: Reader<B>): Reader<[A, B]> {
  return (value, at = '') => {
    if (!Array.isArray(value) || value.length !== 2) return fail(at, 'a pair');
    return [first(value[0], `${at}[0]`), second(value[1], `${at}[1]`)];
  };
}

/** Any JSON object, left as it is (free-form `details`). */
export const anyObject: Reader<Record<string, unknown>> = (value, at = '') => (isObject(value) ? { ...value } : fail(at, 'an object'));

type Shape = Record<string, Reader<unknown>>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
type Required_<S extends Shape> = { [K in keyof S as S[K] extends { optional: true } ? never : K]: S[K] extends Reader<infer T> ? T : never };
type Optional_<S extends Shape> = { [K in keyof S as S[K] extends { optional: true } ? K : never]?: S[K] extends OptionalReader<infer T> ? T : never };
export type ShapeOf<S extends Shape> = Simplify<Required_<S> & Optional_<S>>;

/**
 * An object with these fields. Fields not named are dropped, as the schema's parse would; to extend a shape, spread it:
 * `object({ ...cookViewShape, notes: string })`.
 */
export function object<S extends Shape>(shape: S): Reader<ShapeOf<S>> {
  const entries = Object.entries(shape);
  return (value, at = '') => {
    if (!isObject(value)) return fail(at, 'an object');
    const result: Record<string, unknown> = {};
    for (const [key, read] of entries) {
      const field = read(value[key], at === '' ? key : `${at}.${key}`);
      if (field !== undefined || !('optional' in read)) result[key] = field;
    }
    return result as ShapeOf<S>;
  };
}

/** The value read, or undefined when it does not have the shape (for input that is simply ignored when off). */
export function readOrUndefined<T>(reader: Reader<T>, value: unknown): T | undefined {
  try {
    return reader(value);
  } catch (error) {
    if (error instanceof WireShapeError) return undefined;
    throw error;
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
