/** The device item a poll leaves behind: health as ThermoWorks reports it, plus the back-fill state. */
import type { DeviceRecord } from '../devices/device-store';
import type { ThermoWorksDeviceInfo } from '../thermoworks/port';
import type { Backfill } from './backfill-gaps';

export function toDeviceRecord(accountId: string, device: ThermoWorksDeviceInfo, backfill: Pick<Backfill, 'pendingGaps' | 'lastArchiveCheckAt'>, now: Date): DeviceRecord {
  return {
    accountId,
    serial: device.serial,
    label: device.label,
    kind: device.kind,
    online: device.online,
    battery: device.battery ?? null,
    wifiDbm: device.wifiDbm ?? null,
    lastSeen: device.lastSeen?.toISOString() ?? null,
    firmware: device.firmware ?? null,
    updatedAt: now.toISOString(),
    pendingGaps: backfill.pendingGaps,
    lastArchiveCheckAt: backfill.lastArchiveCheckAt,
  };
}

/** "Last seen" moves on every upload; storing it every 15 s buys nothing a person can see: at most every 5 min. */
const LAST_SEEN_RESOLUTION_MS = 5 * 60_000;

function lastSeenMoved(stored: string | null, next: string | null): boolean {
  if (stored === null || next === null) return stored !== next;
  return Math.abs(new Date(next).getTime() - new Date(stored).getTime()) >= LAST_SEEN_RESOLUTION_MS;
}

/** Most polls of a quiet device change nothing a person would see: those skip the write. */
export function deviceChanged(stored: DeviceRecord | undefined, next: DeviceRecord): boolean {
  if (!stored) return true;
  return (
    stored.label !== next.label ||
    stored.kind !== next.kind ||
    stored.online !== next.online ||
    stored.battery !== next.battery ||
    stored.wifiDbm !== next.wifiDbm ||
    (stored.firmware ?? null) !== (next.firmware ?? null) ||
    lastSeenMoved(stored.lastSeen, next.lastSeen) ||
    (stored.lastArchiveCheckAt ?? null) !== next.lastArchiveCheckAt ||
    (stored.historyCompactedThrough ?? null) !== (next.historyCompactedThrough ?? null) ||
    JSON.stringify(stored.pendingGaps ?? []) !== JSON.stringify(next.pendingGaps)
  );
}
