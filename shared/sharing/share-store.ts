/** A link that lets anyone holding it watch one cook, without signing in, until it expires or is revoked. */
export interface ShareLink {
  shareId: string;
  /** SHA-256 of the token: the token itself is never stored. */
  tokenHash: string;
  cookId: string;
  serial: string;
  accountId: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
}

export interface ShareStore {
  put(share: ShareLink): Promise<void>;
  getByTokenHash(tokenHash: string): Promise<ShareLink | undefined>;
  /** Every live link of one cook, oldest first. */
  listForCook(cookId: string): Promise<ShareLink[]>;
  delete(tokenHash: string): Promise<void>;
}
