/**
 * One poll of one linked ThermoWorks account, step by step: the session (account-session.ts), each device's channels
 * and their gaps (read-device.ts), the back-fill of those gaps (backfill-gaps.ts), then the writes (history first, then
 * the device and latest-reading items, so a crash in between re-stores rather than loses), cooks (cook-updates.ts),
 * pushes to open WebSockets (push-updates.ts) and the link's health (link-health.ts).
 */
import type { LinkedAccount } from '../auth/account-store';
import type { DeviceRecord, LatestReading } from '../devices/device-store';
import { PitwatchError } from '../errors';
import { publishDue, type MqttIntegrationRecord } from '../integrations/mqtt/mqtt-integration';
import type { ThermoWorksAccountSession, ThermoWorksDeviceInfo } from '../thermoworks/port';
import { evaluateAccountAlarms } from '../alarms/evaluate-account-alarms';
import { accountSession, dropAccountSession } from './account-session';
import { backfillGaps } from './backfill-gaps';
import { updateCooks } from './cook-updates';
import { deviceChanged, toDeviceRecord } from './device-record';
import { latestKey, toReading } from './latest-reading';
import { failureStatus, linkNeedsUpdate } from './link-health';
import { pollCadence } from './poll-cadence';
import type { PollDependencies, PollOutcome } from './poll-dependencies';
import { pushUpdates, readingMessage } from './push-updates';
import { readDeviceChannels } from './read-device';

export type { PollDependencies, PollOutcome } from './poll-dependencies';

/** What one device's poll found, before anything is stored. */
async function pollDevice(
  device: ThermoWorksDeviceInfo,
  session: ThermoWorksAccountSession,
  link: LinkedAccount,
  stored: { device: DeviceRecord | undefined; latest: ReadonlyMap<string, LatestReading> },
  deps: PollDependencies,
) {
  const now = deps.clock.now();
  const channels = await readDeviceChannels(device, session, link.accountId, stored.latest, deps.pollIntervalSeconds ?? pollCadence.activeIntervalSeconds);
  const backfill = await backfillGaps({
    session,
    accountId: link.accountId,
    serial: device.serial,
    stored: stored.device,
    newGaps: channels.newGaps,
    gapThresholdMs: channels.gapThresholdMs,
    now,
  });
  return { channels, backfill, record: toDeviceRecord(link.accountId, device, backfill, now) };
}

/**
 * The hand-off to the MQTT publisher, when the account has an integration that is not backing off, and there is news
 * (or the integration is not ok yet: a new setup, or a recovery after failures, publishes without waiting for news).
 * A failed hand-off is counted, not thrown: it never fails the poll.
 */
function mqttHandOff(accountId: string, integration: MqttIntegrationRecord | undefined, news: boolean, deps: PollDependencies): Promise<'sent' | 'failed'> | undefined {
  const now = deps.clock.now();
  if (!deps.mqttHandOff || !integration || !publishDue(integration, now)) return undefined;
  if (!news && integration.status.state === 'ok') return undefined;
  return deps.mqttHandOff.handOff({ accountId, polledAt: now.toISOString() }).then(
    () => 'sent' as const,
    () => 'failed' as const,
  );
}

/**
 * Polls one account. ThermoWorks' own failures (bad credentials, rate limits, outages, open circuit) are expected:
 * they are recorded on the link, visible through the API, and the outcome says so. Anything else (DynamoDB down, a
 * bug) is thrown, so the queue redelivers the message: nothing is acknowledged that was not stored.
 */
export async function pollAccount(link: LinkedAccount, deps: PollDependencies): Promise<PollOutcome> {
  const outcome: PollOutcome = { userId: link.userId, status: 'ok', devices: 0, readingsStored: 0, backfilled: 0, duplicatesSkipped: 0, pushed: 0, gapsAbandoned: 0 };
  try {
    const session = await accountSession(link, deps);
    const [twDevices, stored] = await Promise.all([session.listDevices(link.accountId), deps.devices.listAccountDevices(link.accountId)]);
    const storedLatest = new Map(stored.latest.map((l) => [latestKey(l), l]));
    const storedDevices = new Map(stored.devices.map((d) => [d.serial, d]));
    const polled = await Promise.all(twDevices.map((d) => pollDevice(d, session, link, { device: storedDevices.get(d.serial), latest: storedLatest }, deps)));
    outcome.devices = twDevices.length;
    outcome.duplicatesSkipped = polled.reduce((n, p) => n + p.channels.unchanged, 0);
    outcome.gapsAbandoned = polled.reduce((n, p) => n + p.backfill.abandoned, 0);

    // History first: a crash after this point re-reads the same channels next time and writes the same items again.
    const fresh = polled.flatMap((p) => p.channels.fresh);
    const backfilled = polled.flatMap((p) => p.backfill.readings);
    const readings = [...fresh.flatMap((l) => toReading(l) ?? []), ...backfilled];
    if (readings.length > 0) {
      outcome.readingsStored = (await deps.readings.write(readings)).written;
      outcome.backfilled = backfilled.length;
    }
    const changedDevices = polled.filter((p) => deviceChanged(storedDevices.get(p.record.serial), p.record));
    await Promise.all(changedDevices.map((p) => deps.devices.putDevice(p.record)));
    // Each channel's latest item is its own conditional write: independent, so in parallel.
    const writes = await Promise.all(fresh.map(async (latest) => ({ latest, stored: await deps.devices.putLatestIfNewer(latest) })));
    const changed = writes.filter((s) => s.stored).map((s) => s.latest);
    outcome.duplicatesSkipped += writes.length - changed.length;
    const predictions = await updateCooks(stored.cooks, readings, deps);
    // Everything is stored: the MQTT publisher may read it. Handed off beside the pushes, never waited on for a broker.
    const handOff = mqttHandOff(link.accountId, stored.mqtt, changed.length + predictions.length + changedDevices.length > 0, deps);
    if (deps.alarms && stored.alarms && stored.alarms.length > 0) {
      const latest = [...new Map([...stored.latest, ...changed].map((l) => [latestKey(l), l])).values()];
      const alarms = await evaluateAccountAlarms(link.accountId, stored.alarms, { latest, devices: polled.map((p) => p.record), cooks: stored.cooks }, deps.alarms);
      outcome.alarmsFired = alarms.fired;
    }
    const activeCookIds = new Set(stored.cooks.map((c) => c.cookId));
    outcome.pushed = await pushUpdates(link.accountId, [...changed.map((l) => readingMessage(l, deps.clock)), ...predictions], activeCookIds, deps);
    if (handOff) outcome.mqttHandOff = await handOff;
    const now = deps.clock.now();
    if (linkNeedsUpdate(link, readings.length > 0, now)) {
      await deps.accounts.updateLinkStatus(link.userId, {
        status: 'ok',
        statusMessage: null,
        polledAt: now.toISOString(),
        ...(readings.length > 0 ? { lastReadingAt: now.toISOString() } : {}),
      });
    }
    return outcome;
  } catch (error) {
    dropAccountSession(link, deps);
    if (!(error instanceof PitwatchError)) throw error;
    const status = failureStatus(error);
    await deps.accounts.updateLinkStatus(link.userId, { status, statusMessage: error.message, polledAt: deps.clock.now().toISOString() });
    return { ...outcome, status, errorCode: error.code };
  }
}
