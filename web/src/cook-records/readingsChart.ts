/**
 * A finished (or shared) cook's readings, as GET /cooks/{cookId}/readings and GET /share/{token} answer them, in
 * the model the live view's chart draws: one series per temperature channel in the display units, targets on
 * the meat probes, the cook's span as the window. Two compared cooks become one chart on "time since start".
 */
import type { CookReadings } from '../../../shared/api/cook-schemas';
import { mergeSeries, type SeriesPoint } from '../history/chartData';
import { gapSecondsFor } from '../history/historyRange';
import type { ChartPlan } from '../history/historySeries';
import { convertTemperature, type TemperatureUnits } from '../settings/temperature';
import type { ChartModel } from '../live-view/useCookChartData';
import type { CompareCooks } from '../api/client';

type Readings = Omit<CookReadings, 'cookId'>;
interface ProbeTarget {
  channel: string;
  label: string | null;
  targetF: number;
}

export function readingsChartModel(readings: Readings, probes: readonly ProbeTarget[], pitChannel: string | null, units: TemperatureUnits): ChartModel {
  const channels = readings.channels.filter((c) => c.units !== 'H');
  const plan: ChartPlan = {
    units,
    channels: channels.map((c) => {
      const probe = probes.find((p) => p.channel === c.channel);
      const isPit = c.role === 'pit' || c.channel === pitChannel;
      return {
        channel: c.channel,
        label: c.label ?? probe?.label ?? (isPit ? 'Pit' : `Probe ${c.channel}`),
        target: probe === undefined || isPit ? null : roundTenth(convertTemperature(probe.targetF, 'F', units)),
        isPit,
      };
    }),
  };
  const series = channels.map((c) =>
    c.points.flatMap((p): SeriesPoint[] => {
      const at = Date.parse(p.at) / 1000;
      return Number.isFinite(at) ? [{ at, value: roundTenth(convertTemperature(p.value, c.units === 'C' ? 'C' : 'F', units)) }] : [];
    }),
  );
  const gapSeconds = gapSecondsFor(readings.binSeconds);
  const fromSec = Date.parse(readings.from) / 1000;
  const toSec = Date.parse(readings.to) / 1000;
  return { plan, data: mergeSeries(series, { gapSeconds }), fromSec, toSec: Math.max(toSec, fromSec + 60), spanSec: null, gapSeconds };
}

/** Both cooks' meat probes (and pits) on one axis of seconds since each cook's start. Aligned series are in °F. */
export function compareChartModel(compare: CompareCooks, units: TemperatureUnits): ChartModel {
  const channels: ChartPlan['channels'] = [];
  const series: SeriesPoint[][] = [];
  compare.cooks.forEach(({ cook, meat, pit }, i) => {
    const tag = compare.cooks.length > 1 ? `${cook.name}${compare.cooks.filter((c) => c.cook.name === cook.name).length > 1 ? ` (${i + 1})` : ''}` : cook.name;
    for (const s of meat) {
      const probe = cook.probes.find((p) => p.channel === s.channel);
      channels.push({ channel: `${i}:${s.channel}`, label: `${tag}: ${s.label ?? probe?.label ?? `Probe ${s.channel}`}`, target: null, isPit: false });
      series.push(s.points.map(([at, f]) => ({ at, value: roundTenth(convertTemperature(f, 'F', units)) })));
    }
    if (pit !== null) {
      channels.push({ channel: `${i}:${pit.channel}`, label: `${tag}: ${pit.label ?? 'Pit'}`, target: null, isPit: true });
      series.push(pit.points.map(([at, f]) => ({ at, value: roundTenth(convertTemperature(f, 'F', units)) })));
    }
  });
  const gapSeconds = gapSecondsFor(compare.binSeconds);
  const data = mergeSeries(series, { gapSeconds });
  const last = data[0].length > 0 ? data[0][data[0].length - 1]! : 3600;
  return { plan: { units, channels }, data, fromSec: 0, toSec: Math.max(last, 60), spanSec: null, gapSeconds };
}

function roundTenth(value: number): number {
  return Math.round(value * 10) / 10;
}
