import { describe, expect, it } from 'vitest';
import type { DeviceRecord, DeviceStore, LatestReading } from './device-store';
import { listDevices } from './list-devices';

const device = (serial: string, label: string, lastSeen: string | null): DeviceRecord => ({
  accountId: 'a', serial, label, kind: 'signals', online: true, battery: 80, wifiDbm: -60, lastSeen, updatedAt: 'x', pendingGaps: [], lastArchiveCheckAt: null,
});
const latest = (serial: string, channel: string, at: string | null): LatestReading => ({
  accountId: 'a', serial, channel, label: `ch${channel}`, value: 1, units: 'F', status: 'NORMAL', probeConnected: true, at,
});

function store(devices: DeviceRecord[], readings: LatestReading[]): DeviceStore {
  return {
    listAccountDevices: async () => ({ devices, latest: readings, cooks: [] }),
    getDevice: async () => undefined,
    putDevice: async () => [],
  };
}

describe('listDevices', () => {
  it('sorts devices by label and channels by number, and shows the newest of last seen and the latest readings', async () => {
    const view = await listDevices(
      'a',
      store(
        [device('S2', 'Smoker', '2026-11-01T10:00:00.000Z'), device('S1', 'Oven', null)],
        [latest('S2', '10', '2026-11-01T10:03:00.000Z'), latest('S2', '2', '2026-11-01T09:59:00.000Z'), latest('S1', '1', null)],
      ),
    );
    expect(view.map((d) => d.serial)).toEqual(['S1', 'S2']);
    expect(view[1]!.channels.map((c) => c.number)).toEqual(['2', '10']);
    expect(view[1]!.lastSeen).toBe('2026-11-01T10:03:00.000Z');
    expect(view[0]!.lastSeen).toBeNull();
  });
});
