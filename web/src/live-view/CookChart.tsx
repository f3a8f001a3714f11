/**
 * The live view's chart, drawn with uPlot (loaded with this module, on first use): it draws the model the data hook
 * keeps, redraws when its version changes, follows the theme while open, zooms to the brushed range and marks the
 * cook's events. The drawn data is reachable as `chartData` on the chart element, for the browser tests and devtools.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { buildChartOptions, DARK_SERIES_COLORS, SERIES_COLORS, type ChartMarker, type ChartTheme } from '../history/chartOptions';
import { watchTheme } from '../settings/theme';
import type { ChartModel } from './useCookChartData';

export interface CookChartProps {
  model: ChartModel;
  version: number;
  markers: readonly ChartMarker[];
  /** The zoomed range (seconds), or null for the whole window. */
  zoom: [number, number] | null;
  onSelectRange(fromSec: number, toSec: number): void;
  /** Times on the axis and in the legend, in the user's clock. */
  formatTime(sec: number): string;
  label: string;
  testId: string;
}

const HEIGHT = 320;

export default function CookChart({ model, version, markers, zoom, onSelectRange, formatTime, label, testId }: CookChartProps) {
  const holder = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const latest = useRef({ model, markers, zoom, onSelectRange, formatTime });
  latest.current = { model, markers, zoom, onSelectRange, formatTime };
  const theme = useRef<ChartTheme>(DARK_FALLBACK);

  // A new model (another plan or window): a new chart, its series and scales differ.
  useEffect(() => {
    const el = holder.current;
    if (el === null) return;
    theme.current = themeOf(el);
    el.dataset.palette = theme.current.series === DARK_SERIES_COLORS ? 'dark' : 'light';
    const options = buildChartOptions({
      plan: model.plan,
      width: Math.max(0, Math.floor(el.clientWidth)),
      height: HEIGHT,
      xRange: () => latest.current.zoom ?? [latest.current.model.fromSec, latest.current.model.toSec],
      theme: () => theme.current,
      markers: () => latest.current.markers,
      onSelectRange: (from, to) => latest.current.onSelectRange(from, to),
      formatTime: (sec) => latest.current.formatTime(sec),
    });
    const instance = new uPlot(options, model.data, el);
    chart.current = instance;
    Object.defineProperty(el, 'chartData', { configurable: true, get: () => latest.current.model.data });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => instance.setSize({ width: Math.floor(el.clientWidth), height: HEIGHT }));
    observer?.observe(el);
    const unwatch = watchTheme(() => {
      theme.current = themeOf(el);
      // Which palette the canvas is drawn with, for the browser test that switches the theme under an open chart.
      el.dataset.palette = theme.current.series === DARK_SERIES_COLORS ? 'dark' : 'light';
      instance.redraw(false);
    });
    return () => {
      unwatch();
      observer?.disconnect();
      instance.destroy();
      chart.current = null;
    };
  }, [model]);

  // New points (in place) or a new zoom: redraw with the same arrays.
  useEffect(() => {
    chart.current?.setData(model.data);
  }, [model, version, zoom, markers, formatTime]);

  return <div ref={holder} className="live-chart__canvas" role="img" aria-label={label} data-testid={testId} />;
}

const DARK_FALLBACK: ChartTheme = { text: '#a89f96', grid: '#35302b', series: DARK_SERIES_COLORS, background: '#1f1c19' };

/** The page's own colours, so axes, labels and lines stay readable in either theme. */
function themeOf(el: HTMLElement): ChartTheme {
  const style = getComputedStyle(el);
  const root = document.documentElement;
  const dark = root.dataset.theme === 'dark' || (root.dataset.theme !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
  return {
    text: style.getPropertyValue('--muted').trim() || style.color,
    grid: style.getPropertyValue('--grid').trim() || 'rgba(127,127,127,0.25)',
    background: style.getPropertyValue('--surface').trim() || (dark ? '#1f1c19' : '#ffffff'),
    series: dark ? DARK_SERIES_COLORS : SERIES_COLORS,
  };
}
