import type { HistoryQueryInput, HistoryResponse } from '../api/schemas';
import { assertNotTooFarAhead } from '../api/wire-formats';
import type { Clock } from '../clock';
import type { DeviceStore } from '../devices/device-store';
import { NotFoundError } from '../errors';
import type { ReadingStore } from './reading';

/** Bin widths a chart can label sensibly; the smallest one that fits maxPoints is used. */
const BIN_STEPS_SECONDS = [15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21_600, 43_200, 86_400];

export function binSecondsFor(spanMs: number, maxPoints: number): number | null {
  // Devices upload every few seconds at most; below 15 s bins there is nothing to downsample.
  if (spanMs / 15_000 <= maxPoints) return null;
  return BIN_STEPS_SECONDS.find((step) => spanMs / (step * 1000) <= maxPoints) ?? BIN_STEPS_SECONDS.at(-1)!;
}

/** One channel's history for the signed-in account; someone else's device is simply not found. */
export async function deviceHistory(
  accountId: string,
  serial: string,
  query: HistoryQueryInput,
  deps: { devices: DeviceStore; readings: ReadingStore; clock: Clock },
): Promise<HistoryResponse> {
  assertNotTooFarAhead(deps.clock.now(), { from: query.from, to: query.to });
  if (!(await deps.devices.getDevice(accountId, serial))) throw new NotFoundError(`No device ${serial} on this account.`);
  const from = new Date(query.from);
  const to = new Date(query.to);
  const binSeconds = binSecondsFor(to.getTime() - from.getTime(), query.maxPoints);
  const readings = await deps.readings.query({ accountId, serial, channel: query.channel, from, to, ...(binSeconds ? { binSeconds } : {}) });
  return {
    serial,
    channel: query.channel,
    from: from.toISOString(),
    to: to.toISOString(),
    binSeconds,
    points: readings.map((r) => ({ at: r.at.toISOString(), value: r.value, units: r.units })),
  };
}
