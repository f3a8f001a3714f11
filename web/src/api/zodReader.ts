/**
 * A zod schema as a Reader, for screens that load their response schemas with themselves (integrations, planner):
 * their chunk carries zod, the startup bundle does not. Only the type is imported here; the schema comes in.
 */
import type { ZodMiniType } from 'zod/mini';
import { WireShapeError, type Reader } from './wireReader';

export const zodReader =
  <T>(schema: ZodMiniType<T>): Reader<T> =>
  (value, at = '') => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new WireShapeError(at, parsed.error.issues[0]?.message ?? 'the documented shape');
    return parsed.data;
  };
