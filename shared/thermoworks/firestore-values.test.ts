import { describe, expect, it } from 'vitest';
import { decodeValue, epochToDate, parseRfc3339, plainFields, readNumber, readString, readTimestamp, decodeFields } from './firestore-values';

describe('decodeValue', () => {
  it('decodes every Firestore kind', () => {
    expect(decodeValue({ stringValue: 'x' })).toEqual({ kind: 'string', value: 'x' });
    expect(decodeValue({ integerValue: '-72' })).toEqual({ kind: 'integer', value: -72 });
    expect(decodeValue({ integerValue: 158 })).toEqual({ kind: 'integer', value: 158 });
    expect(decodeValue({ doubleValue: Math.fround(231.6) })).toEqual({ kind: 'double', value: Math.fround(231.6) });
    expect(decodeValue({ booleanValue: false })).toEqual({ kind: 'boolean', value: false });
    expect(decodeValue({ nullValue: null })).toEqual({ kind: 'null' });
    expect(decodeValue({ timestampValue: '2026-11-01T20:15:30.123456Z' })).toEqual({
      kind: 'timestamp',
      value: new Date('2026-11-01T20:15:30.123Z'),
    });
    expect(decodeValue({ arrayValue: {} })).toEqual({ kind: 'array', values: [] });
    expect(decodeValue({ mapValue: {} })).toEqual({ kind: 'map', fields: {} });
  });

  it('reads non-finite doubles as Firestore writes them', () => {
    const nan = decodeValue({ doubleValue: 'NaN' });
    expect(nan.kind).toBe('double');
    expect(readNumber({ v: nan }, 'v')).toBeUndefined();
  });

  it('keeps unknown or broken shapes as `other` instead of failing', () => {
    expect(decodeValue({ geoPointValue: { latitude: 1, longitude: 2 } }).kind).toBe('other');
    expect(decodeValue({ integerValue: '12abc' }).kind).toBe('other');
    expect(decodeValue({ timestampValue: 'yesterday' }).kind).toBe('other');
    expect(decodeValue('plain').kind).toBe('other');
    expect(decodeValue(null).kind).toBe('other');
  });

  it('does not let a field named __proto__ reach the prototype', () => {
    const fields = decodeFields(JSON.parse('{"__proto__": {"stringValue": "x"}}') as Record<string, unknown>);
    expect(readString(fields, '__proto__')).toBe('x');
    expect(Object.getPrototypeOf(plainFields(fields))).toBe(Object.prototype);
  });
});

describe('time parsing', () => {
  it('accepts nanoseconds and offsets, truncating to milliseconds', () => {
    expect(parseRfc3339('2026-11-01T20:15:31.000000000Z')?.toISOString()).toBe('2026-11-01T20:15:31.000Z');
    expect(parseRfc3339('2026-11-01T21:15:31.987654321+01:00')?.toISOString()).toBe('2026-11-01T20:15:31.987Z');
    expect(parseRfc3339('2026-11-01 20:15:31')).toBeUndefined();
  });

  it('tells epoch seconds from milliseconds', () => {
    expect(epochToDate(1793318400)?.toISOString()).toBe('2026-10-30T00:00:00.000Z');
    expect(epochToDate(1793318400000)?.toISOString()).toBe('2026-10-30T00:00:00.000Z');
    expect(epochToDate(0)).toBeUndefined();
  });

  it('reads a timestamp written as a timestamp, a number or an ISO string', () => {
    const fields = decodeFields({
      a: { timestampValue: '2026-10-30T00:00:00Z' },
      b: { integerValue: '1793318400000' },
      c: { stringValue: '2026-10-30T00:00:00.000Z' },
      d: { stringValue: '2026-10-30 00:00' },
    });
    for (const name of ['a', 'b', 'c']) expect(readTimestamp(fields, name)?.toISOString()).toBe('2026-10-30T00:00:00.000Z');
    // No zone: it would be read in the server's local time, so it is not trusted.
    expect(readTimestamp(fields, 'd')).toBeUndefined();
  });
});
