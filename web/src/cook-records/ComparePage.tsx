/** `/compare?ids=a,b`: two cooks overlaid on one chart, aligned at their starts, with their stats side by side. */
import { Suspense, lazy, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { CookDetail } from '../../../shared/api/cook-schemas';
import { describeError } from '../api/errors';
import { useCompareQuery } from '../api/cookRecordQueries';
import { paths } from '../app/routes';
import { formatDateTime, ratingText } from '../cooks/cookListFilters';
import { formatDuration } from '../cooks/predictionFormat';
import { useDisplay, type Display } from '../settings/useDisplay';
import { compareChartModel } from './readingsChart';
import { ProbeStatsList, StatRows } from './StatRows';
import { pitText } from './statsText';

const CookChart = lazy(() => import('../live-view/CookChart'));
const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The two ids of `?ids=a,b`, or null when the link does not name two. */
export function compareIds(raw: string | null): [string, string] | null {
  const ids = (raw ?? '').split(',');
  return ids.length === 2 && ids.every((id) => ID.test(id)) ? [ids[0]!, ids[1]!] : null;
}

/** Time since the cook's start on the shared axis: "5:30" (hours and minutes). */
export function formatElapsed(sec: number): string {
  const minutes = Math.max(0, Math.round(sec / 60));
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

export default function ComparePage() {
  const [params] = useSearchParams();
  const ids = useMemo(() => compareIds(params.get('ids')), [params]);
  const compare = useCompareQuery(ids);
  const display = useDisplay();
  const [zoom, setZoom] = useState<[number, number] | null>(null);
  const model = useMemo(() => (compare.data === undefined ? null : compareChartModel(compare.data, display.units)), [compare.data, display.units]);

  return (
    <main className="page page--wide compare-page">
      <div className="page__title-row">
        <div>
          <Link className="back-link" to={paths.cooks()}>
            ← All cooks
          </Link>
          <h1>Compare cooks</h1>
        </div>
      </div>
      {ids === null && (
        <div className="card empty">
          <p className="empty__title">Pick two cooks to compare</p>
          <p className="muted">In the list of past cooks, tick "Compare" on two of them.</p>
          <Link className="button" to={paths.cooks()}>
            Go to cooks
          </Link>
        </div>
      )}
      {compare.error !== null && (
        <div className="banner banner--error" role="alert">
          <span>{describeError(compare.error)}</span>
        </div>
      )}
      {ids !== null && compare.isPending && (
        <p className="muted" role="status">
          Loading both cooks…
        </p>
      )}
      {compare.data !== undefined && model !== null && (
        <>
          <section className="card live-chart" aria-label="Both cooks, hours since each started">
            {zoom !== null && (
              <button type="button" className="button button--small" onClick={() => setZoom(null)}>
                Show both whole cooks
              </button>
            )}
            <Suspense fallback={<p className="muted">Loading the chart…</p>}>
              <CookChart
                model={model}
                version={0}
                markers={[]}
                zoom={zoom}
                onSelectRange={(from, to) => setZoom([from, to])}
                formatTime={formatElapsed}
                label={`${compare.data.cooks.map((c) => c.cook.name).join(' and ')}: temperatures by hours since each started`}
                testId="compare-chart"
              />
            </Suspense>
            <p className="muted">Hours since each cook started.</p>
          </section>
          <div className="compare-stats">
            {compare.data.cooks.map(({ cook }) => (
              <CookSummary key={cook.cookId} cook={cook} display={display} />
            ))}
          </div>
        </>
      )}
    </main>
  );
}

function CookSummary({ cook, display }: { cook: CookDetail; display: Display }) {
  const name = (channel: string) => cook.probes.find((p) => p.channel === channel)?.label ?? `Probe ${channel}`;
  const rows = [
    { label: 'Started', value: formatDateTime(Date.parse(cook.startedAt), display.clock) },
    { label: 'Length', value: cook.stats === null ? 'still cooking' : formatDuration(cook.stats.durationSeconds * 1000) },
    { label: 'Pit', value: cook.stats === null ? '—' : pitText(cook.stats.pit, display.units) },
    { label: 'Rating', value: ratingText(cook.rating).words },
  ];
  return (
    <section className="card cook-detail__section" aria-label={cook.name}>
      <h2>
        <Link to={paths.cookDetail(cook.cookId)}>{cook.name}</Link>
      </h2>
      <StatRows rows={rows} />
      <ProbeStatsList probes={cook.stats?.probes ?? []} name={name} units={display.units} />
    </section>
  );
}
