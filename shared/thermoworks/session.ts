/**
 * One linked account's conversation with ThermoWorks: keeps a valid id token (refreshed 60 s before expiry,
 * concurrent callers share one refresh, a refused token is refreshed once), tells the owner when tokens
 * rotate so the refresh token can be persisted, and runs every read through the account's circuit breaker.
 */
import type { Clock } from '../clock';
import type { AuthApi } from './auth';
import type { CircuitBreaker, CircuitState } from './circuit-breaker';
import { IdTokenRejectedError } from './classify-error';
import type { Archive, ArchiveReading, Channel, ChannelUnit, Device, ThermoWorksTokens, ThermoWorksUser } from './domain';
import { ReauthRequiredError, ThermoWorksNotFoundError, ThermoWorksPermissionDeniedError } from './errors';
import { devicesOfAccountQuery, type FirestoreReads } from './firestore-rest';
import { parseArchive, parseArchiveFile } from './parse-archive';
import { parseChannel } from './parse-channel';
import { parseDevice } from './parse-device';
import { parseUser } from './parse-user';

/** Refresh this long before the id token expires, as both public clients do. */
export const REFRESH_AHEAD_MS = 60_000;
/** Channels are numbered 1…9; a device may have gaps (channel 2 missing, channel 3 present). */
export const MAX_CHANNELS = 9;

export interface SessionTokens {
  refreshToken: string;
  idToken?: string;
  expiresAt?: Date;
  uid?: string;
  email?: string;
}

export type TokensListener = (tokens: ThermoWorksTokens) => void | Promise<void>;

export interface ListChannelsOptions {
  /** Units assumed for a channel that does not state them (the device's display units). */
  defaultUnits?: ChannelUnit;
  /**
   * `per-channel` (default) reads channels/1…9 concurrently, as the public clients do. `listing-first` tries the
   * collection listing (one request) and falls back to per-channel reads if it is refused.
   */
  strategy?: 'per-channel' | 'listing-first';
}

export interface ListArchivesOptions {
  /** Page size, at most 500. */
  pageSize?: number;
  /** Stop after this many pages. */
  maxPages?: number;
  /** Newest first: stop once archives were created before this. */
  since?: Date;
}

export interface ThermoWorksSession {
  /** The circuit-breaker key of this account. */
  readonly circuitKey: string;
  circuitState(): CircuitState;
  /** The current tokens (after any refresh), or undefined before the first id token. */
  currentTokens(): ThermoWorksTokens | undefined;
  /** A valid id token, refreshing if it expires within 60 s. */
  idToken(): Promise<string>;
  getUser(): Promise<ThermoWorksUser>;
  listDevices(accountId: string): Promise<Device[]>;
  getDevice(serial: string): Promise<Device>;
  listChannels(serial: string, options?: ListChannelsOptions): Promise<Channel[]>;
  getChannel(serial: string, number: string, options?: ListChannelsOptions): Promise<Channel>;
  listArchives(serial: string, options?: ListArchivesOptions): Promise<Archive[]>;
  downloadArchive(archive: Pick<Archive, 'serial' | 'filename' | 'id'>): Promise<ArchiveReading[]>;
}

export interface SessionDeps {
  auth: AuthApi;
  reads: FirestoreReads;
  /** Real time: token expiry. */
  clock: Clock;
  /** The devices' time: whether a device is online. */
  deviceClock: Clock;
  breaker: CircuitBreaker;
}

