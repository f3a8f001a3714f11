import { Suspense, lazy, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useCookActions, useCookDetailQuery, useCooksQuery, useDevicesQuery } from '../api/queries';
import { paths } from '../app/routes';
import { CookAlerts } from '../cooks/CookAlerts';
import { CookControls, type CookActions } from '../cooks/CookControls';
import { findCook, probeCook } from '../cooks/cooksState';
import { formatTimeOfDay } from '../cooks/predictionFormat';
import { useNow } from '../devices/useNow';
import { chartSummary } from '../history/historySeries';
import { HISTORY_RANGES, type HistoryRangeId } from '../history/historyRange';
import { latestValues } from '../history/chartData';
import type { ChartMarker } from '../history/chartOptions';
import { LiveStatusBadge } from '../live/LiveStatusBadge';
import { useLive } from '../live/LiveProvider';
import { useDisplay } from '../settings/useDisplay';
import { markersFor } from './chartMarkers';
import { CookQuickActions } from './CookQuickActions';
import { ProbeReadout } from './ProbeReadout';
import { probeStats } from './probeStats';
import { RangeBrush } from './RangeBrush';
import { ServeTime } from './ServeTime';
import { useCookChartData } from './useCookChartData';
import { keepScreenOnPreference, saveKeepScreenOn, useWakeLock } from './useWakeLock';

// uPlot and the drawing code come with the chart, after the readouts are on screen.
const CookChart = lazy(() =>
  import('./CookChart').catch(() => ({
    default: function ChartUnavailable() {
      return (
        <p className="banner banner--error" role="alert">
          Couldn't load the chart. Check your connection and reload the page.
        </p>
      );
    },
  })),
);

/** `/devices/:serial`: one device, full screen, for the whole cook. */
export default function LiveViewPage() {
  const { serial = '' } = useParams();
  const devices = useDevicesQuery();
  const cooks = useCooksQuery();
  const device = devices.data?.find((d) => d.serial === serial);

  if (devices.data !== undefined && device === undefined) {
    return (
      <main className="page page--narrow">
        <div className="card empty">
          <h1 className="empty__title">No such device</h1>
          <p className="muted">This account has no thermometer "{serial}".</p>
          <Link className="button" to={paths.devices()}>
            Back to your thermometers
          </Link>
        </div>
      </main>
    );
  }
  if (device === undefined) {
    return (
      <main className="page">
        <p className="loading" role="status">
          Loading…
        </p>
      </main>
    );
  }
  // Keyed by serial: another device is another chart, another brush.
  return <LiveView key={serial} device={device} cooksLoaded={cooks.data !== undefined} cook={findCook(cooks.data ?? null, serial)} />;
}

