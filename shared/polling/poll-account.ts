/**
 * One poll of one linked ThermoWorks account: read devices and channels, store each reading newer than the one
 * already stored (history first, then the latest-reading item, so a crash in between re-stores rather than loses),
 * back-fill from the device's archives any stretch polling could not see, refresh device health, and push new
 * readings to the account's open WebSockets.
 */
import type { ReadingMessage, ServerMessage } from '../api/schemas';
import type { AccountStore, LinkedAccount } from '../auth/account-store';
import type { Clock } from '../clock';
import type { ActiveCook } from '../cooks/cook-record';
import type { CookStore } from '../cooks/cook-store';
import { updateCook } from '../cooks/update-cook';
import type { DeviceRecord, DeviceStore, LatestReading } from '../devices/device-store';
import { PitwatchError } from '../errors';
import type { ConnectionStore } from '../live/connection-store';
import { closeLiveConnection, mayReceive } from '../live/live-connections';
import type { Pusher } from '../live/pusher';
import type { Reading, ReadingStore } from '../readings/reading';
import type { CredentialVault } from '../vault/credential-vault';
import { GAP_GIVE_UP_MS, gapThresholdMs, mergeGaps, remainingGap, type ReadingGap } from './reading-gaps';
import type { ThermoWorksAccountSession, ThermoWorksChannelInfo, ThermoWorksDeviceInfo, ThermoWorksPort } from './thermoworks-port';

/** Archives are listed at most this often per device while it has gaps (an archive appears every hour or two). */
const ARCHIVE_CHECK_EVERY_MS = 5 * 60_000;

export interface PollDependencies {
  thermoworks: ThermoWorksPort;
  vault: CredentialVault;
  accounts: AccountStore;
  devices: DeviceStore;
  cooks: CookStore;
  readings: ReadingStore;
  connections: ConnectionStore;
  pusher: Pusher;
  clock: Clock;
  /** ThermoWorks sessions kept between polls (per warm Lambda), so id tokens are reused until near expiry. */
  sessionCache: Map<string, ThermoWorksAccountSession>;
  /** The cadence for active accounts: a spacing well beyond it between two readings is a gap. */
  pollIntervalSeconds?: number;
}

export interface PollOutcome {
  userId: string;
  status: 'ok' | 'relink-needed' | 'failing';
  devices: number;
  readingsStored: number;
  backfilled: number;
  duplicatesSkipped: number;
  pushed: number;
  /** Gaps given up on (no archive covered them within 48 h): points ThermoWorks never gave us. */
  gapsAbandoned: number;
  errorCode?: string;
}

async function sessionFor(link: LinkedAccount, deps: PollDependencies): Promise<ThermoWorksAccountSession> {
  const cached = deps.sessionCache.get(link.userId);
  if (cached) return cached;
  const refreshToken = await deps.vault.open(link.sealedRefreshToken, link.userId, 'poll');
  const session = deps.thermoworks.session({ refreshToken, uid: link.userId }, async (tokens) => {
    // Firebase may rotate the refresh token: keep the newest, sealed, or the next cold start would use a dead one.
    if (tokens.refreshToken !== refreshToken) {
      await deps.accounts.putLink({ ...link, sealedRefreshToken: await deps.vault.reseal(link.sealedRefreshToken, tokens.refreshToken, link.userId) });
    }
  });
  deps.sessionCache.set(link.userId, session);
  return session;
}

function toLatest(accountId: string, c: ThermoWorksChannelInfo): LatestReading {
  return {
    accountId,
    serial: c.serial,
    channel: c.number,
    label: c.label,
    value: c.probeConnected ? c.value : null,
    units: c.units,
    status: c.status,
    probeConnected: c.probeConnected,
    at: c.lastTelemetrySaved ? c.lastTelemetrySaved.toISOString() : null,
  };
}

function isNewer(candidate: LatestReading, stored: LatestReading | undefined): boolean {
  if (!stored) return true;
  if ((candidate.at ?? '') > (stored.at ?? '')) return true;
  return candidate.at === stored.at && (candidate.status !== stored.status || candidate.probeConnected !== stored.probeConnected);
}

function toReading(l: LatestReading): Reading | undefined {
  if (l.value === null || l.at === null) return undefined;
  return { accountId: l.accountId, serial: l.serial, channel: l.channel, value: l.value, units: l.units, at: new Date(l.at) };
}

/** `lastPolledAt` on a healthy, quiet link is refreshed this often, not on every poll. */
const LINK_HEARTBEAT_MS = 15 * 60_000;

function isStale(polledAt: string | null, now: Date): boolean {
  return polledAt === null || now.getTime() - new Date(polledAt).getTime() >= LINK_HEARTBEAT_MS;
}

/** "Last seen" moves on every upload; storing it every 15 s buys nothing a person can see: at most every 5 min. */
const LAST_SEEN_RESOLUTION_MS = 5 * 60_000;

function lastSeenMoved(stored: string | null, next: string | null): boolean {
  if (stored === null || next === null) return stored !== next;
  return Math.abs(new Date(next).getTime() - new Date(stored).getTime()) >= LAST_SEEN_RESOLUTION_MS;
}

