import { describe, expect, it } from 'vitest';
import { cookTimelineInputSchema, lidOpenWindow, LID_OPEN_DEFAULT_MS, sortTimeline } from './cook-timeline-event';

describe('cook timeline events', () => {
  it('reads ISO or epoch-ms instants into the domain form', () => {
    const events = cookTimelineInputSchema.parse([
      { kind: 'wrapped', at: '2026-11-01T14:00:00Z', text: 'butcher paper' },
      { kind: 'lid-open', at: 1_793_541_600_000, endedAt: 1_793_541_720_000, probe: '2' },
    ]);
    expect(events).toEqual([
      { kind: 'wrapped', atMs: Date.UTC(2026, 10, 1, 14), text: 'butcher paper' },
      { kind: 'lid-open', atMs: 1_793_541_600_000, probe: '2', endedAtMs: 1_793_541_720_000 },
    ]);
  });

  it('refuses unknown kinds, extra fields, zone-less times and a lid closed before it opened', () => {
    const bad = (value: unknown) => cookTimelineInputSchema.safeParse([value]).success;
    expect(bad({ kind: 'sauced', at: '2026-11-01T14:00:00Z' })).toBe(false);
    expect(bad({ kind: 'note', at: '2026-11-01T14:00:00Z', colour: 'red' })).toBe(false);
    expect(bad({ kind: 'note', at: '2026-11-01T14:00:00' })).toBe(false);
    expect(bad({ kind: 'lid-open', at: 2_000_000_000_000, endedAt: 1_999_999_999_000 })).toBe(false);
    expect(bad({ kind: 'note', at: '2026-11-01T14:00:00+01:00', text: 'x'.repeat(501) })).toBe(false);
  });

  it('gives a lid-open without an end the default window, and sorts a timeline stably', () => {
    expect(lidOpenWindow({ kind: 'lid-open', atMs: 1000 })).toEqual({ fromMs: 1000, toMs: 1000 + LID_OPEN_DEFAULT_MS });
    expect(lidOpenWindow({ kind: 'lid-open', atMs: 1000, endedAtMs: 61_000 })).toEqual({ fromMs: 1000, toMs: 61_000 });
    const a = { kind: 'note' as const, atMs: 5, text: 'a' };
    const b = { kind: 'note' as const, atMs: 5, text: 'b' };
    expect(sortTimeline([{ kind: 'fuel', atMs: 9 }, a, b])).toEqual([a, b, { kind: 'fuel', atMs: 9 }]);
  });
});
