/**
 * Temperatures as the user wants to read them: the one place the web app converts °F and °C. Every temperature,
 * target and rate on screen goes through here, whatever unit the device, the API or the cook stored it in.
 */
import type { ChannelView } from '../../../shared/api/schemas';

export type TemperatureUnits = 'F' | 'C';

/** A temperature from `from` to `to`. */
export function convertTemperature(value: number, from: TemperatureUnits, to: TemperatureUnits): number {
  if (from === to) return value;
  return to === 'C' ? ((value - 32) * 5) / 9 : (value * 9) / 5 + 32;
}

/** A temperature difference or rate (°/h): scaled, never offset. */
export function convertDelta(value: number, from: TemperatureUnits, to: TemperatureUnits): number {
  if (from === to) return value;
  return to === 'C' ? (value * 5) / 9 : (value * 9) / 5;
}

export function unitSymbol(units: ChannelView['units'] | TemperatureUnits): string {
  return units === 'H' ? '%' : `°${units}`;
}

/** One decimal, the devices' resolution. ASCII minus so the number stays machine-readable; never "-0.0". */
export function formatNumber(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return (rounded === 0 ? 0 : rounded).toFixed(1);
}

/**
 * A channel's value in the display units (humidity stays a percentage): the number as text and its unit symbol.
 * `decimals` 0 for targets, which are whole degrees.
 */
export function displayTemperature(
  value: number,
  from: ChannelView['units'],
  display: TemperatureUnits,
  decimals: 0 | 1 = 1,
): { number: string; unit: string; value: number } {
  if (from === 'H') return { number: decimals === 0 ? String(Math.round(value)) : formatNumber(value), unit: '%', value };
  const converted = convertTemperature(value, from, display);
  return { number: decimals === 0 ? String(Math.round(converted)) : formatNumber(converted), unit: unitSymbol(display), value: converted };
}

/** "225.0 °F"; "107 °C" with decimals 0. */
export function formatTemperature(value: number, from: ChannelView['units'], display: TemperatureUnits, decimals: 0 | 1 = 1): string {
  const shown = displayTemperature(value, from, display, decimals);
  return `${shown.number} ${shown.unit}`;
}

/** "+12 °F/h", "−3 °C/h", "steady" under half a degree an hour. */
export function formatRate(perHour: number, from: TemperatureUnits, display: TemperatureUnits): string {
  const converted = convertDelta(perHour, from, display);
  if (Math.abs(converted) < 0.5) return 'steady';
  const rounded = Math.round(converted);
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded)} ${unitSymbol(display)}/h`;
}

/** Temperatures written in a server message ("203 °F") re-written in the display units. */
export function convertTemperaturesInText(text: string, display: TemperatureUnits): string {
  return text.replace(/(-?\d+(?:\.\d+)?)\s?°([FC])\b/g, (_match, number: string, units: TemperatureUnits) =>
    `${Math.round(convertTemperature(Number(number), units, display))} °${display}`,
  );
}
