import type { SealedSecret } from '../vault/sealed-secret';

export type LinkStatus = 'ok' | 'relink-needed' | 'failing';

/** A Pitwatch user's linked ThermoWorks account. The refresh token is kept sealed by the credential vault. */
export interface LinkedAccount {
  userId: string;
  accountId: string;
  email: string;
  sealedRefreshToken: SealedSecret;
  status: LinkStatus;
  statusMessage: string | null;
  linkedAt: string;
  lastPolledAt: string | null;
}

export interface AccountStore {
  putLink(link: LinkedAccount): Promise<void>;
  getLink(userId: string): Promise<LinkedAccount | undefined>;
  /** All links, a page at a time (GSI query, never a Scan). */
  listLinks(cursor?: string): Promise<{ links: LinkedAccount[]; cursor: string | undefined }>;
  updateLinkStatus(userId: string, status: LinkStatus, message: string | null, polledAt: string): Promise<void>;
}
