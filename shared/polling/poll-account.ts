/**
 * One poll of one linked ThermoWorks account, step by step: the session (account-session.ts), each device's channels
 * and their gaps (read-device.ts), the back-fill of those gaps (backfill-gaps.ts), then the writes: history first, in
 * one batch, then one conditional write per device carrying its record and its channels' latest readings (so a crash
 * in between re-stores rather than loses), the hour's roll-up once it is over (history-compaction.ts), cooks
 * (cook-updates.ts), one WebSocket message per device (push-updates.ts) and the link's health (link-health.ts).
 */
import type { LinkedAccount } from '../auth/account-store';
import type { DeviceRecord, LatestReading } from '../devices/device-store';
import { latestKey, toReading } from '../devices/latest-reading';
import { cookReadingsStale } from './stale-cook';
import { PitwatchError } from '../errors';
import { publishDue, type MqttIntegrationRecord } from '../integrations/mqtt/mqtt-integration';
import type { ThermoWorksAccountSession, ThermoWorksDeviceInfo } from '../thermoworks/port';
import { clearDeviceAlarms, writePendingDeviceAlarms } from '../alarms/device-alarm';
import { evaluateAccountAlarms } from '../alarms/evaluate-account-alarms';
import { alarmMessage } from '../alarms/alarm-views';
import type { AlarmMessage } from '../api/alarm-message-schemas';
import { accountSession, dropAccountSession } from './account-session';
import { backfillGaps } from './backfill-gaps';
import { updateCooks } from './cook-updates';
import { deviceChanged, toDeviceRecord } from './device-record';
import { hourToCompact } from './history-compaction';
import { failureStatus, successUpdate } from './link-health';
import { pollCadence } from './poll-cadence';
import type { PollDependencies, PollOutcome } from './poll-dependencies';
import { startPollTimeBudget } from './poll-time-budget';
import { pushUpdates, readingsMessages } from './push-updates';
import { readDeviceChannels } from './read-device';

export type { PollDependencies, PollOutcome } from './poll-dependencies';

/** A device whose readings should keep coming: online, and uploading every 5 minutes or more often. */
const REPORTING_WITHIN_SECONDS = 300;
const expectedToReport = (d: ThermoWorksDeviceInfo) => d.online && (d.transmitIntervalSeconds ?? 0) <= REPORTING_WITHIN_SECONDS;

interface StoredAccount {
  devices: ReadonlyMap<string, DeviceRecord>;
  latest: ReadonlyMap<string, LatestReading>;
}

