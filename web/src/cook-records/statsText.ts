/** How a cook's stats read: durations, the stall, the highest reading and the pit's steadiness, in the display units. */
import type { CookStats } from '../../../shared/api/cook-schemas';
import { formatDuration } from '../cooks/predictionFormat';
import { convertDelta, formatTemperature, unitSymbol, type TemperatureUnits } from '../settings/temperature';

export interface StatRow {
  label: string;
  value: string;
}

export function probeStatRows(probe: CookStats['probes'][number], units: TemperatureUnits): StatRow[] {
  return [
    { label: 'Target', value: formatTemperature(probe.targetF, 'F', units, 0) },
    { label: 'Time to target', value: probe.timeToTargetSeconds === null ? 'not reached' : formatDuration(probe.timeToTargetSeconds * 1000) },
    { label: 'Stall', value: probe.stallSeconds === null ? 'none' : formatDuration(probe.stallSeconds * 1000) },
    { label: 'Highest', value: probe.maxF === null ? '—' : formatTemperature(probe.maxF, 'F', units, 0) },
  ];
}

export function pitText(pit: CookStats['pit'], units: TemperatureUnits): string {
  if (pit === null) return 'no pit probe';
  const sd = convertDelta(pit.sdF, 'F', units);
  return `${formatTemperature(pit.meanF, 'F', units, 0)} ± ${sd.toFixed(1)} ${unitSymbol(units)}`;
}
