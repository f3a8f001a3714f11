/**
 * The device list as the page sees it: loading, loaded (possibly with a refresh error on top of stale
 * data), or failed. A reducer so live readings and HTTP reloads can interleave without losing either.
 */
import type { DeviceView, ReadingMessage } from '../../../shared/api/schemas';
import { isOlder, mergeReading } from '../live/mergeReading';

export interface DevicesState {
  /** null until the first successful load. */
  devices: DeviceView[] | null;
  /** The last load's failure, shown over whatever is already on screen. */
  error: string | null;
}

export type DevicesAction =
  | { type: 'loaded'; devices: DeviceView[] }
  | { type: 'failed'; message: string }
  | { type: 'reading'; reading: ReadingMessage };

export const initialDevicesState: DevicesState = { devices: null, error: null };

export function devicesReducer(state: DevicesState, action: DevicesAction): DevicesState {
  switch (action.type) {
    case 'loaded':
      return { devices: keepNewerChannels(state.devices, action.devices), error: null };
    case 'failed':
      return { ...state, error: action.message };
    case 'reading': {
      if (state.devices === null) return state; // the first load is about to bring fresher data anyway
      const devices = mergeReading(state.devices, action.reading);
      return devices === state.devices ? state : { ...state, devices };
    }
  }
}

/**
 * A reload answers with what the API knew when it started; a live reading that arrived in between is newer
 * and must win, or the temperature would briefly jump back.
 */
function keepNewerChannels(current: DeviceView[] | null, loaded: DeviceView[]): DeviceView[] {
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
