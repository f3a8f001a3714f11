/**
 * The data behind a device's live chart, without drawing it: the whole cook (or a recent window when no cook runs)
 * loaded from the history API, live readings appended in place as they arrive, and after every reconnect the gap
 * fetched from the history API and merged, so the chart never keeps a hole. Readings that arrive while a load or a
 * gap fetch is in flight wait in a buffer and are applied after it. `version` changes whenever the data does.
 */
import { useEffect, useEffectEvent, useState } from 'react';
import type { CookView, DeviceView, ReadingMessage } from '../../../shared/api/schemas';
import { describeError } from '../api/errors';
import { useSignedIn } from '../auth/SessionContext';
import { nowMs } from '../app/clock';
import { appendPoint, trimBefore, type ChartData } from '../history/chartData';
import { maxPointsForWidth, MAX_POINTS, rangeWindow, type HistoryRangeId, type TimeWindow } from '../history/historyRange';
import { chartPlan, historyPoints, planKey, readingPoint, type ChartPlan } from '../history/historySeries';
import { loadChartHistory } from '../history/loadHistory';
import { useLive } from '../live/LiveProvider';
import type { TemperatureUnits } from '../settings/temperature';

/** What the chart is drawing right now. Mutated in place by live readings (a reading must not copy a day of data). */
export interface ChartModel {
  plan: ChartPlan;
  data: ChartData;
  fromSec: number;
  toSec: number;
  /** A sliding window's length; null when the start is fixed (the cook's start). */
  spanSec: number | null;
  gapSeconds: number;
}

export type ChartState = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'shown' };

/** The history API answers at most 31 days per request. */
const MAX_WINDOW_MS = 31 * 86_400_000;

export function chartWindow(cook: Pick<CookView, 'startedAt'> | undefined, rangeId: HistoryRangeId, nowMs: number): { window: TimeWindow; spanSec: number | null } {
  if (cook === undefined) {
    const window = rangeWindow(rangeId, nowMs);
    return { window, spanSec: window.toSec - window.fromSec };
  }
  const toMs = Math.floor(nowMs / 1000) * 1000;
  const fromMs = Math.max(Math.floor(Date.parse(cook.startedAt) / 1000) * 1000, toMs - MAX_WINDOW_MS);
  // A cook that began this very second still needs a window the API accepts (from before to).
  const start = Math.min(fromMs, toMs - 60_000);
  return { window: { from: new Date(start).toISOString(), to: new Date(toMs).toISOString(), fromSec: start / 1000, toSec: toMs / 1000 }, spanSec: null };
}

/** Folds one live reading into the model; false when it changes nothing drawn. */
export function applyReading(m: ChartModel, serial: string, reading: ReadingMessage): boolean {
  const found = readingPoint(m.plan, serial, reading);
  if (found === null) return false;
  const toSec = Math.max(m.toSec, found.point.at);
  const fromSec = m.spanSec === null ? m.fromSec : toSec - m.spanSec;
  const result = appendPoint(m.data, found.seriesIndex, found.point, { minX: fromSec, gapSeconds: m.gapSeconds });
  if (result === 'too-old' || result === 'unchanged') return false;
  m.toSec = toSec;
  m.fromSec = fromSec;
  if (m.spanSec !== null) trimBefore(m.data, fromSec);
  return true;
}

/** The newest time on the chart (seconds), or its start when it has no points. */
export function newestX(m: ChartModel): number {
  return m.data[0].length > 0 ? m.data[0][m.data[0].length - 1]! : m.fromSec;
}

export interface CookChartData {
  state: ChartState;
  model: ChartModel | null;
  version: number;
  retry(): void;
}

