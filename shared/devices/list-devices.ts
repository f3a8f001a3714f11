import type { DeviceView } from '../api/schemas';
import type { DeviceRecord, DeviceStore, LatestReading } from './device-store';

/** The devices page: each device of the account with its channels' latest readings, channels in number order. */
export async function listDevices(accountId: string, store: DeviceStore): Promise<DeviceView[]> {
  return deviceViews(await store.listAccountDevices(accountId));
}

/** The same views from an account partition already read (GET /metrics reads it once for devices and cooks). */
export function deviceViews({ devices, latest }: { devices: readonly DeviceRecord[]; latest: readonly LatestReading[] }): DeviceView[] {
  return devices
    .map((d) => ({
      serial: d.serial,
      label: d.label,
      kind: d.kind,
      battery: d.battery,
      wifiDbm: d.wifiDbm,
      online: d.online,
      // The stored lastSeen is refreshed every few minutes only; a newer reading is proof of life too.
      lastSeen: latestOf([d.lastSeen, ...latest.filter((l) => l.serial === d.serial).map((l) => l.at)]),
      channels: latest
        .filter((l) => l.serial === d.serial)
        .sort((a, b) => Number(a.channel) - Number(b.channel) || a.channel.localeCompare(b.channel))
        .map((l) => ({
          number: l.channel,
          label: l.label,
          value: l.value,
          units: l.units,
          status: l.status,
          probeConnected: l.probeConnected,
          at: l.at,
        })),
    }))
    .sort((a, b) => a.label.localeCompare(b.label) || a.serial.localeCompare(b.serial));
}

function latestOf(times: ReadonlyArray<string | null>): string | null {
  return times.reduce<string | null>((a, b) => (b !== null && (a === null || b > a) ? b : a), null);
}
