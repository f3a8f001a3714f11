/** How an HTTP reload of the device list meets the live readings already in the cache. Pure. */
import type { DeviceView } from '../../../shared/api/schemas';
import { isOlder } from '../live/mergeReading';

/**
 * A reload answers with what the API knew when it started; a live reading that arrived in between is newer
 * and must win, or the temperature would briefly jump back.
 */
export function keepNewerChannels(current: DeviceView[] | null, loaded: DeviceView[]): DeviceView[] {
  if (current === null) return loaded;
  return loaded.map((device) => {
    const shown = current.find((d) => d.serial === device.serial);
    if (shown === undefined) return device;
    return {
      ...device,
      channels: device.channels.map((channel) => {
        const shownChannel = shown.channels.find((c) => c.number === channel.number);
        if (shownChannel === undefined || !isOlder(channel.at, shownChannel.at)) return channel;
        const { value, units, status, probeConnected, at } = shownChannel;
        return { ...channel, value, units, status, probeConnected, at };
      }),
    };
  });
}