function LiveView({ device, cook, cooksLoaded }: { device: NonNullable<ReturnType<typeof useDevicesQuery>['data']>[number]; cook: ReturnType<typeof findCook>; cooksLoaded: boolean }) {
  const display = useDisplay();
  const nowMs = useNow(15_000);
  const { status } = useLive();
  const [rangeId, setRangeId] = useState<HistoryRangeId>('12h');
  const [zoom, setZoom] = useState<[number, number] | null>(null);
  const [keepScreenOn, setKeepScreenOn] = useState(keepScreenOnPreference);
  const wakeLock = useWakeLock(cook !== undefined && keepScreenOn);
  const { start, end } = useCookActions();
  const cookActions = useMemo<CookActions>(() => ({ start: start.mutateAsync, end: end.mutateAsync }), [start.mutateAsync, end.mutateAsync]);
  const chart = useCookChartData({ device, cook, units: display.units, rangeId, widthPx: typeof window === 'undefined' ? 0 : window.innerWidth - 32 });
  const { model, version } = chart;

  const stats = useMemo(
    () => (model === null ? null : model.plan.channels.map((_, i) => probeStats(model.data, i))),
    // The model's arrays change in place: `version` says when.
    [model, version],
  );
  const formatTime = useMemo(() => (sec: number) => formatTimeOfDay(sec * 1000, display.clock), [display.clock]);
  const detail = useCookDetailQuery(cook?.cookId);
  const events = cook !== undefined && detail.data?.cookId === cook.cookId ? detail.data.events : undefined;
  const markers = useMemo<ChartMarker[]>(() => (cook === undefined ? [] : markersFor(cook, device, events)), [cook, device, events]);
  const summary =
    model === null
      ? `${device.label} temperatures`
      : chartSummary(model.plan, latestValues(model.data), cook === undefined ? (HISTORY_RANGES.find((r) => r.id === rangeId)?.label ?? '') : 'cook');

  return (
    <main className="page page--wide live-view">
      <div className="page__title-row">
        <div>
          <Link className="back-link" to={paths.devices()}>
            ← All devices
          </Link>
          <h1>{device.label}</h1>
        </div>
        <div className="page__status">
          {cook !== undefined && (
            <label className="switch">
              <input
                type="checkbox"
                checked={keepScreenOn}
                disabled={wakeLock === 'unsupported'}
                onChange={(e) => {
                  setKeepScreenOn(e.target.checked);
                  saveKeepScreenOn(e.target.checked);
                }}
                aria-describedby="wake-lock-note"
              />
              Keep screen on
              <span id="wake-lock-note" className="visually-hidden">
                {wakeLock === 'unsupported' ? "This browser can't keep the screen on." : wakeLock === 'failed' ? 'The browser refused (battery saver?).' : ''}
              </span>
            </label>
          )}
          <LiveStatusBadge status={status} />
        </div>
      </div>

      <ul className="readouts" aria-label={`${device.label} probes`}>
        {device.channels.map((channel) => {
          const index = model?.plan.channels.findIndex((c) => c.channel === channel.number) ?? -1;
          return (
            <ProbeReadout
              key={channel.number}
              serial={device.serial}
              channel={channel}
              cook={probeCook(cook, channel.number)}
              isPit={cook?.pitChannel === channel.number}
              stats={index >= 0 ? (stats?.[index] ?? null) : null}
              cooking={cook !== undefined}
              nowMs={nowMs}
              display={display}
            />
          );
        })}
      </ul>

      {cook !== undefined && <ServeTime cook={cook} nowMs={nowMs} display={display} />}

      <section className="card live-chart" aria-label={`${device.label} chart`}>
        {cook === undefined && (
          <div className="history__ranges" role="group" aria-label="Chart range">
            {HISTORY_RANGES.map((r) => (
              <button
                key={r.id}
                type="button"
                className={`button button--small${r.id === rangeId ? ' is-selected' : ''}`}
                aria-pressed={r.id === rangeId}
                onClick={() => {
                  setZoom(null);
                  setRangeId(r.id);
                }}
              >
                {r.label}
              </button>
            ))}
          </div>
        )}
        {chart.state.kind === 'loading' && (
          <p className="muted" role="status">
            Loading the chart…
          </p>
        )}
        {chart.state.kind === 'failed' && (
          <div className="banner banner--error" role="alert">
            <span>{chart.state.message}</span>
            <button type="button" className="button" onClick={chart.retry}>
              Try again
            </button>
          </div>
        )}
        {model !== null && (
          <>
            <Suspense fallback={<p className="muted">Loading the chart…</p>}>
              <CookChart
                model={model}
                version={version}
                markers={markers}
                zoom={zoom}
                onSelectRange={(from, to) => setZoom([from, to])}
                formatTime={formatTime}
                label={summary}
                testId={`history-chart-${device.serial}`}
              />
            </Suspense>
            <RangeBrush fromSec={model.fromSec} toSec={model.toSec} zoom={zoom} onZoom={setZoom} nowMs={nowMs} clock={display.clock} />
          </>
        )}
      </section>

      {cook !== undefined && (
        <section className="card" aria-label="Timeline">
          <CookQuickActions cookId={cook.cookId} display={display} />
        </section>
      )}

      {cook !== undefined && <CookAlerts device={device} cook={cook} nowMs={nowMs} display={display} />}

      <section className="card live-view__actions" aria-label="Cook">
        {cooksLoaded ? (
          <CookControls device={device} cook={cook} actions={cookActions} nowMs={nowMs} display={display} />
        ) : (
          <p className="muted" role="status">
            Loading the cook…
          </p>
        )}
      </section>
    </main>
  );
}
