import type { PrincipalKind } from '../api/route-definition';

export interface LiveConnection {
  connectionId: string;
  userId: string;
  accountId: string;
  /** The credential that opened it, so that revoking the credential closes it. */
  credentialKind: PrincipalKind;
  credentialId: string;
  connectedAt: string;
  /** Share connections only: the shared cook and its device; such a socket gets that device's readings alone. */
  cookId?: string;
  serial?: string;
  /** API Gateway closes a WebSocket after 2 hours at most, and it ends with its credential: the item expires then. */
  expiresAt: string;
}

export interface ConnectionStore {
  put(connection: LiveConnection): Promise<void>;
  delete(connectionId: string): Promise<void>;
  listForAccount(accountId: string): Promise<LiveConnection[]>;
}
