import { describe, expect, it } from 'vitest';
import { MalformedResponseError } from './errors';
import { parseInstrumentHistory } from './parse-instrument-history';

const at = Date.UTC(2026, 10, 1, 20, 0);

describe('parseInstrumentHistory', () => {
  it('reads readings grouped by channel, flat with a channel each, or keyed by channel; v as text or number, ts as ms, s or ISO', () => {
    const expected = [
      { serial: 'S', channel: '1', at: new Date(at), value: 225.3, units: 'F' },
      { serial: 'S', channel: '2', at: new Date(at), value: 61, units: 'H' },
      { serial: 'S', channel: '1', at: new Date(at + 15_000), value: 225.5, units: 'F' },
    ].sort((a, b) => a.at.getTime() - b.at.getTime() || a.channel.localeCompare(b.channel));
    const grouped = { channels: [{ number: '1', readings: [{ v: '225.3', ts: at, u: 'F' }, { v: 225.5, ts: (at + 15_000) / 1000, u: 'F' }] }, { number: 2, readings: [{ v: '61', ts: new Date(at).toISOString(), u: 'H' }] }] };
    const flat = { readings: [{ channel: '1', v: '225.3', ts: at, u: 'F' }, { channel: '2', v: 61, ts: at, u: 'H' }, { channel: '1', v: '225.5', ts: at + 15_000, u: 'F' }] };
    const keyed = { 1: [{ v: '225.3', ts: at, u: 'F' }, { v: '225.5', ts: at + 15_000, u: 'F' }], 2: [{ v: '61', ts: at, u: 'H' }] };
    for (const answer of [grouped, flat, keyed, grouped.channels]) expect(parseInstrumentHistory(answer, 'S')).toEqual(expected);
  });

  it('drops readings it cannot read (no time, no channel) and keeps a missing value as null', () => {
    const points = parseInstrumentHistory({ readings: [{ channel: '1', v: 'n/a', ts: at }, { v: '1', ts: at }, { channel: '1', v: '2' }] }, 'S');
    expect(points).toEqual([{ serial: 'S', channel: '1', at: new Date(at), value: null, units: 'F' }]);
  });

  it('calls any other answer malformed', () => {
    for (const answer of ['nothing', 42, null, { data: 'x' }]) expect(() => parseInstrumentHistory(answer, 'S')).toThrow(MalformedResponseError);
  });
});
