/**
 * API tokens: long-lived credentials for tools (Home Assistant, Prometheus, an MCP client), created and revoked by a
 * signed-in user. A token is `pw_` + 256 random bits; only its SHA-256 is stored. It resolves to a principal of kind
 * `apiToken` with the scopes it was given, so a read token on a write route gets 403 from the pipeline, and a
 * revoked one 401 on its very next request (no cache anywhere).
 */
import type { ApiTokenView, CreateApiTokenRequest } from '../api/api-token-schemas';
import type { Clock } from '../clock';
import { ConflictError, NotFoundError } from '../errors';
import { hashToken, type IdGenerator } from '../ids';
import { closeLiveConnections } from '../live/live-connections';
import type { CredentialKindResolver } from './credential-resolver';
import type { Principal } from './principal';
import type { ApiTokenRecord, ApiTokenStore } from './api-token-store';
import type { SocketCloser } from './sessions';

export const API_TOKEN_PREFIX = 'pw_';
/** `pw_` + base64url of 32 random bytes: 46 characters, so no 43-character session token can look like one. */
const apiTokenShape = /^pw_[A-Za-z0-9_-]{43}$/;
/** A scraper every 15 s need not write every 15 s: the last use is recorded at this resolution. */
const TOUCH_EVERY_MS = 5 * 60_000;
export const MAX_API_TOKENS_PER_USER = 50;

export interface ApiTokenDependencies {
  tokens: ApiTokenStore;
  clock: Clock;
}

function viewOf(record: ApiTokenRecord): ApiTokenView {
  return { tokenId: record.tokenId, name: record.name, scopes: [...record.scopes], createdAt: record.createdAt, lastUsedAt: record.lastUsedAt };
}

export async function createApiToken(
  principal: Principal,
  request: CreateApiTokenRequest,
  deps: ApiTokenDependencies & { ids: IdGenerator },
): Promise<ApiTokenView & { token: string }> {
  const existing = await deps.tokens.listForUser(principal.userId);
  if (existing.length >= MAX_API_TOKENS_PER_USER) {
    throw new ConflictError(`You have ${existing.length} API tokens, the most there may be. Revoke one first.`);
  }
  const token = `${API_TOKEN_PREFIX}${deps.ids.secretToken()}`;
  const record: ApiTokenRecord = {
    tokenHash: hashToken(token),
    tokenId: deps.ids.id(),
    name: request.name,
    scopes: [...request.scopes],
    userId: principal.userId,
    accountId: principal.accountId,
    email: principal.email,
    createdAt: deps.clock.now().toISOString(),
    lastUsedAt: null,
  };
  await deps.tokens.put(record);
  return { ...viewOf(record), token };
}

export async function listApiTokens(principal: Principal, deps: ApiTokenDependencies): Promise<ApiTokenView[]> {
  return (await deps.tokens.listForUser(principal.userId)).map(viewOf);
}

/** Deletes the token (so its next request is refused), then closes the live sockets it opened. */
export async function revokeApiToken(principal: Principal, tokenId: string, deps: ApiTokenDependencies & { live: SocketCloser }): Promise<number> {
  const target = (await deps.tokens.listForUser(principal.userId)).find((t) => t.tokenId === tokenId);
  if (!target) throw new NotFoundError('No such API token.');
  await deps.tokens.delete(target.tokenHash);
  await closeLiveConnections(principal.accountId, (c) => c.credentialKind === 'apiToken' && c.credentialId === tokenId, 'revoked', deps.live);
  return 1;
}

/** The principal an API token stands for, or undefined when it is unknown or revoked. Records the use. */
export async function resolveApiToken(token: string, deps: ApiTokenDependencies): Promise<Principal | undefined> {
  const tokenHash = hashToken(token);
  const record = await deps.tokens.get(tokenHash);
  if (!record) return undefined;
  const now = deps.clock.now();
  if (record.lastUsedAt === null || now.getTime() - Date.parse(record.lastUsedAt) >= TOUCH_EVERY_MS) {
    if (!(await deps.tokens.touch(tokenHash, now.toISOString()))) return undefined;
  }
  return {
    kind: 'apiToken',
    userId: record.userId,
    accountId: record.accountId,
    email: record.email,
    scopes: [...record.scopes],
    credentialId: record.tokenId,
  };
}

/** The one authentication step's resolver for API tokens, recognised by their shape. */
export function apiTokenCredentials(deps: () => ApiTokenDependencies): CredentialKindResolver {
  return {
    matches: (credential) => apiTokenShape.test(credential),
    resolve: (credential) => resolveApiToken(credential, deps()),
  };
}
