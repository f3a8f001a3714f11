import { describe, expect, it } from 'vitest';
import type { DeviceView, ReadingMessage } from '../../../shared/api/schemas';
import { devicesReducer, initialDevicesState, type DevicesState } from './devicesState';

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

describe('devicesReducer', () => {
  it('is loading until the first load, then shows the devices', () => {
    expect(initialDevicesState).toEqual({ devices: null, error: null });
    const loaded = devicesReducer(initialDevicesState, { type: 'loaded', devices: [device(110, '2026-01-01T10:00:00.000Z')] });
    expect(loaded.devices?.[0]?.channels[0]?.value).toBe(110);
  });

  it('drops readings that arrive before the first load', () => {
    expect(devicesReducer(initialDevicesState, { type: 'reading', reading })).toBe(initialDevicesState);
  });

  it('merges live readings into loaded devices', () => {
    const loaded = devicesReducer(initialDevicesState, { type: 'loaded', devices: [device(110, '2026-01-01T10:00:00.000Z')] });
    const next = devicesReducer(loaded, { type: 'reading', reading });
    expect(next.devices?.[0]?.channels[0]?.value).toBe(121.5);
  });

  it('keeps stale devices on screen when a reload fails, and clears the error on the next success', () => {
    const loaded = devicesReducer(initialDevicesState, { type: 'loaded', devices: [device(110, '2026-01-01T10:00:00.000Z')] });
    const failed = devicesReducer(loaded, { type: 'failed', message: "Can't reach Pitwatch" });
    expect(failed.devices).toBe(loaded.devices);
    expect(failed.error).toBe("Can't reach Pitwatch");
    expect(devicesReducer(failed, { type: 'loaded', devices: [] })).toEqual({ devices: [], error: null });
  });

  it('lets a live reading win over an older reload answer', () => {
    let state: DevicesState = devicesReducer(initialDevicesState, { type: 'loaded', devices: [device(110, '2026-01-01T10:00:00.000Z')] });
    state = devicesReducer(state, { type: 'reading', reading });
    state = devicesReducer(state, { type: 'loaded', devices: [device(112, '2026-01-01T10:01:00.000Z')] });
    expect(state.devices?.[0]?.channels[0]).toMatchObject({ value: 121.5, at: '2026-01-01T10:05:00.000Z', label: 'Pit' });
  });

  it('takes a reload answer that is newer than what is shown', () => {
    let state = devicesReducer(initialDevicesState, { type: 'loaded', devices: [device(110, '2026-01-01T10:00:00.000Z')] });
    state = devicesReducer(state, { type: 'loaded', devices: [device(130, '2026-01-01T10:30:00.000Z')] });
    expect(state.devices?.[0]?.channels[0]?.value).toBe(130);
  });
});
