/**
 * Which of a device's channels the history chart draws, in which units, and how API points and live readings
 * become chart points. Humidity channels (`H`) are left out: a percentage on a temperature axis misleads.
 */
import type { ChannelView, CookView, DeviceView, HistoryResponse, ReadingMessage } from '../../../shared/api/schemas';
import { convertTemperature, unitSymbol, type TemperatureUnits } from '../settings/temperature';
import type { SeriesPoint } from './chartData';

export type { TemperatureUnits } from '../settings/temperature';

export interface ChartChannel {
  /** The API's channel number ("1"). */
  channel: string;
  label: string;
  /** The cook's target for this probe, in the chart's units; null when it is not a meat probe in a cook. */
  target: number | null;
  isPit: boolean;
}

export interface ChartPlan {
  /** One series per entry, in this order. */
  channels: ChartChannel[];
  /** Every value on the chart is in these units (the display units; the device's own when none are given). */
  units: TemperatureUnits;
}

export function chartPlan(
  device: Pick<DeviceView, 'channels'>,
  cook?: Pick<CookView, 'pitChannel' | 'probes'>,
  display?: TemperatureUnits,
): ChartPlan {
  const temperatures = device.channels.filter((channel) => channel.units !== 'H');
  const units: TemperatureUnits = display ?? (temperatures[0]?.units === 'C' ? 'C' : 'F');
  return {
    units,
    channels: temperatures.map((channel: ChannelView) => {
      const probe = cook?.probes.find((p) => p.channel === channel.number);
      return {
        channel: channel.number,
        label: channel.label,
        target: probe === undefined ? null : roundTenth(convert(probe.targetF, 'F', units)),
        isPit: cook?.pitChannel === channel.number,
      };
    }),
  };
}

/** A string that changes exactly when the chart must be rebuilt (other series, units or targets). */
export function planKey(plan: ChartPlan): string {
  return JSON.stringify(plan);
}

export const convert = convertTemperature;

/** One API history answer as chart points in `units`; stray humidity points are dropped. */
export function historyPoints(points: HistoryResponse['points'], units: TemperatureUnits): SeriesPoint[] {
  const out: SeriesPoint[] = [];
  for (const point of points) {
    if (point.units === 'H') continue;
    const at = Date.parse(point.at) / 1000;
    if (Number.isFinite(at)) out.push({ at, value: roundTenth(convert(point.value, point.units, units)) });
  }
  return out;
}

/**
 * A live reading as a chart point for the series it belongs to, or null when the chart does not draw it
 * (another device, a humidity or unknown channel). A reading without a value (probe unplugged) is a gap.
 */
export function readingPoint(plan: ChartPlan, serial: string, reading: ReadingMessage): { seriesIndex: number; point: SeriesPoint } | null {
  if (reading.serial !== serial || reading.units === 'H') return null;
  const seriesIndex = plan.channels.findIndex((c) => c.channel === reading.channel);
  const at = Date.parse(reading.at) / 1000;
  if (seriesIndex < 0 || !Number.isFinite(at)) return null;
  const value = reading.value === null || !reading.probeConnected ? null : roundTenth(convert(reading.value, reading.units, plan.units));
  return { seriesIndex, point: { at, value } };
}

/**
 * What the chart says to a screen reader: each probe's latest temperature over the range,
 * e.g. "Pit 251 °F, Brisket 163 °F over the last 12 h".
 */
export function chartSummary(plan: ChartPlan, latest: ReadonlyArray<number | null>, rangeLabel: string): string {
  const parts: string[] = [];
  plan.channels.forEach((channel, i) => {
    const value = latest[i];
    if (value !== null && value !== undefined) parts.push(`${channel.label} ${Math.round(value)} ${unitSymbol(plan.units)}`);
  });
  if (parts.length === 0) return `No readings over the last ${rangeLabel}`;
  return `${parts.join(', ')} over the last ${rangeLabel}`;
}

function roundTenth(value: number): number {
  return Math.round(value * 10) / 10;
}
