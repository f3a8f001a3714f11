import type { CookView, StartCookRequest } from '../api/schemas';
import type { Clock } from '../clock';
import { findDonenessPreset } from '../cook/presets/doneness-presets';
import { toFahrenheit } from '../cook/units';
import type { DeviceStore } from '../devices/device-store';
import { NotFoundError, ValidationError } from '../errors';
import type { CookProbe, CookRecord } from './cook-record';

export function cookView(cook: CookRecord): CookView {
  return { serial: cook.serial, startedAt: cook.startedAt, pitChannel: cook.pitChannel, probes: cook.probes, predictions: cook.predictions, alerts: cook.alerts ?? [] };
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
  if (!(await deps.devices.getDevice(accountId, request.serial))) throw new NotFoundError(`No device ${request.serial} on this account.`);
  const now = deps.clock.now().toISOString();
  const cook: CookRecord = { accountId, serial: request.serial, startedAt: now, pitChannel: request.pitChannel ?? null, probes, series: {}, predictions: [], updatedAt: now };
  await deps.devices.putCook(cook);
  return cookView(cook);
}
