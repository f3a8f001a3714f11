/**
 * Temperature values as the devices mean them: units normalised to F/C/H, float32 noise rounded to the
 * 0.1° resolution, and sentinels (probe unplugged, out of range) turned into "no reading".
 */
import type { ChannelUnit } from './domain';

/** `F`, `°F`, `fahrenheit`, `c`, `%`, `RH`… → F / C / H; anything else is unknown. */
export function normaliseUnits(raw: string | undefined): ChannelUnit | undefined {
  if (raw === undefined) return undefined;
  const u = raw.trim().toUpperCase().replace(/^°/, '');
  if (u === 'F' || u === 'FAHRENHEIT' || u === 'DEGF') return 'F';
  if (u === 'C' || u === 'CELSIUS' || u === 'DEGC') return 'C';
  if (u === 'H' || u === '%' || u === 'RH' || u === '%RH' || u === 'HUMIDITY') return 'H';
  return undefined;
}

/** Round to 0.1: `251.89999389648438` → `251.9`. Never returns -0. */
export function roundToTenth(value: number): number {
  const rounded = Math.round(value * 10) / 10;
  return rounded === 0 ? 0 : rounded;
}

/**
 * What a probe can physically report. Values outside are sentinels (e.g. -999, 3276.7) sent when the probe is
 * unplugged or out of range; the widest ThermoWorks probe ranges (-58…1000 °F thermocouples) fit inside.
 */
const PLAUSIBLE: Record<ChannelUnit, { min: number; max: number }> = {
  F: { min: -100, max: 1000 },
  C: { min: -75, max: 540 },
  H: { min: 0, max: 100 },
};

export function isPlausible(value: number, units: ChannelUnit): boolean {
  const range = PLAUSIBLE[units];
  return Number.isFinite(value) && value >= range.min && value <= range.max;
}

/** A raw probe value → a stored value, or null when it is not a real reading. */
export function probeValue(raw: number | undefined, units: ChannelUnit): number | null {
  if (raw === undefined || !isPlausible(raw, units)) return null;
  return roundToTenth(raw);
}
