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
  /** When a poll last found a new reading: how the dispatcher tells active accounts from idle ones. */
  lastReadingAt: string | null;
}

export interface LinkStatusUpdate {
  status: LinkStatus;
  statusMessage: string | null;
  polledAt: string;
  /** Set only when the poll found new readings. */
  lastReadingAt?: string;
}

export interface AccountStore {
  putLink(link: LinkedAccount): Promise<void>;
  getLink(userId: string): Promise<LinkedAccount | undefined>;
  /** Several links in one round trip (a poll batch); users without a link are absent from the map. */
  getLinks(userIds: readonly string[]): Promise<Map<string, LinkedAccount>>;
  /** All links, a page at a time (GSI query, never a Scan). */
  listLinks(cursor?: string): Promise<{ links: LinkedAccount[]; cursor: string | undefined }>;
  /** Records a poll's result on an existing link (fails if the link was removed meanwhile). */
  updateLinkStatus(userId: string, update: LinkStatusUpdate): Promise<void>;
}
