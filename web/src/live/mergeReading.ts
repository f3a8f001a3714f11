/**
 * Folds one live `reading` message into the device list. Pure, and returns the very same array when nothing
 * changes so React can skip the render.
 *
 * Readings for a serial or channel the list does not know are dropped: labels and kinds only come from
 * GET /devices, and the page reloads that list whenever the live connection comes back.
 * Readings older than what is shown are dropped too: a reconnect or an archive back-fill can deliver them
 * late, and the screen must never step back in time.
 */
import type { ChannelView, DeviceView, ReadingMessage } from '../../../shared/api/schemas';

export function mergeReading(devices: readonly DeviceView[], reading: ReadingMessage): DeviceView[] {
  const deviceIndex = devices.findIndex((device) => device.serial === reading.serial);
  const device = devices[deviceIndex];
  if (device === undefined) return devices as DeviceView[];

  const channelIndex = device.channels.findIndex((channel) => channel.number === reading.channel);
  const channel = device.channels[channelIndex];
  if (channel === undefined || isOlder(reading.at, channel.at) || isSameReading(channel, reading)) {
    return devices as DeviceView[];
  }

  const updatedChannel: ChannelView = {
    ...channel,
    value: reading.value,
    units: reading.units,
    status: reading.status,
    probeConnected: reading.probeConnected,
    at: reading.at,
  };
  const updatedDevice: DeviceView = {
    ...device,
    channels: replaceAt(device.channels, channelIndex, updatedChannel),
    lastSeen: isOlder(reading.at, device.lastSeen) ? device.lastSeen : reading.at,
  };
  return replaceAt(devices, deviceIndex, updatedDevice);
}

/** True when `candidate` is strictly earlier than `current` (a missing current is never newer). */
export function isOlder(candidate: string | null, current: string | null): boolean {
  if (current === null) return false;
  if (candidate === null) return true;
  return Date.parse(candidate) < Date.parse(current);
}

/** Redelivered messages (queues retry) must not cost a render. */
function isSameReading(channel: ChannelView, reading: ReadingMessage): boolean {
  return (
    channel.at === reading.at &&
    channel.value === reading.value &&
    channel.units === reading.units &&
    channel.status === reading.status &&
    channel.probeConnected === reading.probeConnected
  );
}

function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  const copy = items.slice();
  copy[index] = item;
  return copy;
}
