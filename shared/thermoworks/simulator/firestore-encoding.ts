/** Firestore REST typed values, written the way the real service writes them (the inverse of ../firestore-values). */

export type Typed = Record<string, unknown>;

export const str = (value: string): Typed => ({ stringValue: value });
/** integerValue is a string on the wire. */
export const int = (value: number): Typed => ({ integerValue: String(Math.round(value)) });
export const dbl = (value: number): Typed => ({ doubleValue: value });
/** Probe values travel as float32, which is where `231.60000610351562` comes from. */
export const f32 = (value: number): Typed => ({ doubleValue: Math.fround(value) });
export const bool = (value: boolean): Typed => ({ booleanValue: value });
export const nul = (): Typed => ({ nullValue: null });
export const ts = (ms: number): Typed => ({ timestampValue: new Date(ms).toISOString() });
export const map = (fields: Record<string, Typed>): Typed => ({ mapValue: { fields } });
/** `values` is absent for an empty array, as Firestore does. */
export const arr = (values: Typed[]): Typed => ({ arrayValue: values.length === 0 ? {} : { values } });

/** `2026-11-01T20:15:30.123456Z`: Firestore's updateTime carries microseconds. */
export const microTime = (ms: number): string => new Date(ms).toISOString().replace('Z', '000Z');
/** `2026-11-01T20:15:31.000000000Z`: readTime carries nanoseconds. */
export const nanoTime = (ms: number): string => new Date(ms).toISOString().replace('Z', '000000Z');
