/**
 * uPlot options for a device's chart, built from the chart plan: one line per probe, each cook target as a labelled
 * line (labels spread so they never overlap), cook events as markers, colours that follow the page's theme while the
 * chart is open. Only uPlot's types are imported, so this runs in node tests and the benchmark page uses exactly
 * what the app uses.
 */
import type uPlot from 'uplot';
import { unitSymbol } from '../settings/temperature';
import type { ChartPlan } from './historySeries';
import { spreadLabels, stackLabels } from './labelLayout';

/** Distinct for the common colour-vision deficiencies (Okabe–Ito based), on the light theme's white. */
export const SERIES_COLORS = ['#d55e00', '#0072b2', '#009e73', '#cc79a7', '#b07800', '#3a7fb0', '#7a6f00', '#9a4dff'];
/** The same hues, lighter, at least 3:1 against the dark theme's surface. */
export const DARK_SERIES_COLORS = ['#ff8c42', '#56b4e9', '#2ec4a0', '#e39ac8', '#f0c05a', '#8fd3ff', '#d4c95a', '#b98cff'];

export function seriesColor(index: number, palette: readonly string[] = SERIES_COLORS): string {
  return palette[index % palette.length]!;
}

export interface ChartTheme {
  /** Axis labels and ticks. */
  text: string;
  /** Grid lines. */
  grid: string;
  /** The series palette. */
  series?: readonly string[];
  /** What labels drawn on the canvas sit on. */
  background?: string;
}

export const DEFAULT_THEME: ChartTheme = { text: '#6b625b', grid: 'rgba(127,127,127,0.2)' };

/** An event on the cook's timeline, drawn as a vertical marker with a short label. */
export interface ChartMarker {
  /** Seconds since the epoch. */
  at: number;
  label: string;
}

export interface ChartOptionsInput {
  plan: ChartPlan;
  width: number;
  height: number;
  /** The x range to show, in seconds; asked on every redraw so a live chart can slide along (and zoom). */
  xRange(): [number, number];
  /** Fixed colours, or a function read on every draw so a theme change shows at the next redraw. */
  theme?: ChartTheme | (() => ChartTheme);
  /** Markers to draw, read on every draw. */
  markers?: () => readonly ChartMarker[];
  /** Dragging across the plot selects a time range to zoom into. */
  onSelectRange?: (fromSec: number, toSec: number) => void;
  /** How a time (seconds) reads on the x axis and in the legend: the user's clock and time zone. uPlot's own otherwise. */
  formatTime?: (sec: number) => string;
}

