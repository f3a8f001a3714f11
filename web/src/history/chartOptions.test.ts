import { describe, expect, it } from 'vitest';
import { SERIES_COLORS, buildChartOptions, seriesColor, yRange } from './chartOptions';
import type { ChartPlan } from './historySeries';

const plan: ChartPlan = {
  units: 'F',
  channels: [
    { channel: '1', label: 'Pit', target: null, isPit: true },
    { channel: '2', label: 'Brisket', target: 203, isPit: false },
  ],
};

describe('buildChartOptions', () => {
  it('has an x series plus one per channel, labelled and coloured in order', () => {
    const options = buildChartOptions({ plan, width: 480, height: 200, xRange: () => [100, 200] });
    expect(options.width).toBe(480);
    expect(options.height).toBe(200);
    expect(options.series).toHaveLength(3);
    expect(options.series.slice(1).map((s) => s.label)).toEqual(['Pit (pit)', 'Brisket']);
    expect(options.series.slice(1).map((s) => s.stroke)).toEqual([SERIES_COLORS[0], SERIES_COLORS[1]]);
  });

  it('asks for the x range on every redraw so the window can slide', () => {
    let range: [number, number] = [100, 200];
    const options = buildChartOptions({ plan, width: 480, height: 200, xRange: () => range });
    const xRange = options.scales?.x?.range as () => [number, number];
    expect(xRange()).toEqual([100, 200]);
    range = [150, 250];
    expect(xRange()).toEqual([150, 250]);
    expect(options.scales?.x?.time).toBe(true);
  });

  it('adds the target-line plugin only when a probe has a target', () => {
    expect(buildChartOptions({ plan, width: 1, height: 1, xRange: () => [0, 1] }).plugins).toHaveLength(1);
    const noTargets = { ...plan, channels: plan.channels.map((c) => ({ ...c, target: null })) };
    expect(buildChartOptions({ plan: noTargets, width: 1, height: 1, xRange: () => [0, 1] }).plugins).toHaveLength(0);
  });

  it('formats legend values and y ticks in the chart’s units', () => {
    const options = buildChartOptions({ plan: { ...plan, units: 'C' }, width: 1, height: 1, xRange: () => [0, 1] });
    const value = options.series[1]?.value as (u: unknown, v: number | null) => string;
    expect(value(null, 95.04)).toBe('95.0 °C');
    expect(value(null, null)).toBe('—');
    const ticks = options.axes?.[1]?.values as (u: unknown, splits: number[]) => string[];
    expect(ticks(null, [90, 100])).toEqual(['90°C', '100°C']);
  });

  it('cycles colours past the palette', () => {
    expect(seriesColor(SERIES_COLORS.length)).toBe(SERIES_COLORS[0]);
  });
});

describe('yRange', () => {
  it('pads the data range', () => {
    const [lo, hi] = yRange(100, 200, []);
    expect(lo).toBeLessThan(100);
    expect(hi).toBeGreaterThan(200);
    expect(lo).toBeGreaterThan(80);
    expect(hi).toBeLessThan(220);
  });

  it('always includes the targets', () => {
    const [lo, hi] = yRange(100, 160, [203]);
    expect(lo).toBeLessThan(100);
    expect(hi).toBeGreaterThanOrEqual(203);
  });

  it('is at least 10° tall around a flat line', () => {
    const [lo, hi] = yRange(225, 225, []);
    expect(hi - lo).toBeGreaterThanOrEqual(10);
    expect(lo).toBeLessThan(225);
    expect(hi).toBeGreaterThan(225);
  });

  it('shows the targets, or a default, without data', () => {
    const [lo, hi] = yRange(null, null, [160, 203]);
    expect(lo).toBeLessThanOrEqual(160);
    expect(hi).toBeGreaterThanOrEqual(203);
    expect(yRange(null, null, [])).toEqual([0, 100]);
  });
});
