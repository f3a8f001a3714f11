/**
 * The in-browser half of `npm run bench:chart`, bundled by esbuild with the app's own chart code and uPlot's
 * ESM build. Generates 4 probes × 86,400 points (a day at one reading per second), lines them up with the
 * app's mergeSeries, and times `new uPlot(...)` with the options the live view builds (targets on three probes,
 * event markers, theme and clock functions, drag-to-zoom) until uPlot's first draw is done.
 */
import uPlot from 'uplot';
import { mergeSeries, type SeriesPoint } from '../src/history/chartData';
import { buildChartOptions } from '../src/history/chartOptions';
import type { ChartPlan } from '../src/history/historySeries';

export interface ChartBenchRun {
  mergeMs: number;
  /** `new uPlot(...)` returning (it builds the DOM; the first draw follows in a microtask). */
  constructMs: number;
  /** From just before `new uPlot(...)` to its `ready` hook: the first draw is on the canvas. */
  firstRenderMs: number;
  /** …and on to the next animation frame, when the browser can show it. */
  toFrameMs: number;
}

export interface ChartBenchResult {
  series: number;
  points: number;
  columns: number;
  width: number;
  height: number;
  runs: ChartBenchRun[];
}

declare global {
  interface Window {
    runChartBench(options: { series: number; points: number; runs: number; width: number; height: number }): Promise<ChartBenchResult>;
  }
}

const START_SEC = Date.parse('2026-01-01T00:00:00.000Z') / 1000;

/** A cook-like curve per probe: a pit around 250 °F with noise, meats rising with a stall. Deterministic. */
function generate(seriesCount: number, points: number): SeriesPoint[][] {
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  return Array.from({ length: seriesCount }, (_, s) => {
    const out: SeriesPoint[] = new Array(points);
    for (let i = 0; i < points; i++) {
      const t = i / points;
      const value = s === 0 ? 250 + 8 * Math.sin(i / 900) + (random() - 0.5) * 4 : 40 + (160 - 10 * s) * (1 - Math.exp(-3 * t)) + (random() - 0.5);
      out[i] = { at: START_SEC + i, value: Math.round(value * 10) / 10 };
    }
    return out;
  });
}

function plan(seriesCount: number): ChartPlan {
  return {
    units: 'F',
    channels: Array.from({ length: seriesCount }, (_, s) => ({
      channel: String(s + 1),
      label: s === 0 ? 'Pit' : `Probe ${s + 1}`,
      target: s === 0 ? null : 203 - s,
      isPit: s === 0,
    })),
  };
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));

window.runChartBench = async ({ series, points, runs, width, height }) => {
  const raw = generate(series, points);
  const chartPlan = plan(series);
  const results: ChartBenchRun[] = [];
  let columns = 0;

  for (let run = 0; run < runs; run++) {
    const m0 = performance.now();
    const data = mergeSeries(raw, { gapSeconds: 600 });
    const mergeMs = performance.now() - m0;
    columns = data[0].length;

    const holder = document.createElement('div');
    document.body.append(holder);
    await nextFrame();

    const clock = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit', hour12: false });
    const markers = Array.from({ length: 8 }, (_, i) => ({ at: START_SEC + (i + 1) * (points / 9), label: i % 2 === 0 ? 'Brisket: stall' : 'lid open' }));
    const options = buildChartOptions({
      plan: chartPlan,
      width,
      height,
      xRange: () => [START_SEC, START_SEC + points],
      theme: () => ({ text: '#655c55', grid: 'rgba(31,27,24,0.12)', background: '#ffffff' }),
      markers: () => markers,
      onSelectRange: () => undefined,
      formatTime: (sec) => clock.format(sec * 1000),
    });
    let readyAt = 0;
    const ready = new Promise<void>((resolve) => {
      options.hooks = { ready: [() => ((readyAt = performance.now()), resolve())] };
    });
    const t0 = performance.now();
    const chart = new uPlot(options, data, holder);
    const constructMs = performance.now() - t0;
    await ready;
    const frameAt = await nextFrame();
    results.push({ mergeMs, constructMs, firstRenderMs: readyAt - t0, toFrameMs: frameAt - t0 });

    chart.destroy();
    holder.remove();
  }
  return { series, points, columns, width, height, runs: results };
};