export function buildChartOptions({ plan, width, height, xRange, theme = DEFAULT_THEME, markers, onSelectRange, formatTime }: ChartOptionsInput): uPlot.Options {
  const symbol = unitSymbol(plan.units);
  const targets = plan.channels.map((c) => c.target).filter((t): t is number => t !== null);
  const themeNow = typeof theme === 'function' ? theme : () => theme;
  const dynamic = typeof theme === 'function';
  const color = (i: number) => (dynamic ? () => seriesColor(i, themeNow().series) : seriesColor(i, themeNow().series));
  const axis = {
    stroke: () => themeNow().text,
    grid: { stroke: () => themeNow().grid, width: 1 },
    ticks: { stroke: () => themeNow().grid, width: 1 },
  };
  const plugins: uPlot.Plugin[] = [];
  if (targets.length > 0) plugins.push(targetLinesPlugin(plan, themeNow));
  if (markers !== undefined) plugins.push(markersPlugin(markers, themeNow));
  return {
    width,
    height,
    // The x range is fixed by the window (or the zoom), the y range follows the data (and the targets).
    scales: {
      x: { time: true, auto: false, range: () => xRange() },
      y: { range: (_u, min, max) => yRange(min, max, targets) },
    },
    series: [
      formatTime === undefined ? {} : { value: (_u: uPlot, v: number | null) => (v === null ? '—' : formatTime(v)) },
      ...plan.channels.map((channel, i) => ({
        label: channel.isPit ? `${channel.label} (pit)` : channel.label,
        stroke: color(i),
        width: channel.isPit ? 2 : 1.5,
        ...(channel.isPit ? { dash: [6, 3] } : {}),
        // uPlot's default: dots only where points are sparse (a single reading is then still visible).
        value: (_u: uPlot, v: number | null) => (v === null || v === undefined ? '—' : `${v.toFixed(1)} ${symbol}`),
      })),
    ],
    axes: [
      formatTime === undefined ? { ...axis } : { ...axis, values: (_u: uPlot, splits: number[]) => splits.map((v) => formatTime(v)) },
      { ...axis, size: 56, values: (_u, splits) => splits.map((v) => `${v}${symbol}`) }],
    cursor:
      onSelectRange === undefined
        ? { drag: { x: false, y: false } }
        : { drag: { x: true, y: false, setScale: false } },
    ...(onSelectRange !== undefined
      ? {
          hooks: {
            setSelect: [
              (u: uPlot) => {
                if (u.select.width < 4) return;
                const from = u.posToVal(u.select.left, 'x');
                const to = u.posToVal(u.select.left + u.select.width, 'x');
                u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
                onSelectRange(from, to);
              },
            ],
          },
        }
      : {}),
    legend: { live: true },
    plugins,
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

const LABEL_PX = 11;

/** A label on a solid chip, so it reads over grid and lines in either theme. */
function chip(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, align: 'left' | 'right', colour: string, background: string, minLeft = -Infinity): void {
  const dpr = devicePixelRatio;
  const w = ctx.measureText(text).width + 6 * dpr;
  const h = (LABEL_PX + 4) * dpr;
  // Never past the plot's left edge (a long label on a phone-wide chart).
  const left = Math.max(align === 'right' ? x - w : x, minLeft);
  ctx.fillStyle = background;
  ctx.fillRect(left, y - h, w, h);
  ctx.fillStyle = colour;
  ctx.fillText(text, left + 3 * dpr, y - 2 * dpr);
}

/** Each probe's cook target as a dashed line in its colour; the labels, at the right, spread so none overlaps another. */
function targetLinesPlugin(plan: ChartPlan, theme: () => ChartTheme): uPlot.Plugin {
  const symbol = unitSymbol(plan.units);
  return {
    hooks: {
      draw: (u) => {
        const { ctx } = u;
        const { left, top, width, height } = u.bbox;
        const dpr = devicePixelRatio;
        const colours = theme();
        ctx.save();
        ctx.setLineDash([4 * dpr, 4 * dpr]);
        ctx.lineWidth = dpr;
        ctx.font = `${LABEL_PX * dpr}px system-ui, sans-serif`;
        ctx.textBaseline = 'alphabetic';
        const lines = plan.channels
          .map((channel, i) => ({ channel, i, y: channel.target === null ? NaN : Math.round(u.valToPos(channel.target, 'y', true)) }))
          .filter((line) => Number.isFinite(line.y) && line.y >= top && line.y <= top + height);
        for (const { i, y } of lines) {
          ctx.strokeStyle = seriesColor(i, colours.series);
          ctx.beginPath();
          ctx.moveTo(left, y);
          ctx.lineTo(left + width, y);
          ctx.stroke();
        }
        ctx.setLineDash([]);
        const labelHeight = (LABEL_PX + 5) * dpr;
        const ys = spreadLabels(
          lines.map((line) => line.y - 2 * dpr),
          labelHeight,
          top + labelHeight,
          top + height,
        );
        lines.forEach(({ channel, i }, k) => {
          chip(ctx, `${channel.label} target ${channel.target}${symbol}`, left + width - 4 * dpr, ys[k]!, 'right', seriesColor(i, colours.series), colours.background ?? 'rgba(255,255,255,0.85)', left);
        });
        ctx.restore();
      },
    },
  };
}

/** Cook events as thin vertical lines with their labels along the top, stacked in rows where they would touch. */
function markersPlugin(markers: () => readonly ChartMarker[], theme: () => ChartTheme): uPlot.Plugin {
  return {
    hooks: {
      draw: (u) => {
        const shown = markers()
          .map((marker) => ({ marker, x: Math.round(u.valToPos(marker.at, 'x', true)) }))
          .filter(({ x }) => x >= u.bbox.left && x <= u.bbox.left + u.bbox.width);
        if (shown.length === 0) return;
        const { ctx } = u;
        const { top, height, left, width } = u.bbox;
        const dpr = devicePixelRatio;
        const colours = theme();
        ctx.save();
        ctx.font = `${LABEL_PX * dpr}px system-ui, sans-serif`;
        ctx.strokeStyle = colours.text;
        ctx.lineWidth = dpr;
        ctx.setLineDash([2 * dpr, 3 * dpr]);
        for (const { x } of shown) {
          ctx.beginPath();
          ctx.moveTo(x, top);
          ctx.lineTo(x, top + height);
          ctx.stroke();
        }
        ctx.setLineDash([]);
        // A label that would run past the right edge is drawn leftwards from its line instead of being squeezed.
        const widths = shown.map(({ marker }) => ctx.measureText(marker.label).width + 6 * dpr);
        const starts = shown.map(({ x }, k) => (x + widths[k]! > left + width ? x - widths[k]! : x));
        const rows = stackLabels(starts, widths, 3);
        const rowHeight = (LABEL_PX + 5) * dpr;
        shown.forEach(({ marker }, k) => {
          chip(ctx, marker.label, starts[k]!, top + rowHeight * (rows[k]! + 1), 'left', colours.text, colours.background ?? 'rgba(255,255,255,0.85)', left);
        });
        ctx.restore();
      },
    },
  };
}
