/**
 * Temperature units. Cook physics and the predictor work in °F internally (the unit ThermoWorks devices and
 * most pitmaster literature use); °C enters and leaves only at the edges (CSV files, presets shown to users).
 */
export type TemperatureUnit = 'F' | 'C';

export function fToC(fahrenheit: number): number {
  return ((fahrenheit - 32) * 5) / 9;
}

export function cToF(celsius: number): number {
  return (celsius * 9) / 5 + 32;
}

/** A temperature *difference* (a rise, a drop, a tolerance) has no 32° offset. */
export function deltaFToC(deltaF: number): number {
  return (deltaF * 5) / 9;
}

export function deltaCToF(deltaC: number): number {
  return (deltaC * 9) / 5;
}

export function toFahrenheit(value: number, unit: TemperatureUnit): number {
  return unit === 'F' ? value : cToF(value);
}

export function fromFahrenheit(valueF: number, unit: TemperatureUnit): number {
  return unit === 'F' ? valueF : fToC(valueF);
}

/** Accepts the spellings found in exported logs: F, C, °F, degC, celsius… */
export function parseTemperatureUnit(text: string): TemperatureUnit | undefined {
  const normalised = text.trim().toLowerCase().replace(/[°º\s]/g, '').replace(/^deg/, '');
  if (normalised === 'f' || normalised === 'fahrenheit') return 'F';
  if (normalised === 'c' || normalised === 'celsius') return 'C';
  return undefined;
}
