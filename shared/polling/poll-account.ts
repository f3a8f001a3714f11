/**
 * One poll of one linked ThermoWorks account: read devices and channels, store each reading newer than the one
 * already stored (history first, then the latest-reading item, so a crash in between re-stores rather than loses),
 * refresh device health, and push new readings to the account's open WebSockets.
 */
import type { ReadingMessage } from '../api/schemas';
import type { AccountStore, LinkedAccount } from '../auth/account-store';
import type { Clock } from '../clock';
import type { DeviceStore, LatestReading } from '../devices/device-store';
import { PitwatchError } from '../errors';
import type { ConnectionStore } from '../live/connection-store';
import type { Pusher } from '../live/pusher';
import type { Reading, ReadingStore } from '../readings/reading';
import type { CredentialVault } from '../vault/credential-vault';
import type { ThermoWorksAccountSession, ThermoWorksChannelInfo, ThermoWorksPort } from './thermoworks-port';

export interface PollDependencies {
  thermoworks: ThermoWorksPort;
  vault: CredentialVault;
  accounts: AccountStore;
  devices: DeviceStore;
  readings: ReadingStore;
  connections: ConnectionStore;
  pusher: Pusher;
  clock: Clock;
  /** ThermoWorks sessions kept between polls (per warm Lambda), so id tokens are reused until near expiry. */
  sessionCache: Map<string, ThermoWorksAccountSession>;
}

export interface PollOutcome {
  userId: string;
  status: 'ok' | 'relink-needed' | 'failing';
  devices: number;
  readingsStored: number;
  duplicatesSkipped: number;
  pushed: number;
  errorCode?: string;
}

async function sessionFor(link: LinkedAccount, deps: PollDependencies): Promise<ThermoWorksAccountSession> {
  const cached = deps.sessionCache.get(link.userId);
  if (cached) return cached;
  const refreshToken = await deps.vault.open(link.sealedRefreshToken, link.userId, 'poll');
  const session = deps.thermoworks.session({ refreshToken, uid: link.userId }, async (tokens) => {
    // Firebase may rotate the refresh token: keep the newest, sealed, or the next cold start would use a dead one.
    if (tokens.refreshToken !== refreshToken) {
      await deps.accounts.putLink({ ...link, sealedRefreshToken: await deps.vault.seal(tokens.refreshToken, link.userId) });
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

/** Auth failures that only the user can fix by linking the account again. */
function needsRelink(error: PitwatchError): boolean {
  return error.httpStatus === 401 || error.httpStatus === 403;
}

/**
 * Polls one account. ThermoWorks' own failures (bad credentials, rate limits, outages, open circuit) are expected:
 * they are recorded on the link, visible through the API, and the outcome says so. Anything else (DynamoDB down, a
 * bug) is thrown, so the queue redelivers the message: nothing is acknowledged that was not stored.
 */
export async function pollAccount(link: LinkedAccount, deps: PollDependencies): Promise<PollOutcome> {
  const outcome: PollOutcome = { userId: link.userId, status: 'ok', devices: 0, readingsStored: 0, duplicatesSkipped: 0, pushed: 0 };
  try {
    const session = await sessionFor(link, deps);
    const [twDevices, stored] = await Promise.all([
      session.listDevices(link.accountId),
      deps.devices.listAccountDevices(link.accountId),
    ]);
    const storedLatest = new Map(stored.latest.map((l) => [`${l.serial}#${l.channel}`, l]));
    const now = deps.clock.now().toISOString();
    const fresh: LatestReading[] = [];

    await Promise.all(
      twDevices.map(async (device) => {
        const channels = await session.listChannels(device.serial);
        await deps.devices.putDevice({
          accountId: link.accountId,
          serial: device.serial,
          label: device.label,
          kind: device.kind,
          online: device.online,
          battery: device.battery ?? null,
          wifiDbm: device.wifiDbm ?? null,
          lastSeen: device.lastSeen?.toISOString() ?? null,
          updatedAt: now,
        });
        for (const channel of channels) {
          const latest = toLatest(link.accountId, channel);
          if (isNewer(latest, storedLatest.get(`${latest.serial}#${latest.channel}`))) fresh.push(latest);
          else outcome.duplicatesSkipped++;
        }
      }),
    );
    outcome.devices = twDevices.length;

    const readings: Reading[] = fresh
      .filter((l): l is LatestReading & { value: number; at: string } => l.value !== null && l.at !== null)
      .map((l) => ({ accountId: l.accountId, serial: l.serial, channel: l.channel, value: l.value, units: l.units, at: new Date(l.at) }));
    if (readings.length > 0) outcome.readingsStored = (await deps.readings.write(readings)).written;

    const changed: LatestReading[] = [];
    for (const latest of fresh) {
      if (await deps.devices.putLatestIfNewer(latest)) changed.push(latest);
      else outcome.duplicatesSkipped++;
    }
    outcome.pushed = await pushReadings(link.accountId, changed, deps);
    await deps.accounts.updateLinkStatus(link.userId, {
      status: 'ok',
      statusMessage: null,
      polledAt: now,
      ...(readings.length > 0 ? { lastReadingAt: now } : {}),
    });
    return outcome;
  } catch (error) {
    deps.sessionCache.delete(link.userId);
    if (!(error instanceof PitwatchError)) throw error;
    const status = needsRelink(error) ? 'relink-needed' : 'failing';
    await deps.accounts.updateLinkStatus(link.userId, { status, statusMessage: error.message, polledAt: deps.clock.now().toISOString() });
    return { ...outcome, status, errorCode: error.code };
  }
}

async function pushReadings(accountId: string, changed: readonly LatestReading[], deps: PollDependencies): Promise<number> {
  if (changed.length === 0) return 0;
  const connections = await deps.connections.listForAccount(accountId);
  let pushed = 0;
  await Promise.all(
    connections.map(async (connection) => {
      for (const l of changed) {
        const message: ReadingMessage = {
          type: 'reading',
          serial: l.serial,
          channel: l.channel,
          value: l.value,
          units: l.units,
          status: l.status,
          probeConnected: l.probeConnected,
          at: l.at ?? deps.clock.now().toISOString(),
        };
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
