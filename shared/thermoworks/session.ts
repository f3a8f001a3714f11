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
import { RateLimitedError } from '../errors';
import { isTransient, ReauthRequiredError, ThermoWorksNotFoundError, ThermoWorksPermissionDeniedError, ThermoWorksUnavailableError } from './errors';
import { devicesOfAccountQuery, type FirestoreReads } from './firestore-rest';
import type { CloudFunctions } from './cloud-functions';
import { parseArchive, parseArchiveFile } from './parse-archive';
import { parseInstrumentHistory } from './parse-instrument-history';
import { parseChannel } from './parse-channel';
import { parseDevice } from './parse-device';
import { parseUser } from './parse-user';

/** Refresh this long before the id token expires, as both public clients do. */
export const REFRESH_AHEAD_MS = 60_000;
/** A refresh ThermoWorks did not answer is tried again after 30 s, then 1, 2, 4… minutes, at most every 10. */
const REFRESH_BACKOFF_MS = 30_000;
const REFRESH_BACKOFF_MAX_MS = 10 * 60_000;

/** `work`, or the abort's reason as soon as `signal` aborts (the work itself goes on). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => (signal.removeEventListener('abort', onAbort), resolve(value)),
      (error: unknown) => (signal.removeEventListener('abort', onAbort), reject(error)),
    );
  });
}
/** The callable function that serves a device's recent history (PROTOCOL.md §3). */
export const HISTORY_FUNCTION = 'requestRetrieveInstrumentHistory';
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

/** The caller's cancellation (a poll's time budget): the read stops and throws the abort's reason. */
export interface RequestOptions {
  signal?: AbortSignal | undefined;
}

export interface ListChannelsOptions extends RequestOptions {
  /** Units assumed for a channel that does not state them (the device's display units). */
  defaultUnits?: ChannelUnit;
  /**
   * `per-channel` (default) reads channels/1…9 concurrently, as the public clients do. `listing-first` tries the
   * collection listing (one request) and falls back to per-channel reads if it is refused.
   */
  strategy?: 'per-channel' | 'listing-first';
}

export interface ListArchivesOptions extends RequestOptions {
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
  getUser(options?: RequestOptions): Promise<ThermoWorksUser>;
  listDevices(accountId: string, options?: RequestOptions): Promise<Device[]>;
  getDevice(serial: string, options?: RequestOptions): Promise<Device>;
  listChannels(serial: string, options?: ListChannelsOptions): Promise<Channel[]>;
  getChannel(serial: string, number: string, options?: ListChannelsOptions): Promise<Channel>;
  listArchives(serial: string, options?: ListArchivesOptions): Promise<Archive[]>;
  downloadArchive(archive: Pick<Archive, 'serial' | 'filename' | 'id'>, options?: RequestOptions): Promise<ArchiveReading[]>;
  /**
   * The points a device uploaded in [from, to], from the instrument history function: best-effort (it answers 500
   * at times), so it is retried like any read but never counted against the account's circuit breaker.
   */
  retrieveHistory(serial: string, options: RequestOptions & { from: Date; to: Date }): Promise<ArchiveReading[]>;
  /**
   * Writes the thermometer's own alarms on one channel (a Firestore PATCH with updateMask: only the alarms given are
   * touched), so the device itself beeps; answers the channel as it is now. Errors are classified like reads.
   */
  setChannelAlarms(serial: string, number: string, alarms: ChannelAlarmsWrite, options?: RequestOptions): Promise<Channel>;
}

/** One of a channel's own alarms as written: on or off, at `value` in `units`. */
export interface ChannelAlarmSetting {
  enabled: boolean;
  value: number;
  units: ChannelUnit;
}
export interface ChannelAlarmsWrite {
  high?: ChannelAlarmSetting;
  low?: ChannelAlarmSetting;
}

/** The alarm map as the ThermoWorks app writes it: the value an integer when it is whole (other clients write doubles). */
function alarmFields(a: ChannelAlarmSetting): unknown {
  const value = Number.isInteger(a.value) ? { integerValue: String(a.value) } : { doubleValue: a.value };
  return { mapValue: { fields: { enabled: { booleanValue: a.enabled }, value, units: { stringValue: a.units } } } };
}

