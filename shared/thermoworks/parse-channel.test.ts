import { describe, expect, it } from 'vitest';
import { parseDocument } from './firestore-document';
import { channelReading, parseChannel } from './parse-channel';
import { fixtureDocument } from './testing/fixtures';

const SERIAL = '11:22:33:44:55:66';

describe('parseChannel (fixtures)', () => {
  it('reads a double value, rounding float32 noise', () => {
    const c = parseChannel(fixtureDocument('channel-double'), SERIAL);
    expect(c).toMatchObject({ serial: SERIAL, number: '1', label: 'Pit', value: 231.6, units: 'F', status: 'NORMAL', probeConnected: true });
    expect(c.lastTelemetrySaved?.toISOString()).toBe('2026-11-01T20:15:28.000Z');
    expect(c.alarmHigh).toEqual({ enabled: true, alarming: false, value: 260, units: 'F' });
    expect(c.minimum).toEqual({ value: 55.3, units: 'F', at: new Date('2026-11-01T12:01:00.000Z') });
    expect(c.maximum?.value).toBe(247.1);
    expect(c.extra).toEqual({ type: 'probe', color: 'none', showAvgTemp: true });
  });

  it('reads an integer value', () => {
    const c = parseChannel(fixtureDocument('channel-integer'), SERIAL);
    expect(c).toMatchObject({ number: '2', label: 'Pork butt', value: 158, probeConnected: true });
  });

  it('reports a channel without a value as disconnected', () => {
    const c = parseChannel(fixtureDocument('channel-no-value'), SERIAL);
    expect(c).toMatchObject({ number: '3', value: null, probeConnected: false, status: 'NORMAL' });
    expect(channelReading(c)).toBeNull();
  });

  it('reports NO PROBE with a null value as disconnected and reads a double alarm value', () => {
    const c = parseChannel(fixtureDocument('channel-no-probe-null'), SERIAL);
    expect(c).toMatchObject({ value: null, probeConnected: false, status: 'NO PROBE' });
    expect(c.alarmHigh?.value).toBe(203);
    expect(c.alarmLow?.value).toBe(215);
  });

  it('ignores a value sent alongside NO PROBE, and sentinels', () => {
    const base = { name: 'projects/p/databases/(default)/documents/devices/x/channels/4' };
    const withValue = parseChannel(parseDocument({ ...base, fields: { status: { stringValue: 'NO PROBE' }, value: { doubleValue: 70.2 } } }), 'x');
    expect(withValue).toMatchObject({ number: '4', label: 'Probe 4', value: null, probeConnected: false });
    const sentinel = parseChannel(parseDocument({ ...base, fields: { value: { integerValue: '-999' } } }), 'x');
    expect(sentinel).toMatchObject({ value: null, probeConnected: false });
    const text = parseChannel(parseDocument({ ...base, fields: { value: { stringValue: 'ERR' } } }), 'x');
    expect(text.value).toBeNull();
  });

  it('turns a reading into a stored point keyed by lastTelemetrySaved', () => {
    expect(channelReading(parseChannel(fixtureDocument('channel-double'), SERIAL))).toEqual({
      serial: SERIAL,
      channel: '1',
      at: new Date('2026-11-01T20:15:28.000Z'),
      value: 231.6,
      units: 'F',
    });
  });

  it('uses the default units when the channel states none', () => {
    const doc = parseDocument({ name: 'projects/p/databases/(default)/documents/devices/x/channels/1', fields: { value: { doubleValue: 21.5 } } });
    expect(parseChannel(doc, 'x', { defaultUnits: 'C' }).units).toBe('C');
  });
});
