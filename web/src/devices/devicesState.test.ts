import { describe, expect, it } from 'vitest';
import type { DeviceView, ReadingMessage } from '../../../shared/api/schemas';
import { mergeReading } from '../live/mergeReading';
import { keepNewerChannels } from './devicesState';

const device = (value: number | null, at: string | null): DeviceView => ({
  serial: 'SMOKE-1',
  label: 'Offset',
  kind: 'smoke',
  battery: 70,
  wifiDbm: null,
  online: true,
  lastSeen: at,
  channels: [
    { number: '1', label: 'Pit', value, units: 'C', status: 'normal', probeConnected: value !== null, at },
    { number: '2', label: 'Food', value: 60, units: 'C', status: 'normal', probeConnected: true, at: '2026-01-01T10:00:00.000Z' },
  ],
});

const reading: ReadingMessage = {
  type: 'reading',
  serial: 'SMOKE-1',
  channel: '1',
  value: 121.5,
  units: 'C',
  status: 'normal',
  probeConnected: true,
  at: '2026-01-01T10:05:00.000Z',
};

describe('keepNewerChannels', () => {
  it('takes the first load as it is', () => {
    const loaded = [device(110, '2026-01-01T10:00:00.000Z')];
    expect(keepNewerChannels(null, loaded)).toBe(loaded);
  });

  it('lets a live reading win over an older reload answer', () => {
    const shown = mergeReading([device(110, '2026-01-01T10:00:00.000Z')], reading);
    const next = keepNewerChannels(shown, [device(112, '2026-01-01T10:01:00.000Z')]);
    expect(next[0]?.channels[0]).toMatchObject({ value: 121.5, at: '2026-01-01T10:05:00.000Z', label: 'Pit' });
  });

  it('takes a reload answer that is newer than what is shown', () => {
    const next = keepNewerChannels([device(110, '2026-01-01T10:00:00.000Z')], [device(130, '2026-01-01T10:30:00.000Z')]);
    expect(next[0]?.channels[0]?.value).toBe(130);
  });
});