export interface SessionDeps {
  auth: AuthApi;
  reads: FirestoreReads;
  functions: CloudFunctions;
  /** Real time: token expiry. */
  clock: Clock;
  /** The devices' time: whether a device is online. */
  deviceClock: Clock;
  breaker: CircuitBreaker;
}

export function createSession(deps: SessionDeps, initial: SessionTokens, onTokens?: TokensListener): ThermoWorksSession {
  const { auth, reads, functions, clock, deviceClock, breaker } = deps;
  let refreshToken = initial.refreshToken;
  let idToken = initial.idToken;
  let expiresAt = initial.expiresAt;
  let uid = initial.uid;
  const email = initial.email;
  let refreshing: Promise<string> | undefined;
  /** After a refresh that ThermoWorks did not answer, the next one waits (REFRESH_BACKOFF_MS, doubling). */
  let refreshFailures = 0;
  let nextRefreshAt = 0;

  const fresh = () =>
    idToken !== undefined && expiresAt !== undefined && expiresAt.getTime() - clock.now().getTime() > REFRESH_AHEAD_MS;

  /**
   * Refresh unless someone already replaced `stale`; every concurrent caller awaits the same call. The call is the
   * session's, not the caller's: a caller out of time stops waiting (its `signal`), the refresh runs on to its own
   * timeout, and the next poll finds its result. While ThermoWorks does not answer, refreshes back off, so a fault
   * that lasts costs a few refreshes, not one per poll.
   */
  const refreshReplacing = (stale: string | undefined, signal?: AbortSignal): Promise<string> => {
    if (idToken !== undefined && idToken !== stale && fresh()) return Promise.resolve(idToken);
    if (!refreshing && clock.now().getTime() < nextRefreshAt) {
      const waitSeconds = Math.ceil((nextRefreshAt - clock.now().getTime()) / 1000);
      return Promise.reject(new ThermoWorksUnavailableError(`ThermoWorks token refresh paused for ${waitSeconds} s after failing`, 'status'));
    }
    refreshing ??= (async () => {
      try {
        const tokens = await auth.refresh(refreshToken);
        refreshToken = tokens.refreshToken;
        idToken = tokens.idToken;
        expiresAt = tokens.expiresAt;
        uid = tokens.uid;
        refreshFailures = 0;
        await onTokens?.({ ...tokens, email });
        return tokens.idToken;
      } catch (error) {
        if (isTransient(error) || error instanceof RateLimitedError) {
          refreshFailures++;
          nextRefreshAt = clock.now().getTime() + Math.min(REFRESH_BACKOFF_MAX_MS, REFRESH_BACKOFF_MS * 2 ** (refreshFailures - 1));
        }
        throw error;
      } finally {
        refreshing = undefined;
      }
    })();
    return signal ? untilAborted(refreshing, signal) : refreshing;
  };

  const validIdToken = (signal?: AbortSignal): Promise<string> => (fresh() ? Promise.resolve(idToken as string) : refreshReplacing(idToken, signal));

  /** Run a read with a valid token; if the service refuses the token anyway (revoked, clock skew), refresh once. */
  const authorized = async <T>(read: (token: string) => Promise<T>, signal: AbortSignal | undefined): Promise<T> => {
    const token = await validIdToken(signal);
    try {
      return await read(token);
    } catch (error) {
      if (!(error instanceof IdTokenRejectedError)) throw error;
      return read(await refreshReplacing(token, signal));
    }
  };

  const guarded = <T>(read: (token: string) => Promise<T>, signal?: AbortSignal): Promise<T> => breaker.run(() => authorized(read, signal));

  const channelAt = async (token: string, serial: string, n: string, options: ListChannelsOptions) =>
    parseChannel(await reads.get(['devices', serial, 'channels', n], token, `channel ${n} of device ${serial}`, options.signal), serial, options);

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
        const page = await reads.list(['devices', serial, 'channels'], token, `channels of device ${serial}`, pageToken ? { pageToken } : {}, options.signal);
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

    getUser: (options = {}) =>
      guarded(async (token) => {
        let bearer = token;
        // A caller may hand over an id token without the uid: a refresh says whose token it is.
        if (uid === undefined) bearer = await refreshReplacing(token, options.signal);
        const id = uid;
        if (id === undefined) throw new ReauthRequiredError('UID_UNKNOWN');
        return parseUser(await reads.get(['users', id], bearer, `user ${id}`, options.signal));
      }, options.signal),

    listDevices: (accountId, options = {}) =>
      guarded(async (token) => {
        const docs = await reads.runQuery(devicesOfAccountQuery(accountId), token, `devices of account ${accountId}`, options.signal);
        const now = deviceClock.now();
        return docs.map((doc) => {
          const device = parseDevice(doc, { now });
          // The query matched on accountId, so a document that omits it still belongs to this account.
          return device.accountId === '' ? { ...device, accountId } : device;
        });
      }, options.signal),

    getDevice: (serial, options = {}) =>
      guarded(async (token) => parseDevice(await reads.get(['devices', serial], token, `device ${serial}`, options.signal), { now: deviceClock.now() }), options.signal),

    listChannels: (serial, options = {}) =>
      guarded(async (token) => {
        const listed = options.strategy === 'listing-first' ? await byListing(token, serial, options) : undefined;
        return (listed ?? (await perChannel(token, serial, options))).sort(byNumber);
      }, options.signal),

    getChannel: (serial, number, options = {}) => guarded((token) => channelAt(token, serial, number, options), options.signal),

    listArchives: (serial, options = {}) =>
      guarded(async (token) => {
        const pageSize = String(Math.max(1, Math.min(500, options.pageSize ?? 100)));
        const maxPages = options.maxPages ?? 10;
        const archives: Archive[] = [];
        let pageToken: string | undefined;
        for (let page = 0; page < maxPages; page++) {
          const query: Record<string, string> = { pageSize, orderBy: 'createdOn desc' };
          if (pageToken) query.pageToken = pageToken;
          const result = await reads.list(['devices', serial, 'archive'], token, `archives of device ${serial}`, query, options.signal);
          const parsed = result.documents.map((doc) => parseArchive(doc, serial));
          const since = options.since;
          const kept = since ? parsed.filter((a) => a.createdOn === undefined || a.createdOn >= since) : parsed;
          archives.push(...kept);
          pageToken = result.nextPageToken;
          if (!pageToken || kept.length < parsed.length) break;
        }
        return archives;
      }, options.signal),

    downloadArchive: (archive, options = {}) =>
      guarded(async (token) => {
        if (!archive.filename) throw new ThermoWorksNotFoundError(`file for archive ${archive.id} of device ${archive.serial}`);
        const body = await reads.download(archive.filename, token, `archive file ${archive.filename}`, options.signal);
        return parseArchiveFile(body, archive.serial).readings;
      }, options.signal),

    setChannelAlarms: (serial, number, alarms, options = {}) =>
      guarded(async (token) => {
        const fields: Record<string, unknown> = {};
        if (alarms.high) fields.alarmHigh = alarmFields(alarms.high);
        if (alarms.low) fields.alarmLow = alarmFields(alarms.low);
        const paths = Object.keys(fields);
        if (paths.length === 0) throw new Error('setChannelAlarms needs an alarm to write');
        const doc = await reads.patch(['devices', serial, 'channels', number], fields, paths, token, `alarms of channel ${number} of device ${serial}`, options.signal);
        return parseChannel(doc, serial, {});
      }, options.signal),

    retrieveHistory: (serial, options) =>
      authorized(async (token) => {
        const data = { deviceId: serial, start: options.from.toISOString(), end: options.to.toISOString() };
        return parseInstrumentHistory(await functions.call(HISTORY_FUNCTION, data, token, options.signal), serial);
      }, options.signal),
  };
}
