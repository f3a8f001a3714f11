/** A channel's latest reading as polled, and how it compares with the one stored. */
import type { LatestReading } from './device-store';
import type { Reading } from '../readings/reading';
import type { ThermoWorksChannelInfo } from '../thermoworks/port';

export function toLatest(accountId: string, c: ThermoWorksChannelInfo): LatestReading {
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

/** Newer by its time, or a state change at the same time (a probe unplugged is news without a new reading). */
export function isNewer(candidate: LatestReading, stored: LatestReading | undefined): boolean {
  if (!stored) return true;
  if ((candidate.at ?? '') > (stored.at ?? '')) return true;
  return candidate.at === stored.at && (candidate.status !== stored.status || candidate.probeConnected !== stored.probeConnected);
}

/** Only real values are readings: an unplugged probe or a channel that never reported is not. */
export function toReading(l: LatestReading): Reading | undefined {
  if (l.value === null || l.at === null) return undefined;
  return { accountId: l.accountId, serial: l.serial, channel: l.channel, value: l.value, units: l.units, at: new Date(l.at) };
}

export const latestKey = (l: Pick<LatestReading, 'serial' | 'channel'>) => `${l.serial}#${l.channel}`;
