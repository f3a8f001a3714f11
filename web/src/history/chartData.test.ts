import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendPoint, emptyChartData, hasNoValues, latestValues, mergeSeries, trimBefore, type ChartData, type SeriesPoint } from './chartData';

const p = (at: number, value: number | null): SeriesPoint => ({ at, value });

describe('mergeSeries', () => {
  it('puts every series on the sorted union of their timestamps, undefined where a series has no sample', () => {
    const data = mergeSeries([
      [p(10, 1), p(30, 3)],
      [p(20, 200), p(30, 300), p(40, 400)],
    ]);
    expect(data).toEqual([
      [10, 20, 30, 40],
      [1, undefined, 3, undefined],
      [undefined, 200, 300, 400],
    ]);
  });

  it('sorts unsorted input and keeps the last of repeated timestamps', () => {
    const data = mergeSeries([[p(30, 3), p(10, 1), p(20, 2), p(10, 1.5)]]);
    expect(data).toEqual([
      [10, 20, 30],
      [1.5, 2, 3],
    ]);
  });

  it('breaks a line with a null between points further apart than gapSeconds', () => {
    const data = mergeSeries(
      [
        [p(0, 1), p(100, 2), p(1000, 3)],
        [p(0, 5), p(1000, 6)],
      ],
      { gapSeconds: 600 },
    );
    expect(data[0]).toEqual([0, 100, 500, 550, 1000]);
    expect(data[1]).toEqual([1, 2, undefined, null, 3]);
    expect(data[2]).toEqual([5, undefined, null, undefined, 6]);
  });

  it('keeps a reported null as a gap and adds no marker next to it', () => {
    const data = mergeSeries([[p(0, 1), p(10, null), p(5000, 2)]], { gapSeconds: 600 });
    expect(data).toEqual([
      [0, 10, 5000],
      [1, null, 2],
    ]);
  });

  it('handles no series and empty series', () => {
    expect(mergeSeries([])).toEqual([[]]);
    expect(mergeSeries([[], []])).toEqual([[], [], []]);
  });

  it('keeps every point, aligned, for any input (property)', () => {
    const point = fc.record({ at: fc.integer({ min: 0, max: 500 }), value: fc.integer({ min: -50, max: 500 }) });
    fc.assert(
      fc.property(fc.array(fc.array(point, { maxLength: 30 }), { maxLength: 5 }), (series) => {
        const data = mergeSeries(series);
        const [xs, ...ys] = data;
        for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThan(xs[i - 1]!);
        for (const column of ys) expect(column).toHaveLength(xs.length);
        expect(new Set(xs)).toEqual(new Set(series.flat().map((q) => q.at)));
        series.forEach((points, s) => {
          // The last value given for each timestamp is what the chart shows there.
          const expected = new Map(points.map((q) => [q.at, q.value]));
          xs.forEach((x, i) => expect(ys[s]![i]).toBe(expected.get(x)));
        });
      }),
    );
  });
});

describe('appendPoint', () => {
  const base = (): ChartData => mergeSeries([
    [p(10, 1), p(20, 2)],
    [p(20, 200)],
  ]);

  it('pushes a newer point in place and leaves the other series without a sample there', () => {
    const data = base();
    const xs = data[0];
    expect(appendPoint(data, 1, p(30, 300))).toBe('appended');
    expect(data[0]).toBe(xs); // same arrays: uPlot's setData gets them as they are
    expect(data).toEqual([
      [10, 20, 30],
      [1, 2, undefined],
      [undefined, 200, 300],
    ]);
  });

  it('changes nothing for a redelivered reading and replaces a corrected one', () => {
    const data = base();
    expect(appendPoint(data, 0, p(20, 2))).toBe('unchanged');
    expect(appendPoint(data, 0, p(20, 2.5))).toBe('replaced');
    expect(data[1]).toEqual([1, 2.5]);
    expect(data[0]).toEqual([10, 20]);
  });

  it("fills another series' empty slot at an existing timestamp", () => {
    const data = base();
    expect(appendPoint(data, 1, p(10, 100))).toBe('replaced');
    expect(data).toEqual([
      [10, 20],
      [1, 2],
      [100, 200],
    ]);
  });

  it('inserts a late reading at its place in time', () => {
    const data = base();
    expect(appendPoint(data, 1, p(15, 150))).toBe('inserted');
    expect(appendPoint(data, 0, p(5, 0.5))).toBe('inserted');
    expect(data).toEqual([
      [5, 10, 15, 20],
      [0.5, 1, undefined, 2],
      [undefined, undefined, 150, 200],
    ]);
  });

  it('drops a point older than the window', () => {
    const data = base();
    expect(appendPoint(data, 0, p(9, 0), { minX: 10 })).toBe('too-old');
    expect(data[0]).toEqual([10, 20]);
  });

  it('starts a new line after a silence longer than gapSeconds', () => {
    const data = base();
    expect(appendPoint(data, 0, p(1000, 3), { gapSeconds: 600 })).toBe('appended');
    expect(data).toEqual([
      [10, 20, 510, 1000],
      [1, 2, null, 3],
      [undefined, 200, undefined, undefined],
    ]);
    // A short step after that is no gap.
    expect(appendPoint(data, 0, p(1010, 4), { gapSeconds: 600 })).toBe('appended');
    expect(data[1]).toEqual([1, 2, null, 3, 4]);
  });

  it('records a reading without value as a gap', () => {
    const data = base();
    appendPoint(data, 0, p(30, null));
    expect(data[1]).toEqual([1, 2, null]);
  });

  it('starts from empty data', () => {
    const data = emptyChartData(2);
    expect(appendPoint(data, 1, p(5, 50))).toBe('appended');
    expect(data).toEqual([[5], [undefined], [50]]);
  });

  it('refuses a series the chart does not have', () => {
    expect(() => appendPoint(base(), 2, p(30, 1))).toThrow(RangeError);
    expect(() => appendPoint(base(), -1, p(30, 1))).toThrow(RangeError);
  });

  it('ends up as if the points had been merged at once, in any arrival order (property)', () => {
    const point = fc.record({ at: fc.integer({ min: 0, max: 200 }), value: fc.integer({ min: 0, max: 300 }) });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), point), { maxLength: 60 }), (arrivals) => {
        const data = emptyChartData(3);
        for (const [s, q] of arrivals) appendPoint(data, s, q);
        const perSeries = [0, 1, 2].map((s) => arrivals.filter(([t]) => t === s).map(([, q]) => q));
        expect(data).toEqual(mergeSeries(perSeries));
      }),
    );
  });
});

describe('trimBefore', () => {
  it('drops every column before the window start, in place', () => {
    const data = mergeSeries([[p(10, 1), p(20, 2), p(30, 3)], [p(25, 9)]]);
    const xs = data[0];
    expect(trimBefore(data, 20)).toBe(1);
    expect(data[0]).toBe(xs);
    expect(data).toEqual([
      [20, 25, 30],
      [2, undefined, 3],
      [undefined, 9, undefined],
    ]);
    expect(trimBefore(data, 0)).toBe(0);
    expect(trimBefore(data, 99)).toBe(3);
    expect(data).toEqual([[], [], []]);
  });
});

describe('latestValues / hasNoValues', () => {
  it('finds each series’ newest number, skipping gaps and missing samples', () => {
    const data = mergeSeries([[p(10, 1), p(20, null)], [p(15, 7)], []]);
    expect(latestValues(data)).toEqual([1, 7, null]);
    expect(hasNoValues(data)).toBe(false);
    expect(hasNoValues(mergeSeries([[p(10, null)], []]))).toBe(true);
  });
});
