export interface AuthSession {
  tokenHash: string;
  userId: string;
  accountId: string;
  email: string;
  createdAt: string;
  expiresAt: string;
}

/** Opaque session tokens, stored only as hashes, expiring by TTL. */
export interface SessionStore {
  put(session: AuthSession): Promise<void>;
  get(tokenHash: string): Promise<AuthSession | undefined>;
  delete(tokenHash: string): Promise<void>;
}
