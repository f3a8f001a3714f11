/**
 * Which channels a cook can use, apart from the Start-cook form (cookForm.ts, loaded only when the form opens): the
 * device card and the live view decide from this alone whether to offer "Start cook".
 */
import type { ChannelView, DeviceView } from '../../../shared/api/schemas';

/** Temperature channels only: a humidity channel can be neither pit nor meat. */
export function temperatureChannels(device: Pick<DeviceView, 'channels'>): ChannelView[] {
  return device.channels.filter((channel) => channel.units !== 'H');
}

/**
 * The channels a cook can use: a temperature channel with a probe plugged in (the API refuses humidity channels and
 * channels the device lacks; a channel with no probe has nothing to cook with).
 */
export function cookableChannels(device: Pick<DeviceView, 'channels'>): ChannelView[] {
  return temperatureChannels(device).filter((channel) => channel.probeConnected);
}
