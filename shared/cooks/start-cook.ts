import type { CookView, StartCookRequest } from '../api/schemas';
import type { Clock } from '../clock';
import { findDonenessPreset } from '../cook/presets/doneness-presets';
import { toFahrenheit } from '../cook/units';
import type { DeviceStore, LatestReading } from '../devices/device-store';
import { NotFoundError, ValidationError } from '../errors';
import type { CookProbe, CookRecord } from './cook-record';

export function cookView(cook: CookRecord): CookView {
  return { serial: cook.serial, startedAt: cook.startedAt, pitChannel: cook.pitChannel, probes: cook.probes, predictions: cook.predictions, alerts: cook.alerts ?? [] };
}

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

/** Starts (or restarts) the cook on one of the account's devices: from now on its probes get done-time predictions. */
export async function startCook(accountId: string, request: StartCookRequest, deps: { devices: DeviceStore; clock: Clock }): Promise<CookView> {
  const probes: CookProbe[] = request.probes.map((p) => {
    const preset = p.presetId === undefined ? undefined : findDonenessPreset(p.presetId);
    if (p.presetId !== undefined && !preset) throw new ValidationError(`Unknown preset "${p.presetId}".`, { details: { channel: p.channel } });
    return {
      channel: p.channel,
      targetF: p.target !== undefined ? Math.round(toFahrenheit(p.target, p.units) * 10) / 10 : preset!.targetF,
      presetId: preset?.id ?? null,
      meat: preset?.meat ?? null,
    };
  });
  if (new Set(probes.map((p) => p.channel)).size !== probes.length) throw new ValidationError('Each channel may appear once.');
  if (request.pitChannel && probes.some((p) => p.channel === request.pitChannel)) throw new ValidationError('The pit channel cannot also be a meat probe.');
  const account = await deps.devices.listAccountDevices(accountId);
  if (!account.devices.some((d) => d.serial === request.serial)) throw new NotFoundError(`No device ${request.serial} on this account.`);
  assertCookableChannels(request, account.latest.filter((l) => l.serial === request.serial));
  const now = deps.clock.now().toISOString();
  const cook: CookRecord = { accountId, serial: request.serial, startedAt: now, pitChannel: request.pitChannel ?? null, probes, series: {}, predictions: [], updatedAt: now };
  await deps.devices.putCook(cook);
  return cookView(cook);
}
