/**
 * One device's channels as ThermoWorks shows them now: which readings are new, and where the spacing from the
 * stored one says points were missed (a gap for the back-fill step).
 */
import type { LatestReading } from '../devices/device-store';
import type { ThermoWorksAccountSession, ThermoWorksDeviceInfo } from '../thermoworks/port';
import { isNewer, latestKey, toLatest } from '../devices/latest-reading';
import { gapThresholdMs, type ReadingGap } from './reading-gaps';

export interface DeviceChannels {
  fresh: LatestReading[];
  /** Gaps seen by this poll (between the stored reading and the new one). */
  newGaps: ReadingGap[];
  /** Channels whose reading was no newer than the stored one. */
  unchanged: number;
  /** The spacing beyond which points are missing, for this device at this cadence. */
  gapThresholdMs: number;
}

export async function readDeviceChannels(
  device: ThermoWorksDeviceInfo,
  session: ThermoWorksAccountSession,
  accountId: string,
  stored: ReadonlyMap<string, LatestReading>,
  pollIntervalSeconds: number,
  signal: AbortSignal | undefined,
): Promise<DeviceChannels> {
  const channels = await session.listChannels(device.serial, { strategy: 'listing-first', signal });
  const threshold = gapThresholdMs(device.recordingIntervalSeconds, pollIntervalSeconds);
  const result: DeviceChannels = { fresh: [], newGaps: [], unchanged: 0, gapThresholdMs: threshold };
  for (const channel of channels) {
    const latest = toLatest(accountId, channel);
    const previous = stored.get(latestKey(latest));
    if (!isNewer(latest, previous)) {
      result.unchanged++;
      continue;
    }
    result.fresh.push(latest);
    if (previous?.at && latest.at && new Date(latest.at).getTime() - new Date(previous.at).getTime() > threshold) {
      result.newGaps.push({ from: previous.at, to: latest.at });
    }
  }
  return result;
}
