// @vitest-environment happy-dom
import { act, cleanup, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeviceView, HistoryResponse, ReadingMessage } from '../../../shared/api/schemas';
import type { HistoryRequest } from '../api/client';
import { fakeApi, renderHookWithApp, testLive } from '../testing/renderWithApp';
import { useCookChartData } from './useCookChartData';
import { testCook } from '../testing/testCook';

afterEach(cleanup);

const device: DeviceView = {
  serial: 'S1',
  label: 'Offset',
  kind: 'signals',
  battery: null,
  wifiDbm: null,
  online: true,
  lastSeen: null,
  channels: [{ number: '1', label: 'Pit', value: 250, units: 'F', status: 'normal', probeConnected: true, at: null }],
};
const cook = testCook({ serial: 'S1', startedAt: '2026-03-07T10:00:00.000Z', pitChannel: '1' });
const sec = (iso: string) => Date.parse(iso) / 1000;

/** A history API over a fixed set of stored points (every 5 s from 10:00 to 10:10), answering any range. */
function historyApi(stored: Array<{ at: string; value: number }>) {
  const calls: HistoryRequest[] = [];
  const getHistory = vi.fn(async (_token: string, request: HistoryRequest): Promise<HistoryResponse> => {
    calls.push(request);
    const from = Date.parse(request.from);
    const to = Date.parse(request.to);
    const points = stored.filter((p) => Date.parse(p.at) >= from && Date.parse(p.at) <= to).map((p) => ({ ...p, units: 'F' as const }));
    return { serial: 'S1', channel: request.channel, from: request.from, to: request.to, binSeconds: null, points };
  });
  return { api: fakeApi({ getHistory }), calls };
}

const reading = (at: string, value: number): ReadingMessage => ({ type: 'reading', serial: 'S1', channel: '1', value, units: 'F', status: 'normal', probeConnected: true, at });
const every5s = (fromIso: string, count: number, base: number) =>
  Array.from({ length: count }, (_, i) => ({ at: new Date(Date.parse(fromIso) + i * 5000).toISOString(), value: base + i }));

describe('useCookChartData', () => {
  it('loads the whole cook, appends live readings in place, and after a reconnect fetches and merges the gap', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-07T10:01:00.000Z'));
    const stored = every5s('2026-03-07T10:00:00.000Z', 13, 200); // 10:00:00 … 10:01:00
    const { api, calls } = historyApi(stored);
    const live = testLive();
    const { result } = renderHookWithApp(() => useCookChartData({ device, cook, units: 'C', rangeId: '12h', widthPx: 600 }), { api, live });
    await waitFor(() => expect(result.current.state.kind).toBe('shown'));
    expect(calls[0]).toMatchObject({ serial: 'S1', channel: '1', from: '2026-03-07T10:00:00.000Z', to: '2026-03-07T10:01:00.000Z', maxPoints: 600 });
    const model = result.current.model!;
    expect(model.data[0]).toHaveLength(13);
    expect(model.data[1]![0]).toBeCloseTo(93.3, 1); // 200 °F, charted in the display units

    // Live readings: appended to the same arrays, the version moves.
    const before = result.current.version;
    act(() => live.readings.publish(reading('2026-03-07T10:01:05.000Z', 213)));
    expect(result.current.model).toBe(model);
    expect(model.data[0].at(-1)).toBe(sec('2026-03-07T10:01:05.000Z'));
    expect(result.current.version).toBeGreaterThan(before);

    // Offline from 10:01:05 to 10:03:00: the server kept polling.
    stored.push(...every5s('2026-03-07T10:01:10.000Z', 23, 214)); // 10:01:10 … 10:03:00
    vi.setSystemTime(new Date('2026-03-07T10:03:01.000Z'));
    act(() => live.reconnect());
    // A reading pushed while the gap is being fetched waits, then lands after it.
    act(() => live.readings.publish(reading('2026-03-07T10:03:05.000Z', 240)));
    await waitFor(() => expect(model.data[0].at(-1)).toBe(sec('2026-03-07T10:03:05.000Z')));
    expect(calls.at(-1)).toMatchObject({ from: '2026-03-07T10:01:05.000Z', to: '2026-03-07T10:03:01.000Z', maxPoints: 5000 });
    const xs = model.data[0];
    const steps = xs.slice(1).map((x, i) => x - xs[i]!);
    expect(Math.max(...steps)).toBe(5);
    expect(xs).toHaveLength(13 + 1 + 23 + 1);
    vi.useRealTimers();
  });

  it('reports a failed load and loads again on retry', async () => {
    let fail = true;
    const api = fakeApi({
      getHistory: async (_t, request) => {
        if (fail) throw new Error('boom');
        return { serial: 'S1', channel: request.channel, from: request.from, to: request.to, binSeconds: null, points: [] };
      },
    });
    const { result } = renderHookWithApp(() => useCookChartData({ device, cook: undefined, units: 'F', rangeId: '1h', widthPx: 300 }), { api });
    await waitFor(() => expect(result.current.state.kind).toBe('failed'));
    fail = false;
    act(() => result.current.retry());
    await waitFor(() => expect(result.current.state.kind).toBe('shown'));
    expect(result.current.model?.spanSec).toBe(3600);
  });
});
