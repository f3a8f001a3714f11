/** A cook's events as chart markers: its start and its alerts, each with a short label naming the probe. */
import type { CookAlert, CookView, DeviceView } from '../../../shared/api/schemas';
import type { ChartMarker } from '../history/chartOptions';

const SHORT: Record<CookAlert['kind'], string> = {
  'eta-within': 'done soon',
  'target-reached': 'at target',
  'stall-started': 'stall',
  'stall-ended': 'out of stall',
  'pit-dropping': 'pit dropping',
  'pit-recovered': 'pit recovered',
  'lid-open': 'lid open',
};

export function markersFor(cook: Pick<CookView, 'startedAt' | 'alerts'>, device: Pick<DeviceView, 'channels'>): ChartMarker[] {
  const name = (channel: string | null) => (channel === null ? null : (device.channels.find((c) => c.number === channel)?.label ?? `Channel ${channel}`));
  const markers: ChartMarker[] = [{ at: Date.parse(cook.startedAt) / 1000, label: 'Cook started' }];
  for (const alert of cook.alerts) {
    const probe = name(alert.channel);
    markers.push({ at: Date.parse(alert.at) / 1000, label: probe === null ? SHORT[alert.kind] : `${probe}: ${SHORT[alert.kind]}` });
  }
  return markers.filter((m) => Number.isFinite(m.at));
}