/** What one device's poll found, before anything is stored. */
async function pollDevice(
  device: ThermoWorksDeviceInfo,
  session: ThermoWorksAccountSession,
  link: LinkedAccount,
  stored: StoredAccount,
  deps: PollDependencies,
  signal: AbortSignal | undefined,
) {
  const now = deps.clock.now();
  const storedDevice = stored.devices.get(device.serial);
  const channels = await readDeviceChannels(device, session, link.accountId, stored.latest, deps.pollIntervalSeconds ?? pollCadence.activeIntervalSeconds, signal);
  const backfill = await backfillGaps({
    session,
    accountId: link.accountId,
    serial: device.serial,
    stored: storedDevice,
    newGaps: channels.newGaps,
    gapThresholdMs: channels.gapThresholdMs,
    now,
    signal,
  });
  const record: DeviceRecord = { ...toDeviceRecord(link.accountId, device, backfill, now), historyCompactedThrough: storedDevice?.historyCompactedThrough ?? null };
  const storedChannels = [...stored.latest.values()].filter((l) => l.serial === device.serial);
  const newest = storedChannels.reduce<string | null>((max, l) => (l.at !== null && (max === null || l.at > max) ? l.at : max), null);
  const compactHour = deps.readings.compactHour ? hourToCompact(newest, storedDevice?.historyCompactedThrough, now) : undefined;
  if (compactHour) record.historyCompactedThrough = compactHour.toISOString();
  const series = [...new Set([...storedChannels, ...channels.fresh].map((l) => l.channel))].map((channel) => ({ accountId: link.accountId, serial: device.serial, channel }));
  return { channels, backfill, record, storedDevice, compaction: compactHour ? { hour: compactHour, series } : undefined };
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
  const outcome: PollOutcome = { userId: link.userId, status: 'ok', devices: 0, readingsStored: 0, backfilled: 0, duplicatesSkipped: 0, pushed: 0, gapsAbandoned: 0, devicesReporting: 0 };
  // The budget cuts off ThermoWorks calls only: once the readings are in hand, storing them is never cut short.
  const budget = startPollTimeBudget(deps.timeBudgetMs);
  try {
    const session = await accountSession(link, deps);
    const { signal } = budget;
    const [twDevices, stored] = await Promise.all([session.listDevices(link.accountId, { signal }), deps.devices.listAccountDevices(link.accountId)]);
    const storedAccount: StoredAccount = { devices: new Map(stored.devices.map((d) => [d.serial, d])), latest: new Map(stored.latest.map((l) => [latestKey(l), l])) };
    const polled = await Promise.all(twDevices.map((d) => pollDevice(d, session, link, storedAccount, deps, signal)));
    budget.done();
    outcome.devices = twDevices.length;
    outcome.devicesReporting = twDevices.filter(expectedToReport).length;
    outcome.duplicatesSkipped = polled.reduce((n, p) => n + p.channels.unchanged, 0);
    outcome.gapsAbandoned = polled.reduce((n, p) => n + p.backfill.abandoned, 0);

    // History first, in one batch: a crash after this point re-reads the same channels next time and writes the
    // same items again.
    const backfilled = polled.flatMap((p) => p.backfill.readings);
    const readings = [...polled.flatMap((p) => p.channels.fresh.flatMap((l) => toReading(l) ?? [])), ...backfilled];
    if (readings.length > 0) {
      outcome.readingsStored = (await deps.readings.write(readings)).written;
      outcome.backfilled = backfilled.length;
    }
    await Promise.all(polled.map(({ compaction }) => compaction && deps.readings.compactHour?.(compaction.series, compaction.hour)));
    // One write per device that has news; a quiet device whose record did not change is not written at all.
    const writes = await Promise.all(
      polled
        .filter((p) => p.channels.fresh.length > 0 || deviceChanged(p.storedDevice, p.record))
        .map(async (p) => ({ offered: p.channels.fresh.length, stored: await deps.devices.putDevice(p.record, p.channels.fresh) })),
    );
    const changed = writes.flatMap((w) => w.stored);
    outcome.duplicatesSkipped += writes.reduce((n, w) => n + w.offered - w.stored.length, 0);
    const predictions = await updateCooks(stored.cooks, readings, deps, stored.personalPriors);
    // Everything is stored: the MQTT publisher may read it. Handed off beside the pushes, never waited on for a broker.
    const handOff = mqttHandOff(link.accountId, stored.mqtt, writes.length + predictions.length > 0, deps);
    const alarmMessages: AlarmMessage[] = [];
    // Before this poll's own device alarm writes: a field a rule still holds is left to that rule (clearDeviceAlarms).
    if (deps.alarms && stored.deviceAlarmClears) {
      const clearing = { session, alarms: deps.alarms.alarms, clock: deps.clock, log: deps.alarms.log };
      outcome.deviceAlarmsCleared = await clearDeviceAlarms(link.accountId, stored.deviceAlarmClears, stored.alarms ?? [], clearing, signal);
    }
    if (deps.alarms && stored.alarms && stored.alarms.length > 0) {
      const latest = [...new Map([...stored.latest, ...changed].map((l) => [latestKey(l), l])).values()];
      const alarms = await evaluateAccountAlarms(link.accountId, stored.alarms, { latest, devices: polled.map((p) => p.record), cooks: stored.cooks }, deps.alarms);
      outcome.alarmsFired = alarms.fired;
      // A condition that cleared takes its banner down on the open pages (firing is the notifier's: it rings them).
      alarmMessages.push(...alarms.resolvedEvents.map((event) => alarmMessage('resolved', event)));
      // Rules that also set the thermometer's own alarm: written once, with this poll's session.
      outcome.deviceAlarmsWritten = await writePendingDeviceAlarms(stored.alarms, { session, alarms: deps.alarms.alarms, clock: deps.clock }, signal);
    }
    if (cookReadingsStale(stored.cooks.length, [...stored.latest, ...changed], deps.clock.now())) outcome.staleCook = true;
    const activeCookIds = new Set(stored.cooks.map((c) => c.cookId));
    outcome.pushed = await pushUpdates(link.accountId, [...readingsMessages(changed, deps.clock), ...predictions, ...alarmMessages], activeCookIds, deps);
    if (handOff) outcome.mqttHandOff = await handOff;
    const update = successUpdate(link, readings.length > 0, deps.clock.now());
    if (update) await deps.accounts.updateLinkStatus(link.userId, update);
    return outcome;
  } catch (error) {
    if (!(error instanceof PitwatchError)) throw error;
    const status = failureStatus(error);
    // The session (and its id token) outlives ThermoWorks' errors: reopening it costs a decrypt and a refresh per poll,
    // which for a slow account made dozens of each a minute. Only a refused credential needs a fresh start.
    if (status === 'relink-needed') dropAccountSession(link, deps);
    await deps.accounts.updateLinkStatus(link.userId, { status, statusMessage: error.message, polledAt: deps.clock.now().toISOString() });
    return { ...outcome, status, errorCode: error.code };
  } finally {
    budget.done();
  }
}