function deviceChanged(stored: DeviceRecord | undefined, next: DeviceRecord): boolean {
  if (!stored) return true;
  return (
    stored.label !== next.label ||
    stored.kind !== next.kind ||
    stored.online !== next.online ||
    stored.battery !== next.battery ||
    stored.wifiDbm !== next.wifiDbm ||
    lastSeenMoved(stored.lastSeen, next.lastSeen) ||
    (stored.lastArchiveCheckAt ?? null) !== next.lastArchiveCheckAt ||
    JSON.stringify(stored.pendingGaps ?? []) !== JSON.stringify(next.pendingGaps)
  );
}

/** Auth failures that only the user can fix by linking the account again. */
function needsRelink(error: PitwatchError): boolean {
  return error.httpStatus === 401 || error.httpStatus === 403;
}

interface DevicePoll {
  record: DeviceRecord;
  fresh: LatestReading[];
  backfill: Reading[];
  gapsAbandoned: number;
}

/** Reads one device's channels, finds what is new, and back-fills its gaps from archives. Stores nothing yet. */
async function readDevice(
  device: ThermoWorksDeviceInfo,
  session: ThermoWorksAccountSession,
  link: LinkedAccount,
  stored: { device: DeviceRecord | undefined; latest: Map<string, LatestReading> },
  deps: PollDependencies,
  outcome: PollOutcome,
): Promise<DevicePoll> {
  const now = deps.clock.now();
  const channels = await session.listChannels(device.serial, { strategy: 'listing-first' });
  const fresh: LatestReading[] = [];
  let gaps: ReadingGap[] = [...(stored.device?.pendingGaps ?? [])];
  let newGap = false;
  const threshold = gapThresholdMs(device.recordingIntervalSeconds, deps.pollIntervalSeconds ?? 15);
  for (const channel of channels) {
    const latest = toLatest(link.accountId, channel);
    const previous = stored.latest.get(`${latest.serial}#${latest.channel}`);
    if (!isNewer(latest, previous)) {
      outcome.duplicatesSkipped++;
      continue;
    }
    fresh.push(latest);
    if (previous?.at && latest.at && new Date(latest.at).getTime() - new Date(previous.at).getTime() > threshold) {
      gaps.push({ from: previous.at, to: latest.at });
      newGap = true;
    }
  }

  let gapsAbandoned = 0;
  gaps = mergeGaps(gaps).filter((g) => {
    const abandoned = now.getTime() - new Date(g.to).getTime() > GAP_GIVE_UP_MS;
    if (abandoned) gapsAbandoned++;
    return !abandoned;
  });

  const backfill: Reading[] = [];
  let lastArchiveCheckAt = stored.device?.lastArchiveCheckAt ?? null;
  const due = !lastArchiveCheckAt || now.getTime() - new Date(lastArchiveCheckAt).getTime() >= ARCHIVE_CHECK_EVERY_MS;
  if (gaps.length > 0 && (newGap || due)) {
    lastArchiveCheckAt = now.toISOString();
    const since = new Date(gaps[0]!.from);
    const archives = (await session.listArchives(device.serial, { since })).filter(
      (a): a is typeof a & { start: Date; end: Date } => a.start !== undefined && a.end !== undefined,
    );
    const overlapping = archives.filter((a) => gaps.some((g) => a.start.toISOString() < g.to && a.end.toISOString() > g.from));
    for (const archive of overlapping) {
      for (const point of await session.downloadArchive(archive)) {
        const at = point.at.toISOString();
        if (point.value === null || !gaps.some((g) => at > g.from && at < g.to)) continue;
        backfill.push({ accountId: link.accountId, serial: device.serial, channel: point.channel, value: point.value, units: point.units, at: point.at });
      }
    }
    gaps = gaps.flatMap((g) => remainingGap(g, overlapping, threshold) ?? []);
  }

  return {
    fresh,
    backfill,
    gapsAbandoned,
    record: {
      accountId: link.accountId,
      serial: device.serial,
      label: device.label,
      kind: device.kind,
      online: device.online,
      battery: device.battery ?? null,
      wifiDbm: device.wifiDbm ?? null,
      lastSeen: device.lastSeen?.toISOString() ?? null,
      updatedAt: now.toISOString(),
      pendingGaps: gaps,
      lastArchiveCheckAt,
    },
  };
}

/**
 * Polls one account. ThermoWorks' own failures (bad credentials, rate limits, outages, open circuit) are expected:
 * they are recorded on the link, visible through the API, and the outcome says so. Anything else (DynamoDB down, a
 * bug) is thrown, so the queue redelivers the message: nothing is acknowledged that was not stored.
 */
