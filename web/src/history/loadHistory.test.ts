import { describe, expect, it } from 'vitest';
import type { HistoryResponse } from '../../../shared/api/schemas';
import type { ApiClient, HistoryRequest } from '../api/client';
import { rangeWindow } from './historyRange';
import type { ChartPlan } from './historySeries';
import { loadChartHistory } from './loadHistory';

const plan: ChartPlan = {
  units: 'F',
  channels: [
    { channel: '1', label: 'Pit', target: null, isPit: true },
    { channel: '2', label: 'Brisket', target: 203, isPit: false },
  ],
};
const window = rangeWindow('3h', Date.parse('2026-01-01T03:00:00.000Z'));
const sec = (iso: string) => Date.parse(iso) / 1000;

/** An API whose answers the test releases by hand, so it can see every request was sent before any answer. */
function deferredApi(answers: Record<string, Omit<HistoryResponse, 'serial' | 'channel' | 'from' | 'to'>>) {
  const requests: HistoryRequest[] = [];
  const release: Array<() => void> = [];
  const api: Pick<ApiClient, 'getHistory'> = {
    getHistory: (_token, request) => {
      requests.push(request);
      return new Promise((resolve) => {
        release.push(() => resolve({ serial: request.serial, channel: request.channel, from: request.from, to: request.to, ...answers[request.channel]! }));
      });
    },
  };
  return { api, requests, release };
}

describe('loadChartHistory', () => {
  it('requests every channel at once with the window and maxPoints, then merges the answers', async () => {
    const { api, requests, release } = deferredApi({
      '1': { binSeconds: 60, points: [{ at: '2026-01-01T01:00:00.000Z', value: 250, units: 'F' }, { at: '2026-01-01T01:01:00.000Z', value: 252, units: 'F' }] },
      '2': { binSeconds: 60, points: [{ at: '2026-01-01T01:00:30.000Z', value: 100, units: 'C' }] },
    });
    const loading = loadChartHistory(api, 'tok', { serial: '12:34', plan, window, maxPoints: 500 });

    expect(requests).toEqual([
      { serial: '12:34', channel: '1', from: window.from, to: window.to, maxPoints: 500 },
      { serial: '12:34', channel: '2', from: window.from, to: window.to, maxPoints: 500 },
    ]);
    release.forEach((go) => go());
    const loaded = await loading;
    expect(loaded.binSeconds).toBe(60);
    expect(loaded.data).toEqual([
      [sec('2026-01-01T01:00:00.000Z'), sec('2026-01-01T01:00:30.000Z'), sec('2026-01-01T01:01:00.000Z')],
      [250, undefined, 252],
      [undefined, 212, undefined],
    ]);
  });

  it('fails as a whole when one channel fails', async () => {
    const api: Pick<ApiClient, 'getHistory'> = {
      getHistory: async (_t, request) => {
        if (request.channel === '2') throw new Error('boom');
        return { serial: 's', channel: '1', from: window.from, to: window.to, binSeconds: null, points: [] };
      },
    };
    await expect(loadChartHistory(api, 'tok', { serial: 's', plan, window, maxPoints: 100 })).rejects.toThrow('boom');
  });

  it('uses the coarsest bin for the gap threshold', async () => {
    const { api, release } = deferredApi({ '1': { binSeconds: 300, points: [] }, '2': { binSeconds: null, points: [] } });
    const loading = loadChartHistory(api, 'tok', { serial: 's', plan, window, maxPoints: 100 });
    release.forEach((go) => go());
    const loaded = await loading;
    expect(loaded.binSeconds).toBe(300);
    expect(loaded.gapSeconds).toBe(900);
    expect(loaded.data).toEqual([[], [], []]);
  });
});
