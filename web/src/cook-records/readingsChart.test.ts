import { describe, expect, it } from 'vitest';
import { compareChartModel, readingsChartModel } from './readingsChart';
import { testCookDetail } from '../testing/testCookDetail';

describe('readingsChartModel', () => {
  it('draws every temperature channel in the display units over the cook span, targets on meat probes only', () => {
    const model = readingsChartModel(
      {
        from: '2026-03-07T12:00:00.000Z',
        to: '2026-03-07T13:00:00.000Z',
        binSeconds: 60,
        channels: [
          { channel: '1', role: 'pit', label: null, units: 'F', points: [{ at: '2026-03-07T12:00:00.000Z', value: 212, min: 210, max: 214 }] },
          { channel: '2', role: 'meat', label: 'Brisket', units: 'F', points: [{ at: '2026-03-07T12:01:00.000Z', value: 50, min: 50, max: 50 }] },
        ],
      },
      [{ channel: '2', label: null, targetF: 203 }],
      '1',
      'C',
    );
    expect(model.plan.channels).toEqual([
      { channel: '1', label: 'Pit', target: null, isPit: true },
      { channel: '2', label: 'Brisket', target: 95, isPit: false },
    ]);
    expect(model.data).toEqual([[1772884800, 1772884860], [100, undefined], [undefined, 10]]);
    expect([model.fromSec, model.toSec]).toEqual([1772884800, 1772888400]);
  });
});

describe('compareChartModel', () => {
  it("overlays both cooks' meat and pit series on seconds since their starts, naming each cook", () => {
    const a = testCookDetail({ cookId: 'a', serial: 'S1', name: 'Brisket', startedAt: '2026-03-01T08:00:00.000Z' });
    const b = testCookDetail({ cookId: 'b', serial: 'S1', name: 'Brisket', startedAt: '2026-03-07T08:00:00.000Z' });
    const model = compareChartModel(
      {
        binSeconds: 300,
        cooks: [
          { cook: a, meat: [{ channel: '2', label: 'Flat', points: [[0, 40], [300, 50]] }], pit: { channel: '1', label: null, points: [[0, 225]] } },
          { cook: b, meat: [{ channel: '2', label: null, points: [[0, 41], [600, 60]] }], pit: null },
        ],
      },
      'F',
    );
    expect(model.plan.channels.map((c) => c.label)).toEqual(['Brisket (1): Flat', 'Brisket (1): Pit', 'Brisket (2): Probe 2']);
    expect(model.data).toEqual([[0, 300, 600], [40, 50, undefined], [225, undefined, undefined], [41, undefined, 60]]);
    expect([model.fromSec, model.toSec]).toEqual([0, 600]);
  });
});