export async function pollAccount(link: LinkedAccount, deps: PollDependencies): Promise<PollOutcome> {
  const outcome: PollOutcome = { userId: link.userId, status: 'ok', devices: 0, readingsStored: 0, backfilled: 0, duplicatesSkipped: 0, pushed: 0, gapsAbandoned: 0 };
  try {
    const session = await sessionFor(link, deps);
    const [twDevices, stored] = await Promise.all([session.listDevices(link.accountId), deps.devices.listAccountDevices(link.accountId)]);
    const storedLatest = new Map(stored.latest.map((l) => [`${l.serial}#${l.channel}`, l]));
    const storedDevices = new Map(stored.devices.map((d) => [d.serial, d]));
    const polled = await Promise.all(
      twDevices.map((d) => readDevice(d, session, link, { device: storedDevices.get(d.serial), latest: storedLatest }, deps, outcome)),
    );
    outcome.devices = twDevices.length;

    // History first: a crash after this point re-reads the same channels next time and writes the same items again.
    const fresh = polled.flatMap((p) => p.fresh);
    const readings = [...fresh.flatMap((l) => toReading(l) ?? []), ...polled.flatMap((p) => p.backfill)];
    if (readings.length > 0) {
      const written = (await deps.readings.write(readings)).written;
      outcome.backfilled = polled.reduce((n, p) => n + p.backfill.length, 0);
      outcome.readingsStored = written;
    }
    // Most polls of a quiet device change nothing on it: skip the write (it is most of an idle device's cost).
    await Promise.all(polled.filter((p) => deviceChanged(storedDevices.get(p.record.serial), p.record)).map((p) => deps.devices.putDevice(p.record)));
    outcome.gapsAbandoned += polled.reduce((n, p) => n + p.gapsAbandoned, 0);
    // Each channel's latest item is its own conditional write: independent, so in parallel.
    const writes = await Promise.all(fresh.map(async (latest) => ({ latest, stored: await deps.devices.putLatestIfNewer(latest) })));
    const changed = writes.filter((s) => s.stored).map((s) => s.latest);
    outcome.duplicatesSkipped += writes.length - changed.length;
    const predictions = await updateCooks(stored.cooks, readings, deps);
    const activeCookIds = new Set(stored.cooks.map((c) => c.cookId));
    outcome.pushed = await pushMessages(link.accountId, [...changed.map((l) => readingMessage(l, deps.clock)), ...predictions], activeCookIds, deps);
    const now = deps.clock.now();
    if (readings.length > 0 || link.status !== 'ok' || isStale(link.lastPolledAt, now)) {
      await deps.accounts.updateLinkStatus(link.userId, {
        status: 'ok',
        statusMessage: null,
        polledAt: now.toISOString(),
        ...(readings.length > 0 ? { lastReadingAt: now.toISOString() } : {}),
      });
    }
    return outcome;
  } catch (error) {
    deps.sessionCache.delete(link.userId);
    if (!(error instanceof PitwatchError)) throw error;
    const status = needsRelink(error) ? 'relink-needed' : 'failing';
    await deps.accounts.updateLinkStatus(link.userId, { status, statusMessage: error.message, polledAt: deps.clock.now().toISOString() });
    return { ...outcome, status, errorCode: error.code };
  }
}

/** Active cooks on devices with new readings get fresh done-time predictions, stored and pushed. */
async function updateCooks(cooks: readonly ActiveCook[], readings: readonly Reading[], deps: PollDependencies): Promise<ServerMessage[]> {
  const messages: ServerMessage[] = [];
  for (const cook of cooks) {
    const mine = readings.filter((r) => r.serial === cook.serial);
    if (mine.length === 0) continue;
    const { cook: updated, alerts, persist } = updateCook(cook, mine, deps.clock.now());
    if (!persist) continue; // an ETA moves slowly: stored and pushed once a minute, alerts at once (they persist)
    if (!(await deps.cooks.saveProgress(updated))) continue; // ended meanwhile: nothing to store or push
    messages.push(...updated.predictions.map((p) => ({ type: 'prediction' as const, serial: cook.serial, ...p })));
    messages.push(...alerts.map((a) => ({ type: 'alert' as const, serial: cook.serial, ...a })));
  }
  return messages;
}

function readingMessage(l: LatestReading, clock: Clock): ReadingMessage {
  return {
    type: 'reading',
    serial: l.serial,
    channel: l.channel,
    value: l.value,
    units: l.units,
    status: l.status,
    probeConnected: l.probeConnected,
    at: l.at ?? clock.now().toISOString(),
  };
}

async function pushMessages(accountId: string, messages: readonly ServerMessage[], activeCookIds: ReadonlySet<string>, deps: PollDependencies): Promise<number> {
  if (messages.length === 0) return 0;
  const connections = await deps.connections.listForAccount(accountId);
  const now = deps.clock.now().getTime();
  let pushed = 0;
  await Promise.all(
    connections.map(async (connection) => {
      // A socket whose credential has ended (a share link past its expiry) is closed rather than fed.
      if (Date.parse(connection.expiresAt) <= now) return closeLiveConnection(connection, 'expired', deps);
      for (const message of messages) {
        if (!mayReceive(connection, message, activeCookIds)) continue;
        const result = await deps.pusher.push(connection.connectionId, message).catch(() => 'failed' as const);
        if (result === 'gone') {
          await deps.connections.delete(connection.connectionId);
          return;
        }
        if (result === 'sent') pushed++;
      }
    }),
  );
  return pushed;
}
