/**
 * The MCP server's view of a Pitwatch deployment: its HTTP API with a read API token, every answer checked against
 * the same shared schemas the web app uses. Nothing here writes.
 */
import type * as z from 'zod/mini';
import { cooksResponseSchema, devicesResponseSchema, errorBodySchema, historyResponseSchema } from '../shared/api/schemas';

export class PitwatchApiError extends Error {
  override name = 'PitwatchApiError';
}

export interface PitwatchApi {
  devices(): Promise<z.infer<typeof devicesResponseSchema>['devices']>;
  cooks(): Promise<z.infer<typeof cooksResponseSchema>['cooks']>;
  history(serial: string, channel: string, from: Date, to: Date, maxPoints: number): Promise<z.infer<typeof historyResponseSchema>>;
}

/** `baseUrl`: the API's base (`https://api.example.com` in AWS, `http://localhost:3000/api` locally). */
export function pitwatchApi(baseUrl: string, token: string, fetchImpl: typeof fetch = fetch): PitwatchApi {
  const base = baseUrl.replace(/\/+$/, '');
  async function get<S extends z.ZodMiniType>(path: string, schema: S): Promise<z.infer<S>> {
    const res = await fetchImpl(`${base}${path}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    const body = (await res.json().catch(() => undefined)) as unknown;
    if (!res.ok) {
      const error = errorBodySchema.safeParse(body);
      throw new PitwatchApiError(`Pitwatch answered ${res.status}${error.success ? `: ${error.data.error.message}` : ''}`);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new PitwatchApiError(`Pitwatch's answer to ${path} is not what this server understands (a different version?)`);
    return parsed.data;
  }
  return {
    devices: async () => (await get('/devices', devicesResponseSchema)).devices,
    cooks: async () => (await get('/cooks', cooksResponseSchema)).cooks,
    history: (serial, channel, from, to, maxPoints) =>
      get(
        `/devices/${encodeURIComponent(serial)}/history?${new URLSearchParams({ channel, from: from.toISOString(), to: to.toISOString(), maxPoints: String(maxPoints) })}`,
        historyResponseSchema,
      ),
  };
}
