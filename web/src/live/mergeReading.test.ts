import { describe, expect, it } from 'vitest';
import { splitReadings } from '../../../shared/api/readings-message';
import { readingsMessageSchema, type DeviceView, type ReadingMessage } from '../../../shared/api/schemas';
import { isOlder, mergeReading } from './mergeReading';

const devices: DeviceView[] = [
  {
    serial: 'SIG-1',
    label: 'Kamado',
    kind: 'signals',
    battery: 90,
    wifiDbm: -55,
    online: true,
    lastSeen: '2026-01-01T10:00:00.000Z',
    channels: [
      { number: '1', label: 'Pit', value: 250, units: 'F', status: 'normal', probeConnected: true, at: '2026-01-01T10:00:00.000Z' },
      { number: '2', label: 'Brisket', value: null, units: 'F', status: 'normal', probeConnected: false, at: null },
    ],
  },
  {
    serial: 'NODE-7',
    label: 'Cellar',
    kind: 'node',
    battery: 40,
    wifiDbm: -70,
    online: true,
    lastSeen: '2026-01-01T09:00:00.000Z',
    channels: [{ number: '1', label: 'Humidity', value: 61, units: 'H', status: 'normal', probeConnected: true, at: '2026-01-01T09:00:00.000Z' }],
  },
];

const reading = (overrides: Partial<ReadingMessage>): ReadingMessage => ({
  type: 'reading',
  serial: 'SIG-1',
  channel: '1',
  value: 251.3,
  units: 'F',
  status: 'normal',
  probeConnected: true,
  at: '2026-01-01T10:00:15.000Z',
  ...overrides,
});

describe('mergeReading', () => {
  it('updates exactly the matching serial and channel', () => {
    const next = mergeReading(devices, reading({}));
    expect(next[0]?.channels[0]).toMatchObject({ value: 251.3, at: '2026-01-01T10:00:15.000Z' });
    expect(next[0]?.lastSeen).toBe('2026-01-01T10:00:15.000Z');
    // Untouched parts keep their identity so React can skip them.
    expect(next[0]?.channels[1]).toBe(devices[0]?.channels[1]);
    expect(next[1]).toBe(devices[1]);
    // The input is not mutated.
    expect(devices[0]?.channels[0]?.value).toBe(250);
  });

  it('applies every channel of a device\'s `readings` message (one message per device per poll)', () => {
    const message = readingsMessageSchema.parse({
      type: 'readings',
      serial: 'SIG-1',
      channels: [
        { channel: '1', value: 252, units: 'F', status: 'normal', probeConnected: true, at: '2026-01-01T10:00:15.000Z' },
        { channel: '2', value: 95.5, units: 'F', status: 'normal', probeConnected: true, at: '2026-01-01T10:00:14.000Z' },
      ],
    });
    const split = splitReadings(message);
    expect(split).toEqual([reading({ value: 252 }), reading({ channel: '2', value: 95.5, at: '2026-01-01T10:00:14.000Z' })]);
    const next = split.reduce(mergeReading, devices);
    expect(next[0]?.channels.map((c) => c.value)).toEqual([252, 95.5]);
    expect(next[1]).toBe(devices[1]);
  });

  it('matches the channel by number, not by position', () => {
    const next = mergeReading(devices, reading({ channel: '2', value: 40.1, at: '2026-01-01T10:00:20.000Z' }));
    expect(next[0]?.channels[1]).toMatchObject({ value: 40.1, probeConnected: true, label: 'Brisket' });
    expect(next[0]?.channels[0]).toBe(devices[0]?.channels[0]);
  });

  it('shows a probe being unplugged', () => {
    const next = mergeReading(devices, reading({ value: null, probeConnected: false }));
    expect(next[0]?.channels[0]).toMatchObject({ value: null, probeConnected: false });
  });

  it('ignores unknown serials and channels', () => {
    expect(mergeReading(devices, reading({ serial: 'NOPE' }))).toBe(devices);
    expect(mergeReading(devices, reading({ channel: '9' }))).toBe(devices);
  });

  it('never steps back in time', () => {
    expect(mergeReading(devices, reading({ value: 100, at: '2026-01-01T09:59:59.000Z' }))).toBe(devices);
  });

  it('skips a redelivered identical reading', () => {
    const once = mergeReading(devices, reading({}));
    expect(mergeReading(once, reading({}))).toBe(once);
  });

  it('keeps the newer lastSeen when a late reading lands on another channel', () => {
    const next = mergeReading(devices, reading({ channel: '2', value: 33, at: '2026-01-01T09:30:00.000Z' }));
    expect(next[0]?.channels[1]?.value).toBe(33);
    expect(next[0]?.lastSeen).toBe('2026-01-01T10:00:00.000Z');
  });
});

describe('isOlder', () => {
  it('compares instants, not strings', () => {
    expect(isOlder('2026-01-01T10:00:00+01:00', '2026-01-01T09:30:00.000Z')).toBe(true);
    expect(isOlder('2026-01-01T10:00:00.000Z', null)).toBe(false);
    expect(isOlder(null, '2026-01-01T10:00:00.000Z')).toBe(true);
  });
});
