/**
 * uPlot options for a device's history chart, built from the chart plan. Only uPlot's types are imported, so
 * this runs in node tests and the benchmark page uses exactly what the app uses.
 */
import type uPlot from 'uplot';
import { unitSymbol } from '../devices/format';
import type { ChartPlan } from './historySeries';

/** Distinct in light and dark themes and for the common colour-vision deficiencies (Okabe–Ito based). */
export const SERIES_COLORS = ['#d55e00', '#0072b2', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#7a6f00', '#9a4dff'];

export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length]!;
}

export interface ChartTheme {
  /** Axis labels and ticks. */
  text: string;
  /** Grid lines. */
  grid: string;
}

export const DEFAULT_THEME: ChartTheme = { text: '#6b625b', grid: 'rgba(127,127,127,0.2)' };

export interface ChartOptionsInput {
  plan: ChartPlan;
  width: number;
  height: number;
  /** The x range to show, in seconds; asked on every redraw so a live chart can slide along. */
  xRange(): [number, number];
  theme?: ChartTheme;
}

export function buildChartOptions({ plan, width, height, xRange, theme = DEFAULT_THEME }: ChartOptionsInput): uPlot.Options {
  const symbol = unitSymbol(plan.units);
  const targets = plan.channels.map((c) => c.target).filter((t): t is number => t !== null);
  const axis = { stroke: theme.text, grid: { stroke: theme.grid, width: 1 }, ticks: { stroke: theme.grid, width: 1 } };
  return {
    width,
    height,
    // The x range is fixed by the window, the y range follows the data (and the targets).
    scales: {
      x: { time: true, auto: false, range: () => xRange() },
      y: { range: (_u, min, max) => yRange(min, max, targets) },
    },
    series: [
      {},
      ...plan.channels.map((channel, i) => ({
        label: channel.isPit ? `${channel.label} (pit)` : channel.label,
        stroke: seriesColor(i),
        width: channel.isPit ? 2 : 1.5,
        ...(channel.isPit ? { dash: [6, 3] } : {}),
        // uPlot's default: dots only where points are sparse (a single reading is then still visible).
        value: (_u: uPlot, v: number | null) => (v === null || v === undefined ? '—' : `${v.toFixed(1)} ${symbol}`),
      })),
    ],
    axes: [
      { ...axis },
      { ...axis, size: 56, values: (_u, splits) => splits.map((v) => `${v}${symbol}`) },
    ],
    cursor: { drag: { x: false, y: false } },
    legend: { live: true },
    plugins: targets.length > 0 ? [targetLinesPlugin(plan)] : [],
  };
}

/**
 * The y range: the data with a little headroom, always including the cook targets (a target above every reading
 * so far is exactly what a cook wants to see coming). At least 10° tall so a flat line does not look like noise.
 */
export function yRange(min: number | null, max: number | null, targets: readonly number[]): [number, number] {
  let lo = min ?? Infinity;
  let hi = max ?? -Infinity;
  for (const t of targets) {
    lo = Math.min(lo, t);
    hi = Math.max(hi, t);
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 100];
  const span = Math.max(hi - lo, 10);
  const pad = span * 0.08;
  const mid = (lo + hi) / 2;
  return [Math.floor(Math.min(lo, mid - span / 2) - pad), Math.ceil(Math.max(hi, mid + span / 2) + pad)];
}

/** Draws each probe's cook target as a dashed horizontal line in the probe's colour, labelled at the right. */
function targetLinesPlugin(plan: ChartPlan): uPlot.Plugin {
  const symbol = unitSymbol(plan.units);
  return {
    hooks: {
      draw: (u) => {
        const { ctx } = u;
        const { left, top, width, height } = u.bbox;
        ctx.save();
        ctx.setLineDash([4 * devicePixelRatio, 4 * devicePixelRatio]);
        ctx.lineWidth = devicePixelRatio;
        ctx.font = `${11 * devicePixelRatio}px system-ui, sans-serif`;
        ctx.textAlign = 'right';
        ctx.textBaseline = 'bottom';
        plan.channels.forEach((channel, i) => {
          if (channel.target === null) return;
          const y = Math.round(u.valToPos(channel.target, 'y', true));
          if (y < top || y > top + height) return;
          ctx.strokeStyle = seriesColor(i);
          ctx.fillStyle = seriesColor(i);
          ctx.beginPath();
          ctx.moveTo(left, y);
          ctx.lineTo(left + width, y);
          ctx.stroke();
          ctx.fillText(`${channel.label} target ${channel.target}${symbol}`, left + width - 4, y - 2);
        });
        ctx.restore();
      },
    },
  };
}
