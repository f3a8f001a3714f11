/** Wire contracts of the API token routes: create (the token is shown once), list, revoke. */
import * as z from '../validation/zod';
import { idSchema } from './wire-formats';

/** What a token may do: read everything of the account, or change it too. No write-only tokens. */
export const apiTokenScopesSchema = z.union([z.tuple([z.literal('read')]), z.tuple([z.literal('read'), z.literal('write')])]);

export const createApiTokenRequestSchema = z.strictObject({
  /** What the token is for, e.g. "Home Assistant" or "Prometheus": shown in the token list. */
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(64)),
  scopes: apiTokenScopesSchema,
});
export type CreateApiTokenRequest = z.infer<typeof createApiTokenRequestSchema>;

export const apiTokenViewSchema = z.object({
  tokenId: z.string(),
  name: z.string(),
  scopes: z.array(z.enum(['read', 'write'])),
  createdAt: z.string(),
  /** Recorded at most every few minutes: a scraper every 15 s does not write on every request. */
  lastUsedAt: z.nullable(z.string()),
});
export type ApiTokenView = z.infer<typeof apiTokenViewSchema>;

/** The answer to POST /api-tokens: the only time the token itself is ever returned. */
export const createdApiTokenSchema = z.extend(apiTokenViewSchema, {
  /** `pw_` and 43 base64url characters (256 random bits). Store it now: Pitwatch keeps only its hash. */
  token: z.string().check(z.regex(/^pw_[A-Za-z0-9_-]{43}$/)),
});

export const apiTokenListSchema = z.object({ tokens: z.array(apiTokenViewSchema) });

export const apiTokenParamsSchema = z.strictObject({ tokenId: idSchema });
