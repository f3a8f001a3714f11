/** A Pitwatch sign-in. The token itself is never stored: the item is keyed by its SHA-256. */
export interface AuthSession {
  tokenHash: string;
  /** The public id the session list shows and `DELETE /auth/sessions/{id}` takes. */
  sessionId: string;
  userId: string;
  accountId: string;
  email: string;
  createdAt: string;
  lastUsedAt: string;
  /** Sliding: moves out on use, never past `absoluteExpiresAt`. */
  expiresAt: string;
  absoluteExpiresAt: string;
  userAgent: string | null;
  ipPrefix: string | null;
}

/** Opaque session tokens, stored only as hashes, expiring by TTL (and checked on read: TTL deletes lazily). */
export interface SessionStore {
  put(session: AuthSession): Promise<void>;
  get(tokenHash: string): Promise<AuthSession | undefined>;
  /** Records a use and slides the expiry. False when the session is gone (revoked meanwhile): it stays gone. */
  touch(tokenHash: string, lastUsedAt: string, expiresAt: string): Promise<boolean>;
  /** True when there was such a session. */
  delete(tokenHash: string): Promise<boolean>;
  /** The user's sessions, oldest first (expired ones included until TTL removes them). */
  listForUser(userId: string): Promise<AuthSession[]>;
}
