/**
 * Firebase Authentication over REST: email/password sign-in (Identity Toolkit) and id-token refresh
 * (Secure Token). Both carry the API key and the Referer the key is restricted to.
 */
import * as z from '../validation/zod';
import type { Clock } from '../clock';
import type { ThermoWorksConfig } from './config';
import type { ThermoWorksTokens } from './domain';
import { MalformedResponseError } from './errors';
import type { HttpTransport } from './http-transport';

const seconds = z.pipe(z.union([z.string().check(z.regex(/^\d+$/)), z.number().check(z.int(), z.nonnegative())]), z.transform(Number));

const signInSchema = z.object({
  localId: z.string().check(z.minLength(1)),
  email: z.optional(z.string()),
  idToken: z.string().check(z.minLength(1)),
  refreshToken: z.string().check(z.minLength(1)),
  expiresIn: seconds,
});

const refreshSchema = z
  .object({
    id_token: z.optional(z.string().check(z.minLength(1))),
    // Firebase puts the same token in access_token; use it only if id_token is missing.
    access_token: z.optional(z.string().check(z.minLength(1))),
    refresh_token: z.string().check(z.minLength(1)),
    expires_in: seconds,
    user_id: z.string().check(z.minLength(1)),
  })
  .check(z.refine((r) => r.id_token !== undefined || r.access_token !== undefined, { message: 'no id_token' }));

export interface AuthApi {
  signIn(email: string, password: string): Promise<ThermoWorksTokens>;
  refresh(refreshToken: string, signal?: AbortSignal): Promise<ThermoWorksTokens>;
}

export function createAuthApi(config: ThermoWorksConfig, send: HttpTransport, clock: Clock): AuthApi {
  const key = encodeURIComponent(config.apiKey);
  const expiresAt = (lifetimeSeconds: number) => new Date(clock.now().getTime() + lifetimeSeconds * 1000);

  return {
    async signIn(email, password) {
      const body = await send({
        service: 'signIn',
        method: 'POST',
        url: `${config.identityUrl}/v1/accounts:signInWithPassword?key=${key}`,
        headers: { referer: config.referer },
        json: { email, password, returnSecureToken: true },
      });
      const parsed = signInSchema.safeParse(body);
      if (!parsed.success) throw new MalformedResponseError('ThermoWorks sign-in answer is missing tokens', { cause: parsed.error });
      const r = parsed.data;
      return { uid: r.localId, email: r.email ?? email, idToken: r.idToken, refreshToken: r.refreshToken, expiresAt: expiresAt(r.expiresIn) };
    },

    async refresh(refreshToken, signal) {
      const body = await send({
        service: 'refresh',
        method: 'POST',
        url: `${config.tokenUrl}/v1/token?key=${key}`,
        headers: { referer: config.referer },
        json: { grant_type: 'refresh_token', refresh_token: refreshToken },
        signal,
      });
      const parsed = refreshSchema.safeParse(body);
      if (!parsed.success) throw new MalformedResponseError('ThermoWorks token refresh answer is missing tokens', { cause: parsed.error });
      const r = parsed.data;
      return {
        uid: r.user_id,
        // The refine above guarantees one of the two.
        idToken: (r.id_token ?? r.access_token) as string,
        refreshToken: r.refresh_token,
        expiresAt: expiresAt(r.expires_in),
      };
    },
  };
}
