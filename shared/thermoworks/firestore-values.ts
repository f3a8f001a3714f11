/**
 * Firestore REST typed values (`{"stringValue": …}`, `{"integerValue": "12"}` …) decoded into a tagged union
 * the domain parsers read field by field. Decoding never throws: a value of an unknown or broken shape
 * becomes `{kind: 'other'}` so one odd field cannot sink a whole device.
 */

export type FirestoreValue =
  | { kind: 'string'; value: string }
  | { kind: 'integer'; value: number }
  | { kind: 'double'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'timestamp'; value: Date }
  | { kind: 'null' }
  | { kind: 'map'; fields: FirestoreFields }
  | { kind: 'array'; values: FirestoreValue[] }
  /** reference, geoPoint, bytes, or anything we do not recognise: kept raw. */
  | { kind: 'other'; raw: unknown };

export type FirestoreFields = Record<string, FirestoreValue>;

// integerValue is a string of digits on the wire; accept a bare integer too, as the protocol advises.
const INTEGER_TEXT = /^[+-]?\d+$/;
// Firestore's JSON mapping writes non-finite doubles as strings.
const DOUBLE_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$|^(NaN|-?Infinity)$/;

/** RFC 3339 with up to nanoseconds and any offset; JS Date only keeps milliseconds, so extra digits are cut. */
const RFC3339 = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})$/;

