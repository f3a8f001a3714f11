/** How device facts read on screen. Pure, so the wording is pinned by tests rather than by eye. */
import type { ChannelView } from '../../../shared/api/schemas';
import type { ClockOptions } from '../cooks/predictionFormat';
import { displayTemperature, type TemperatureUnits } from '../settings/temperature';

export { formatNumber, unitSymbol } from '../settings/temperature';

export type ChannelDisplay =
  | { kind: 'value'; number: string; unit: string }
  | { kind: 'no-probe' }
  | { kind: 'waiting' };

/** A channel's reading in the display units (the device's own when none is given). */
export function channelDisplay(channel: Pick<ChannelView, 'value' | 'units' | 'probeConnected'>, display?: TemperatureUnits): ChannelDisplay {
  if (!channel.probeConnected) return { kind: 'no-probe' };
  if (channel.value === null) return { kind: 'waiting' };
  const shown = displayTemperature(channel.value, channel.units, display ?? (channel.units === 'C' ? 'C' : 'F'));
  return { kind: 'value', number: shown.number, unit: shown.unit };
}

export function formatBattery(battery: number | null): string {
  return battery === null ? '—' : `${Math.round(battery)} %`;
}

export function isBatteryLow(battery: number | null): boolean {
  return battery !== null && battery < 20;
}

/** Wi-Fi strength in words; thresholds follow the usual RSSI rules of thumb. */
export function wifiQuality(dbm: number | null): string {
  if (dbm === null) return '—';
  if (dbm >= -55) return 'Excellent';
  if (dbm >= -67) return 'Good';
  if (dbm >= -75) return 'Fair';
  return 'Weak';
}

export function formatWifi(dbm: number | null): string {
  return dbm === null ? '—' : `${wifiQuality(dbm)} (${Math.round(dbm)} dBm)`;
}

const KIND_NAMES: Record<string, string> = {
  signals: 'Signals',
  smoke: 'Smoke',
  smokex: 'Smoke X',
  node: 'Node',
  bluedot: 'BlueDOT',
};

/** ThermoWorks' product names, whatever casing the API uses; unknown kinds pass through. */
export function formatKind(kind: string): string {
  return KIND_NAMES[kind.toLowerCase().replace(/[^a-z]/g, '')] ?? kind;
}

/** "just now", "5 min ago", "3 h ago", then a date: a cook glances, they do not read timestamps. */
export function formatAgo(iso: string | null, nowMs: number, clock: ClockOptions = {}): string {
  if (iso === null) return 'never';
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return 'unknown';
  const seconds = Math.max(0, Math.round((nowMs - at) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return `on ${new Intl.DateTimeFormat(clock.locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: clock.timeZone }).format(at)}`;
}

export function formatPresence(online: boolean, lastSeen: string | null, nowMs: number, clock: ClockOptions = {}): string {
  return online ? `Online · seen ${formatAgo(lastSeen, nowMs, clock)}` : `Offline · last seen ${formatAgo(lastSeen, nowMs, clock)}`;
}