export function createSession(deps: SessionDeps, initial: SessionTokens, onTokens?: TokensListener): ThermoWorksSession {
  const { auth, reads, clock, deviceClock, breaker } = deps;
  let refreshToken = initial.refreshToken;
  let idToken = initial.idToken;
  let expiresAt = initial.expiresAt;
  let uid = initial.uid;
  const email = initial.email;
  let refreshing: Promise<string> | undefined;

  const fresh = () =>
    idToken !== undefined && expiresAt !== undefined && expiresAt.getTime() - clock.now().getTime() > REFRESH_AHEAD_MS;

  /** Refresh unless someone already replaced `stale`; every concurrent caller awaits the same call. */
  const refreshReplacing = (stale: string | undefined): Promise<string> => {
    if (idToken !== undefined && idToken !== stale && fresh()) return Promise.resolve(idToken);
    refreshing ??= (async () => {
      try {
        const tokens = await auth.refresh(refreshToken);
        refreshToken = tokens.refreshToken;
        idToken = tokens.idToken;
        expiresAt = tokens.expiresAt;
        uid = tokens.uid;
        await onTokens?.({ ...tokens, email });
        return tokens.idToken;
      } finally {
        refreshing = undefined;
      }
    })();
    return refreshing;
  };

  const validIdToken = (): Promise<string> => (fresh() ? Promise.resolve(idToken as string) : refreshReplacing(idToken));

  /** Run a read with a valid token; if the service refuses the token anyway (revoked, clock skew), refresh once. */
  const authorized = async <T>(read: (token: string) => Promise<T>): Promise<T> => {
    const token = await validIdToken();
    try {
      return await read(token);
    } catch (error) {
      if (!(error instanceof IdTokenRejectedError)) throw error;
      return read(await refreshReplacing(token));
    }
  };

  const guarded = <T>(read: (token: string) => Promise<T>): Promise<T> => breaker.run(() => authorized(read));

  const channelAt = async (token: string, serial: string, n: string, options: ListChannelsOptions) =>
    parseChannel(await reads.get(['devices', serial, 'channels', n], token, `channel ${n} of device ${serial}`), serial, options);

  const perChannel = async (token: string, serial: string, options: ListChannelsOptions): Promise<Channel[]> => {
    const numbers = Array.from({ length: MAX_CHANNELS }, (_, i) => String(i + 1));
    const found = await Promise.all(
      numbers.map((n) =>
        channelAt(token, serial, n, options).catch((error: unknown) => {
          // A missing channel is a gap, not the end: keep looking at the others.
          if (error instanceof ThermoWorksNotFoundError) return undefined;
          throw error;
        }),
      ),
    );
    return found.filter((c): c is Channel => c !== undefined);
  };

  // Once the service refuses the collection listing for this account, stop asking: one wasted request per poll adds up.
  let listingRefused = false;
  const byListing = async (token: string, serial: string, options: ListChannelsOptions): Promise<Channel[] | undefined> => {
    if (listingRefused) return undefined;
    try {
      const channels: Channel[] = [];
      let pageToken: string | undefined;
      do {
        const page = await reads.list(['devices', serial, 'channels'], token, `channels of device ${serial}`, pageToken ? { pageToken } : {});
        channels.push(...page.documents.map((doc) => parseChannel(doc, serial, options)));
        pageToken = page.nextPageToken;
      } while (pageToken);
      return channels;
    } catch (error) {
      // Security rules may refuse the listing (unverified): a refusal means "use the per-channel fallback".
      if (error instanceof ThermoWorksPermissionDeniedError) listingRefused = true;
      if (error instanceof ThermoWorksPermissionDeniedError || error instanceof ThermoWorksNotFoundError) return undefined;
      throw error;
    }
  };

  const byNumber = (a: Channel, b: Channel) => Number(a.number) - Number(b.number) || a.number.localeCompare(b.number);

  return {
    circuitKey: breaker.key,
    circuitState: () => breaker.state(),
    currentTokens: () =>
      idToken !== undefined && expiresAt !== undefined && uid !== undefined ? { uid, email, idToken, refreshToken, expiresAt } : undefined,
    idToken: validIdToken,

    getUser: () =>
      guarded(async (token) => {
        let bearer = token;
        // A caller may hand over an id token without the uid: a refresh says whose token it is.
        if (uid === undefined) bearer = await refreshReplacing(token);
        const id = uid;
        if (id === undefined) throw new ReauthRequiredError('UID_UNKNOWN');
        return parseUser(await reads.get(['users', id], bearer, `user ${id}`));
      }),

    listDevices: (accountId) =>
      guarded(async (token) => {
        const docs = await reads.runQuery(devicesOfAccountQuery(accountId), token, `devices of account ${accountId}`);
        const now = deviceClock.now();
        return docs.map((doc) => {
          const device = parseDevice(doc, { now });
          // The query matched on accountId, so a document that omits it still belongs to this account.
          return device.accountId === '' ? { ...device, accountId } : device;
        });
      }),

    getDevice: (serial) =>
      guarded(async (token) => parseDevice(await reads.get(['devices', serial], token, `device ${serial}`), { now: deviceClock.now() })),

    listChannels: (serial, options = {}) =>
      guarded(async (token) => {
        const listed = options.strategy === 'listing-first' ? await byListing(token, serial, options) : undefined;
        return (listed ?? (await perChannel(token, serial, options))).sort(byNumber);
      }),

    getChannel: (serial, number, options = {}) => guarded((token) => channelAt(token, serial, number, options)),

    listArchives: (serial, options = {}) =>
      guarded(async (token) => {
        const pageSize = String(Math.max(1, Math.min(500, options.pageSize ?? 100)));
        const maxPages = options.maxPages ?? 10;
        const archives: Archive[] = [];
        let pageToken: string | undefined;
        for (let page = 0; page < maxPages; page++) {
          const query: Record<string, string> = { pageSize, orderBy: 'createdOn desc' };
          if (pageToken) query.pageToken = pageToken;
          const result = await reads.list(['devices', serial, 'archive'], token, `archives of device ${serial}`, query);
          const parsed = result.documents.map((doc) => parseArchive(doc, serial));
          const since = options.since;
          const kept = since ? parsed.filter((a) => a.createdOn === undefined || a.createdOn >= since) : parsed;
          archives.push(...kept);
          pageToken = result.nextPageToken;
          if (!pageToken || kept.length < parsed.length) break;
        }
        return archives;
      }),

    downloadArchive: (archive) =>
      guarded(async (token) => {
        if (!archive.filename) throw new ThermoWorksNotFoundError(`file for archive ${archive.id} of device ${archive.serial}`);
        const body = await reads.download(archive.filename, token, `archive file ${archive.filename}`);
        return parseArchiveFile(body, archive.serial).readings;
      }),
  };
}