export function parseRfc3339(text: string): Date | undefined {
  const match = RFC3339.exec(text.trim());
  if (!match) return undefined;
  const [, date, time, fraction = '', zone = 'Z'] = match;
  const millis = (fraction + '000').slice(0, 3);
  const parsed = new Date(`${date}T${time}.${millis}${zone.toUpperCase()}`);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

function toNumber(raw: string | number): number {
  if (typeof raw === 'number') return raw;
  if (raw === 'NaN') return Number.NaN;
  if (raw === 'Infinity') return Number.POSITIVE_INFINITY;
  if (raw === '-Infinity') return Number.NEGATIVE_INFINITY;
  return Number(raw);
}

/** Nesting deeper than this is not a real document; stop rather than overflow the stack. */
const MAX_DEPTH = 64;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks each typed-value shape in turn, by hand: this runs for every field of every document of every poll, and
 * trying zod schemas one after the other (most of them failing) was a large share of a poll's CPU (bench:poll).
 */
export function decodeValue(raw: unknown, depth = 0): FirestoreValue {
  if (depth > MAX_DEPTH || !isRecord(raw)) return { kind: 'other', raw };
  const { stringValue, integerValue, doubleValue, booleanValue, timestampValue, mapValue, arrayValue } = raw;
  if (typeof stringValue === 'string') return { kind: 'string', value: stringValue };
  if ((typeof integerValue === 'string' && INTEGER_TEXT.test(integerValue)) || (typeof integerValue === 'number' && Number.isInteger(integerValue))) {
    return { kind: 'integer', value: toNumber(integerValue) };
  }
  if ((typeof doubleValue === 'number' && Number.isFinite(doubleValue)) || (typeof doubleValue === 'string' && DOUBLE_TEXT.test(doubleValue))) {
    return { kind: 'double', value: toNumber(doubleValue) };
  }
  if (typeof booleanValue === 'boolean') return { kind: 'boolean', value: booleanValue };
  if (typeof timestampValue === 'string') {
    const at = parseRfc3339(timestampValue);
    return at ? { kind: 'timestamp', value: at } : { kind: 'other', raw };
  }
  if (Object.prototype.hasOwnProperty.call(raw, 'nullValue') && (raw.nullValue === null || raw.nullValue === 'NULL_VALUE')) return { kind: 'null' };
  if (isRecord(mapValue) && (mapValue.fields === undefined || isRecord(mapValue.fields))) {
    return { kind: 'map', fields: decodeFields(mapValue.fields ?? {}, depth + 1) };
  }
  if (isRecord(arrayValue) && (arrayValue.values === undefined || Array.isArray(arrayValue.values))) {
    return { kind: 'array', values: (arrayValue.values ?? []).map((v) => decodeValue(v, depth + 1)) };
  }
  return { kind: 'other', raw };
}

export function decodeFields(raw: Record<string, unknown>, depth = 0): FirestoreFields {
  const fields: FirestoreFields = {};
  for (const [name, value] of Object.entries(raw)) {
    // Own data properties only: a field literally named `__proto__` must not reach the prototype.
    Object.defineProperty(fields, name, { value: decodeValue(value, depth), enumerable: true, writable: true, configurable: true });
  }
  return fields;
}

/** Plain JSON-friendly form of a value, for the `extra` bag kept beside parsed domain objects. */
export type PlainValue = string | number | boolean | null | Date | PlainValue[] | { [key: string]: PlainValue } | undefined;

export function toPlain(value: FirestoreValue): PlainValue {
  switch (value.kind) {
    case 'string':
    case 'integer':
    case 'double':
    case 'boolean':
    case 'timestamp':
      return value.value;
    case 'null':
      return null;
    case 'map':
      return plainFields(value.fields);
    case 'array':
      return value.values.map(toPlain);
    case 'other':
      // Unknown shapes are kept as they came (JSON-parsed input, so JSON-safe).
      return value.raw as PlainValue;
  }
}

export function plainFields(fields: FirestoreFields): Record<string, PlainValue> {
  const out: Record<string, PlainValue> = {};
  for (const [name, value] of Object.entries(fields)) {
    Object.defineProperty(out, name, { value: toPlain(value), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

// ---- Field readers: lenient, typed, never throwing. ----

function own(fields: FirestoreFields, name: string): FirestoreValue | undefined {
  return Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : undefined;
}

/** A string field; numbers are turned to text (ids written as numbers by other clients). */
export function readString(fields: FirestoreFields, name: string): string | undefined {
  const v = own(fields, name);
  if (v?.kind === 'string') return v.value;
  if ((v?.kind === 'integer' || v?.kind === 'double') && Number.isFinite(v.value)) return String(v.value);
  return undefined;
}

/** A finite number written as integerValue, doubleValue, or a numeric string. */
export function readNumber(fields: FirestoreFields, name: string): number | undefined {
  return numberOf(own(fields, name));
}

export function numberOf(v: FirestoreValue | undefined): number | undefined {
  if (v?.kind === 'integer' || v?.kind === 'double') return Number.isFinite(v.value) ? v.value : undefined;
  if (v?.kind === 'string' && v.value.trim() !== '') {
    const n = Number(v.value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

export function readBoolean(fields: FirestoreFields, name: string): boolean | undefined {
  const v = own(fields, name);
  return v?.kind === 'boolean' ? v.value : undefined;
}

/** A time written as timestampValue, epoch milliseconds/seconds, or an ISO string. */
export function readTimestamp(fields: FirestoreFields, name: string): Date | undefined {
  return timestampOf(own(fields, name));
}

export function timestampOf(v: FirestoreValue | undefined): Date | undefined {
  if (v === undefined) return undefined;
  if (v.kind === 'timestamp') return v.value;
  if (v.kind === 'integer' || v.kind === 'double') return epochToDate(v.value);
  if (v.kind === 'string') return parseLooseTime(v.value);
  return undefined;
}

/** Epoch seconds or milliseconds: below 1e11 it can only be seconds (1e11 ms is 1973, 1e11 s is year 5138). */
export function epochToDate(n: number): Date | undefined {
  if (!Number.isFinite(n) || n <= 0) return undefined;
  const d = new Date(Math.abs(n) < 1e11 ? n * 1000 : n);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

export function parseLooseTime(text: string): Date | undefined {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return epochToDate(Number(trimmed));
  const rfc = parseRfc3339(trimmed);
  if (rfc) return rfc;
  // Only full dates with a time zone: a zone-less string would be read in the server's local time.
  if (!/\d{4}-\d{2}-\d{2}.*([Zz]|[+-]\d{2}:?\d{2})$/.test(trimmed)) return undefined;
  const d = new Date(trimmed);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

export function readMap(fields: FirestoreFields, name: string): FirestoreFields | undefined {
  const v = own(fields, name);
  return v?.kind === 'map' ? v.fields : undefined;
}

export function readArray(fields: FirestoreFields, name: string): FirestoreValue[] | undefined {
  const v = own(fields, name);
  return v?.kind === 'array' ? v.values : undefined;
}

/** The fields not in `known`, in plain form: unknown fields are kept aside, never an error. */
export function extraFields(fields: FirestoreFields, known: ReadonlySet<string>): Record<string, PlainValue> {
  const rest: FirestoreFields = {};
  for (const [name, value] of Object.entries(fields)) {
    if (!known.has(name)) Object.defineProperty(rest, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return plainFields(rest);
}
