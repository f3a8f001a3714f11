/** A cook's events as chart markers: its start, its alerts and its timeline events, each with a short label naming the probe. */
import type { CookEvent } from '../../../shared/api/cook-schemas';
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

const EVENT_NAMES: Record<CookEvent['kind'], string> = {
  wrapped: 'Wrapped',
  spritzed: 'Spritzed',
  fuel: 'Fuel added',
  'lid-open': 'Lid open',
  'probe-moved': 'Probe moved',
  note: 'Note',
};

/** "Wrapped", or a note's own words (shortened, for a chart label). */
export function eventLabel(event: Pick<CookEvent, 'kind' | 'text'>, maxChars = 40): string {
  const name = EVENT_NAMES[event.kind];
  if (event.text === undefined) return name;
  const text = event.text.length > maxChars ? `${event.text.slice(0, maxChars - 1)}…` : event.text;
  return event.kind === 'note' ? text : `${name}: ${text}`;
}

export function markersFor(cook: Pick<CookView, 'startedAt' | 'alerts'>, device: { channels: ReadonlyArray<Pick<DeviceView['channels'][number], 'number' | 'label'>> }, events: readonly CookEvent[] = []): ChartMarker[] {
  const name = (channel: string | null) => (channel === null ? null : (device.channels.find((c) => c.number === channel)?.label ?? `Channel ${channel}`));
  const markers: ChartMarker[] = [{ at: Date.parse(cook.startedAt) / 1000, label: 'Cook started' }];
  for (const alert of cook.alerts) {
    const probe = name(alert.channel);
    markers.push({ at: Date.parse(alert.at) / 1000, label: probe === null ? SHORT[alert.kind] : `${probe}: ${SHORT[alert.kind]}` });
  }
  for (const event of events) {
    const probe = name(event.probe ?? null);
    markers.push({ at: Date.parse(event.at) / 1000, label: probe === null ? eventLabel(event) : `${probe}: ${eventLabel(event)}` });
  }
  return markers.filter((m) => Number.isFinite(m.at)).sort((a, b) => a.at - b.at);
}
