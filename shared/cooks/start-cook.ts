import type { StartCookRequest } from '../api/schemas';
import type { Clock } from '../clock';
import { findDonenessPreset } from '../cook/presets/doneness-presets';
import { toFahrenheit } from '../cook/units';
import type { DeviceStore, LatestReading } from '../devices/device-store';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import type { IdGenerator } from '../ids';
import type { ReadingStore } from '../readings/reading';
import { cookChannels, newCookRecord, type ActiveCook, type CookProbe, type CookRecord } from './cook-record';
import type { CookStore } from './cook-store';
import { assertServeAtAhead } from './serve-check';
import { seedSeriesFromHistory } from './update-cook';

/**
 * Every channel the cook names must be one the device has, and a temperature channel: a humidity sensor cannot be
 * a meat probe or the pit. (Whether a probe is plugged in right now is not checked: a cook may be set up first.)
 */
function assertCookableChannels(request: StartCookRequest, channels: readonly LatestReading[]): void {
  const byNumber = new Map(channels.map((c) => [c.channel, c]));
  const named = [...request.probes.map((p, i) => ({ channel: p.channel, path: `probes.${i}.channel` })), ...(request.pitChannel ? [{ channel: request.pitChannel, path: 'pitChannel' }] : [])];
  const issues = named.flatMap(({ channel, path }) => {
    const found = byNumber.get(channel);
    if (!found) return [{ path, message: `the device has no channel ${channel}` }];
    if (found.units === 'H') return [{ path, message: `channel ${channel} measures humidity, not temperature` }];
    return [];
  });
  if (issues.length > 0) throw new ValidationError('Request is invalid.', { details: { issues } });
}

export function targetFahrenheit(target: number, units: 'F' | 'C'): number {
  return Math.round(toFahrenheit(target, units) * 10) / 10;
}

export interface StartCookDependencies {
  devices: DeviceStore;
  cooks: CookStore;
  clock: Clock;
  ids: IdGenerator;
  /** The device's stored history: a cook started hours into the cook predicts from the curve so far. */
  readings?: Pick<ReadingStore, 'query'>;
}

/** How far back a new cook looks for the curve it was started in the middle of. */
const SEED_LOOKBACK_MS = 24 * 3_600_000;

/**
 * The cook's channels' stored readings of the last day, one per minute (seedSeriesFromHistory keeps the run since
 * each channel's lowest reading). Best-effort: without history the cook starts from its first poll, as before.
 */
async function seeded(active: ActiveCook, readings: Pick<ReadingStore, 'query'> | undefined): Promise<ActiveCook> {
  if (!readings) return active;
  const to = new Date(active.startedAt);
  const from = new Date(to.getTime() - SEED_LOOKBACK_MS);
  try {
    const channels = cookChannels(active);
    const found = await Promise.all(channels.map((channel) => readings.query({ accountId: active.accountId, serial: active.serial, channel, from, to, binSeconds: 60 })));
    return seedSeriesFromHistory(active, Object.fromEntries(channels.map((channel, i) => [channel, found[i] ?? []])));
  } catch {
    return active;
  }
}

/** Starts a cook on one of the account's devices: from now on its probes get done-time predictions. 409 if one runs. */
export async function startCook(accountId: string, request: StartCookRequest, deps: StartCookDependencies): Promise<{ active: ActiveCook; record: CookRecord }> {
  const probes: CookProbe[] = request.probes.map((p) => {
    const preset = p.presetId === undefined ? undefined : findDonenessPreset(p.presetId);
    if (p.presetId !== undefined && !preset) throw new ValidationError(`Unknown preset "${p.presetId}".`, { details: { channel: p.channel } });
    return {
      channel: p.channel,
      label: p.label ?? null,
      targetF: p.target !== undefined ? targetFahrenheit(p.target, p.units) : preset!.targetF,
      presetId: preset?.id ?? null,
      meat: preset?.meat ?? null,
      units: p.units,
    };
  });
  if (new Set(probes.map((p) => p.channel)).size !== probes.length) throw new ValidationError('Each channel may appear once.');
  if (request.pitChannel && probes.some((p) => p.channel === request.pitChannel)) throw new ValidationError('The pit channel cannot also be a meat probe.');
  const account = await deps.devices.listAccountDevices(accountId);
  const device = account.devices.find((d) => d.serial === request.serial);
  if (!device) throw new NotFoundError(`No device ${request.serial} on this account.`);
  assertCookableChannels(request, account.latest.filter((l) => l.serial === request.serial));
  if (account.cooks.some((c) => c.serial === request.serial)) throw conflict(request.serial);
  if (request.serveAt !== undefined) assertServeAtAhead(request.serveAt, deps.clock.now());
  const now = deps.clock.now().toISOString();
  const cookId = deps.ids.id();
  const firstPreset = request.probes[0]?.presetId ? findDonenessPreset(request.probes[0].presetId) : undefined;
  const name = request.name ?? (firstPreset ? firstPreset.label : `${device.label} cook`);
  const pitChannel = request.pitChannel ?? null;
  const active = await seeded({ accountId, cookId, serial: request.serial, startedAt: now, pitChannel, probes, events: [], series: {}, predictions: [], alerts: [], ...(request.serveAt !== undefined ? { serveAt: new Date(request.serveAt).toISOString() } : {}), updatedAt: now }, deps.readings);
  const record = newCookRecord(active, name);
  if (!(await deps.cooks.start(active, record))) throw conflict(request.serial);
  return { active, record };
}

function conflict(serial: string): ConflictError {
  return new ConflictError(`A cook is already running on ${serial}: end it first.`, { details: { serial } });
}
