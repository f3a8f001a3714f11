/**
 * A device's temperature history as a uPlot chart: every temperature channel over the chosen range, fetched
 * per channel in parallel, then kept current by live readings appended in place (no refetch).
 *
 * Loaded on demand (React.lazy) with uPlot and its stylesheet, so the dashboard's first load does not pay for it.
 */
import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { CookView, DeviceView, ReadingMessage } from '../../../shared/api/schemas';
import { describeError } from '../api/errors';
import { nowMs } from '../app/clock';
import { appendPoint, hasNoValues, latestValues, trimBefore, type ChartData } from './chartData';
import { buildChartOptions, type ChartTheme } from './chartOptions';
import type { HistorySource } from './historySource';
import { DEFAULT_RANGE, HISTORY_RANGES, historyRange, maxPointsForWidth, rangeWindow, type HistoryRangeId } from './historyRange';
import { chartPlan, chartSummary, planKey, readingPoint, type ChartPlan } from './historySeries';
import { loadChartHistory } from './loadHistory';

export interface HistoryPanelProps {
  id: string;
  device: DeviceView;
  cook?: CookView | undefined;
  source: HistorySource;
}

type PanelState =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'shown'; empty: boolean; summary: string };

const CHART_HEIGHT = 220;

/** What the chart is drawing right now; a ref, not state: live readings change it without rendering React. */
interface ChartModel {
  plan: ChartPlan;
  data: ChartData;
  fromSec: number;
  toSec: number;
  spanSec: number;
  gapSeconds: number;
}

export function HistoryPanel({ id, device, cook, source }: HistoryPanelProps) {
  const [rangeId, setRangeId] = useState<HistoryRangeId>(DEFAULT_RANGE);
  const [state, setState] = useState<PanelState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const range = historyRange(rangeId);

  // Rebuilt only when the series, their units or targets change, not on every reading that updates `device`.
  const plan = chartPlan(device, cook);
  const key = planKey(plan);
  // Keyed by content on purpose: `plan` is a new object on every render.
  const stablePlan = useMemo(() => plan, [key]);

  const holder = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const model = useRef<ChartModel | null>(null);
  /** Readings that arrive while the history is loading; applied on top of it. */
  const pending = useRef<ReadingMessage[] | null>(null);

  const show = (next: ChartModel) => {
    const el = holder.current;
    if (el === null) return;
    const summary = chartSummary(next.plan, latestValues(next.data), range.label);
    const empty = hasNoValues(next.data);
    if (empty) {
      destroy(chart);
    } else if (chart.current === null) {
      const options = buildChartOptions({
        plan: next.plan,
        width: chartWidth(el),
        height: CHART_HEIGHT,
        xRange: () => {
          const m = model.current;
          return m === null ? [0, 1] : [m.fromSec, m.toSec];
        },
        theme: themeOf(el),
      });
      chart.current = new uPlot(options, next.data, el);
    } else {
      chart.current.setData(next.data);
    }
    setState((previous) =>
      previous.kind === 'shown' && previous.summary === summary && previous.empty === empty ? previous : { kind: 'shown', empty, summary },
    );
  };

  const apply = (m: ChartModel, reading: ReadingMessage): boolean => {
    const found = readingPoint(m.plan, device.serial, reading);
    if (found === null) return false;
    // The window slides with the newest reading; whatever falls out of it is dropped.
    const toSec = Math.max(m.toSec, found.point.at);
    const fromSec = toSec - m.spanSec;
    const result = appendPoint(m.data, found.seriesIndex, found.point, { minX: fromSec, gapSeconds: m.gapSeconds });
    if (result === 'too-old' || result === 'unchanged') return false;
    m.toSec = toSec;
    m.fromSec = fromSec;
    trimBefore(m.data, fromSec);
    return true;
  };

  const onReading = useEffectEvent((reading: ReadingMessage) => {
    if (pending.current !== null) {
      pending.current.push(reading);
      return;
    }
    const m = model.current;
    if (m !== null && apply(m, reading)) show(m);
  });

  useEffect(() => source.readings.subscribe(device.serial, onReading), [source.readings, device.serial]);

  const load = useEffectEvent((signal: AbortSignal) => {
    const el = holder.current;
    const timeWindow = rangeWindow(rangeId, nowMs());
    pending.current = [];
    setState({ kind: 'loading' });
    loadChartHistory(source.api, source.sessionToken, {
      serial: device.serial,
      plan: stablePlan,
      window: timeWindow,
      maxPoints: maxPointsForWidth(el === null ? NaN : chartWidth(el)),
      signal,
    }).then(
      (loaded) => {
        if (signal.aborted) return;
        const m: ChartModel = {
          plan: stablePlan,
          data: loaded.data,
          fromSec: timeWindow.fromSec,
          toSec: timeWindow.toSec,
          spanSec: timeWindow.toSec - timeWindow.fromSec,
          gapSeconds: loaded.gapSeconds,
        };
        for (const reading of pending.current ?? []) apply(m, reading);
        pending.current = null;
        model.current = m;
        show(m);
      },
      (error: unknown) => {
        if (signal.aborted) return;
        pending.current = null;
        setState({ kind: 'failed', message: `Couldn't load the history: ${describeError(error)}` });
      },
    );
  });

  useEffect(() => {
    const controller = new AbortController();
    // A new range or new series: a fresh chart (its scales and series differ).
    destroy(chart);
    model.current = null;
    load(controller.signal);
    return () => controller.abort();
  }, [rangeId, stablePlan, attempt, device.serial]);

  // Follow the card's width (phone rotation, window resize) without refetching.
  useEffect(() => {
    const el = holder.current;
    if (el === null || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => chart.current?.setSize({ width: chartWidth(el), height: CHART_HEIGHT }));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => () => destroy(chart), []);

  const summary = state.kind === 'shown' ? state.summary : `Temperature history over the last ${range.label}`;

  return (
    <section id={id} className="history" aria-label={`${device.label} history`}>
      <div className="history__ranges" role="group" aria-label="History range">
        {HISTORY_RANGES.map((r) => (
          <button
            key={r.id}
            type="button"
            className={`button button--small${r.id === rangeId ? ' is-selected' : ''}`}
            aria-pressed={r.id === rangeId}
            onClick={() => setRangeId(r.id)}
          >
            {r.label}
          </button>
        ))}
      </div>

      <div
        ref={holder}
        className="history__chart"
        role="img"
        aria-label={summary}
        data-testid={`history-chart-${device.serial}`}
      />

      {state.kind === 'loading' && (
        <p className="history__note muted" role="status">
          Loading history…
        </p>
      )}
      {state.kind === 'shown' && state.empty && (
        <p className="history__note muted" role="status">
          No readings in this period yet.
        </p>
      )}
      {state.kind === 'failed' && (
        <div className="history__note banner banner--error" role="alert">
          <span>{state.message}</span>
          <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
        </div>
      )}
    </section>
  );
}

export default HistoryPanel;

function destroy(chart: { current: uPlot | null }): void {
  chart.current?.destroy();
  chart.current = null;
}

function chartWidth(el: HTMLElement): number {
  return Math.max(0, Math.floor(el.clientWidth));
}

/** The page's own colours, so axes stay readable in dark mode. */
function themeOf(el: HTMLElement): ChartTheme {
  const style = getComputedStyle(el);
  const text = style.getPropertyValue('--muted').trim() || style.color;
  const grid = style.getPropertyValue('--border').trim() || 'rgba(127,127,127,0.2)';
  return { text, grid };
}
