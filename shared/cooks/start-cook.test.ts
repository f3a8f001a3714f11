import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import type { DeviceStore } from '../devices/device-store';
import { sequentialIds } from '../ids';
import type { HistoryQuery, Reading } from '../readings/reading';
import type { ActiveCook } from './cook-record';
import type { CookStore } from './cook-store';
import { startCook } from './start-cook';

const NOW = Date.UTC(2026, 10, 1, 12);
const latest = (channel: string) => ({ accountId: 'a', serial: 'S', channel, label: `Probe ${channel}`, value: 150, units: 'F' as const, status: 'normal', probeConnected: true, at: new Date(NOW).toISOString() });
const devices = {
  listAccountDevices: async () => ({
    devices: [{ accountId: 'a', serial: 'S', label: 'Signals', kind: 'signals', online: true, battery: 90, wifiDbm: -50, lastSeen: null, updatedAt: '', pendingGaps: [], lastArchiveCheckAt: null }],
    latest: [latest('1'), latest('2')],
    cooks: [],
  }),
} as unknown as DeviceStore; // only what startCook reads

function cookStore(started: ActiveCook[]): CookStore {
  return { start: async (active: ActiveCook) => (started.push(active), true) } as unknown as CookStore; // only start()
}

/** The meat went on two hours ago, after an hour on the counter at 68 °F; one stored reading a minute. */
function history(q: HistoryQuery): Reading[] {
  const readings: Reading[] = [];
  for (let m = 180; m > 0; m--) {
    const at = new Date(NOW - m * 60_000);
    const value = q.channel === '1' ? 250 : m > 120 ? 68 : 40 + (120 - m) * 0.9;
    readings.push({ accountId: 'a', serial: 'S', channel: q.channel, value, units: 'F', at });
  }
  return readings.filter((r) => r.at >= q.from && r.at < q.to);
}

describe('startCook', () => {
  it('seeds a cook started mid-way with each channel’s stored run since its lowest reading', async () => {
    const started: ActiveCook[] = [];
    const queries: HistoryQuery[] = [];
    const readings = { query: async (q: HistoryQuery) => (queries.push(q), history(q)) };
    await startCook('a', { serial: 'S', pitChannel: '1', probes: [{ channel: '2', presetId: 'brisket', units: 'F' }] }, { devices, cooks: cookStore(started), clock: new ManualClock(new Date(NOW)), ids: sequentialIds('c'), readings });
    expect(queries.map((q) => [q.channel, q.binSeconds, q.to.getTime() - q.from.getTime()])).toEqual([
      ['2', 60, 24 * 3_600_000],
      ['1', 60, 24 * 3_600_000],
    ]);
    const meat = started[0]!.series['2']!;
    expect(meat[0]![0]).toBe(NOW - 120 * 60_000); // from the probe's lowest reading: the counter hour is not the cook
    expect(meat.at(-1)![0]).toBe(NOW - 60_000);
    expect(started[0]!.series['1']!.length).toBeGreaterThan(0);
  });

  it('starts unseeded when the history cannot be read', async () => {
    const started: ActiveCook[] = [];
    const readings = { query: async (): Promise<Reading[]> => Promise.reject(new Error('history down')) };
    await startCook('a', { serial: 'S', probes: [{ channel: '2', presetId: 'brisket', units: 'F' }] }, { devices, cooks: cookStore(started), clock: new ManualClock(new Date(NOW)), ids: sequentialIds('c'), readings });
    expect(started[0]!.series).toEqual({});
  });
});
