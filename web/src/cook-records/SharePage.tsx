/**
 * `/share/:token` (public, no sign-in): the one shared cook, live. Its probes with their latest temperature, target
 * and done time, and the whole cook charted with its events. Updates come over a WebSocket opened with the share
 * token; while that socket is not live the page re-reads the link every 15 s instead.
 */
import { Suspense, lazy, useEffect, useMemo, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import type { SharedCook } from '../../../shared/api/cook-schemas';
import { ApiError, describeError } from '../api/errors';
import { useSessionState } from '../auth/SessionContext';
import { formatDateTime } from '../cooks/cookListFilters';
import { describeProbeCook, formatTimeOfDay } from '../cooks/predictionFormat';
import { useNow } from '../devices/useNow';
import { latestValues } from '../history/chartData';
import { LiveConnection, type LiveStatus } from '../live/liveConnection';
import { LiveStatusBadge } from '../live/LiveStatusBadge';
import { browserSocket } from '../live/liveSocket';
import { markersFor } from '../live-view/chartMarkers';
import { DEFAULT_SETTINGS, rememberedSettings } from '../settings/settingsCache';
import { formatNumber, unitSymbol } from '../settings/temperature';
import { displayFrom } from '../settings/useDisplay';
import { readingsChartModel } from './readingsChart';
import { applyShareMessage, shareLiveUrl } from './sharedCookLive';

const CookChart = lazy(() => import('../live-view/CookChart'));

export const SHARE_REFETCH_MS = 15_000;

export default function SharePage() {
  const { token = '' } = useParams();
  const { api, config } = useSessionState();
  const queryClient = useQueryClient();
  // No account here: this browser's last settings if it has any, else the defaults.
  const display = useMemo(() => displayFrom(rememberedSettings() ?? DEFAULT_SETTINGS), []);
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [version, setVersion] = useState(0);
  const queryKey = useMemo(() => ['share', token] as const, [token]);
  const shared = useQuery({
    queryKey,
    queryFn: () => api.getSharedCook(token),
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 2,
    refetchInterval: (query) => (query.state.error !== null || status === 'live' ? false : SHARE_REFETCH_MS),
  });
  const data = shared.data;
  const model = useMemo(() => (data === undefined ? null : readingsChartModel(data.readings, data.cook.probes, data.cook.pitChannel, display.units)), [data, display.units]);
  const latest = useRef({ data, model });
  latest.current = { data, model };
  const active = data?.cook.status === 'active';

  // One socket for the link while its cook runs; a revoked link ends it and the re-read shows "expired or revoked".
  useEffect(() => {
    if (!active) return;
    const connection = new LiveConnection({
      url: shareLiveUrl(config.wsUrl, token),
      createSocket: browserSocket,
      onStatus: setStatus,
      onMessage: (message) => {
        const { data: current, model: drawn } = latest.current;
        if (current === undefined) return;
        const effect = applyShareMessage(message, current, drawn);
        if (effect.kind === 'chart') setVersion((v) => v + 1);
        else if (effect.kind === 'cook') queryClient.setQueryData<SharedCook>(queryKey, effect.cook);
        else if (effect.kind === 'ended') {
          connection.stop();
          setStatus('offline');
          void queryClient.invalidateQueries({ queryKey });
        }
      },
      onOpen: ({ reconnected }) => {
        if (reconnected) void queryClient.invalidateQueries({ queryKey });
      },
    });
    connection.start();
    return () => connection.stop();
  }, [active, config.wsUrl, token, queryClient, queryKey]);

  if (shared.error !== null) {
    const gone = shared.error instanceof ApiError && shared.error.status === 404;
    return (
      <main className="page page--narrow">
        <div className="card empty" role="alert">
          <h1 className="empty__title">{gone ? 'This share link has expired or was revoked' : "Couldn't load this cook"}</h1>
          <p className="muted">{gone ? 'Ask whoever sent it for a new link.' : describeError(shared.error)}</p>
          {!gone && (
            <button type="button" className="button" onClick={() => void shared.refetch()}>
              Try again
            </button>
          )}
        </div>
      </main>
    );
  }
  if (data === undefined || model === null) {
    return (
      <main className="page">
        <p className="loading" role="status">
          Loading the shared cook…
        </p>
      </main>
    );
  }
  return <SharedCookView shared={data} model={model} version={version} status={active ? status : null} display={display} />;
}

function SharedCookView({ shared, model, version, status, display }: { shared: SharedCook; model: NonNullable<ReturnType<typeof readingsChartModel>>; version: number; status: LiveStatus | null; display: ReturnType<typeof displayFrom> }) {
  const { cook } = shared;
  const nowMs = useNow(15_000);
  const [zoom, setZoom] = useState<[number, number] | null>(null);
  const values = useMemo(() => latestValues(model.data), [model, version]);
  const channels = useMemo(() => cook.probes.map((p) => ({ number: p.channel, label: p.label ?? `Probe ${p.channel}` })), [cook.probes]);
  const markers = useMemo(() => markersFor(cook, { channels }, cook.events), [cook, channels]);
  const formatTime = useMemo(() => (sec: number) => formatTimeOfDay(sec * 1000, display.clock), [display.clock]);

  return (
    <main className="page page--wide share-page">
      <div className="page__title-row">
        <div>
          <p className="muted">Shared with you on Pitwatch</p>
          <h1>{cook.name}</h1>
          <p className="muted">
            Started {formatDateTime(Date.parse(cook.startedAt), display.clock)}
            {cook.endedAt === null ? '' : `, ended ${formatDateTime(Date.parse(cook.endedAt), display.clock)}`}
          </p>
        </div>
        <div className="page__status">{status === null ? <span className="tag">Ended</span> : <LiveStatusBadge status={status} />}</div>
      </div>

      <ul className="readouts" aria-label="Probes">
        {model.plan.channels.map((channel, i) => {
          const probe = cook.probes.find((p) => p.channel === channel.channel);
          const value = values[i] ?? null;
          const view = probe === undefined || channel.isPit ? null : describeProbeCook({ targetF: probe.targetF, units: display.units, prediction: cook.predictions.find((p) => p.channel === channel.channel) ?? null }, nowMs, display.clock);
          return (
            <li key={channel.channel} className="card share-probe" data-testid={`share-probe-${channel.channel}`}>
              <h2 className="share-probe__label">
                {channel.label}
                {channel.isPit && <span className="tag">pit</span>}
              </h2>
              <p className="share-probe__value">{value === null ? '—' : `${formatNumber(value)} ${unitSymbol(model.plan.units)}`}</p>
              {view !== null && (
                <p className="muted">
                  {view.target}
                  {view.phase !== null && ` · ${view.phase}`}
                  {' · '}
                  {view.eta.kind === 'eta' ? `ready at about ${view.eta.clock}` : view.eta.kind === 'done' ? 'at target' : view.eta.message}
                </p>
              )}
            </li>
          );
        })}
      </ul>

      <section className="card live-chart" aria-label={`${cook.name} chart`}>
        {zoom !== null && (
          <button type="button" className="button button--small" onClick={() => setZoom(null)}>
            Show the whole cook
          </button>
        )}
        <Suspense fallback={<p className="muted">Loading the chart…</p>}>
          <CookChart model={model} version={version} markers={markers} zoom={zoom} onSelectRange={(from, to) => setZoom([from, to])} formatTime={formatTime} label={`${cook.name}: temperatures over the cook`} testId="share-chart" />
        </Suspense>
      </section>
      <p className="muted">Link valid until {formatDateTime(Date.parse(shared.expiresAt), display.clock)}.</p>
    </main>
  );
}
