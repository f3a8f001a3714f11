export interface LiveConnection {
  connectionId: string;
  userId: string;
  accountId: string;
  connectedAt: string;
  /** API Gateway closes a WebSocket after 2 hours at most; the item expires with it. */
  expiresAt: string;
}

export interface ConnectionStore {
  put(connection: LiveConnection): Promise<void>;
  delete(connectionId: string): Promise<void>;
  listForAccount(accountId: string): Promise<LiveConnection[]>;
}
