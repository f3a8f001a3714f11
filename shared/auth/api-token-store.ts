import type { Scope } from '../api/route-definition';

/** An API token as stored: keyed by the SHA-256 of the token, which itself is never stored. */
export interface ApiTokenRecord {
  tokenHash: string;
  tokenId: string;
  name: string;
  scopes: Scope[];
  userId: string;
  accountId: string;
  email: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface ApiTokenStore {
  put(token: ApiTokenRecord): Promise<void>;
  get(tokenHash: string): Promise<ApiTokenRecord | undefined>;
  /** Records a use. False when the token is gone (revoked meanwhile): it stays gone. */
  touch(tokenHash: string, lastUsedAt: string): Promise<boolean>;
  /** True when there was such a token. */
  delete(tokenHash: string): Promise<boolean>;
  /** The user's tokens, oldest first. */
  listForUser(userId: string): Promise<ApiTokenRecord[]>;
}