export function useCookChartData(options: {
  device: DeviceView;
  cook: CookView | undefined;
  units: TemperatureUnits;
  rangeId: HistoryRangeId;
  widthPx: number;
}): CookChartData {
  const { device, cook, units, rangeId, widthPx } = options;
  const { api, token } = useSignedIn();
  const { readings, onReconnect } = useLive();
  const [state, setState] = useState<ChartState>({ kind: 'loading' });
  const [model, setModel] = useState<ChartModel | null>(null);
  const [version, setVersion] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const bump = () => setVersion((v) => v + 1);

  // Rebuilt only when the series, their units or targets change, not on every reading that updates `device`.
  const key = planKey(chartPlan(device, cook, units));
  const cookStart = cook?.startedAt ?? null;
  const serial = device.serial;

  // Readings waiting for a load or a gap fetch; null when they can be applied at once.
  const [pending] = useState<{ readings: ReadingMessage[] | null; model: ChartModel | null }>(() => ({ readings: null, model: null }));

  const onReading = useEffectEvent((reading: ReadingMessage) => {
    if (pending.readings !== null) {
      pending.readings.push(reading);
      return;
    }
    if (pending.model !== null && applyReading(pending.model, serial, reading)) bump();
  });
  useEffect(() => readings.subscribe(serial, onReading), [readings, serial]);

  const load = useEffectEvent((signal: AbortSignal) => {
    const plan = chartPlan(device, cook, units);
    const { window, spanSec } = chartWindow(cook, rangeId, nowMs());
    pending.readings = [];
    pending.model = null;
    setModel(null);
    setState({ kind: 'loading' });
    loadChartHistory(api, token, { serial, plan, window, maxPoints: maxPointsForWidth(widthPx), signal }).then(
      (loaded) => {
        if (signal.aborted) return;
        const m: ChartModel = { plan, data: loaded.data, fromSec: window.fromSec, toSec: window.toSec, spanSec, gapSeconds: loaded.gapSeconds };
        for (const reading of pending.readings ?? []) applyReading(m, serial, reading);
        pending.readings = null;
        pending.model = m;
        setModel(m);
        setState({ kind: 'shown' });
        bump();
      },
      (error: unknown) => {
        if (signal.aborted) return;
        pending.readings = null;
        setState({ kind: 'failed', message: `Couldn't load the history: ${describeError(error)}` });
      },
    );
  });

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal);
    return () => controller.abort();
    // `key` stands for the plan; the width only matters for the first load.
  }, [key, cookStart, rangeId, attempt, serial]);

  // After a reconnect: what happened while the socket was down comes from the history API.
  const fillGap = useEffectEvent(async (signal: AbortSignal) => {
    const m = pending.model;
    if (m === null || pending.readings !== null) return;
    pending.readings = [];
    const fromMs = newestX(m) * 1000;
    const toMs = nowMs();
    try {
      if (toMs - fromMs > 1000) {
        const answers = await Promise.all(
          m.plan.channels.map((c) =>
            api.getHistory(token, { serial, channel: c.channel, from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString(), maxPoints: MAX_POINTS }, { signal }),
          ),
        );
        if (signal.aborted || pending.model !== m) return;
        answers.forEach((answer, seriesIndex) => {
          for (const point of historyPoints(answer.points, m.plan.units)) {
            appendPoint(m.data, seriesIndex, point, { minX: m.fromSec, gapSeconds: m.gapSeconds });
            m.toSec = Math.max(m.toSec, point.at);
          }
        });
      }
    } catch {
      // The next reconnect (or a reload) tries again; the live readings carry on meanwhile.
    } finally {
      if (pending.model === m) {
        const waiting = pending.readings ?? [];
        pending.readings = null;
        for (const reading of waiting) applyReading(m, serial, reading);
        bump();
      }
    }
  });

  useEffect(() => {
    const controller = new AbortController();
    const unsubscribe = onReconnect(() => void fillGap(controller.signal));
    return () => {
      controller.abort();
      unsubscribe();
    };
  }, [onReconnect]);

  return { state, model, version, retry: () => setAttempt((n) => n + 1) };
}
