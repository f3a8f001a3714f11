import { describe, expect, it } from 'vitest';
import { eventLabel, markersFor } from './chartMarkers';

const device = { channels: [{ number: '2', label: 'Brisket', value: null, units: 'F' as const, status: 'normal', probeConnected: true, at: null }] };

describe('markersFor', () => {
  it("marks the cook's start, alerts and timeline events in time order, naming the probe", () => {
    const markers = markersFor(
      { startedAt: '2026-03-07T12:00:00.000Z', alerts: [{ kind: 'stall-started', channel: '2', at: '2026-03-07T15:00:00.000Z', message: 'stall' }] },
      device,
      [
        { eventId: 'e2', kind: 'note', at: '2026-03-07T16:00:00.000Z', text: 'more wood' },
        { eventId: 'e1', kind: 'wrapped', at: '2026-03-07T15:30:00.000Z', probe: '2' },
      ],
    );
    expect(markers.map((m) => m.label)).toEqual(['Cook started', 'Brisket: stall', 'Brisket: Wrapped', 'more wood']);
    expect(markers[2]?.at).toBe(Date.parse('2026-03-07T15:30:00.000Z') / 1000);
  });

  it('shortens a long note for the chart', () => {
    expect(eventLabel({ kind: 'note', text: 'x'.repeat(60) }, 10)).toBe(`${'x'.repeat(9)}…`);
    expect(eventLabel({ kind: 'fuel', text: 'two splits of oak' })).toBe('Fuel added: two splits of oak');
  });
});
