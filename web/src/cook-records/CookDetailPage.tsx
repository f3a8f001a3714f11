/** `/cooks/:cookId`: one cook's record: name, notes, tags and rating to edit, its chart with events, stats, export, sharing. */
import { Suspense, lazy, useId, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { CookDetail } from '../../../shared/api/cook-schemas';
import type { DeviceView } from '../../../shared/api/schemas';
import { ApiError, describeError } from '../api/errors';
import { useCookReadingsQuery, useEndCookRecord } from '../api/cookRecordQueries';
import { useCookDetailQuery, useCookEdits, useDevicesQuery } from '../api/queries';
import { useSignedIn } from '../auth/SessionContext';
import { paths } from '../app/routes';
import { formatDateTime, ratingText } from '../cooks/cookListFilters';
import { formatDuration, formatTimeOfDay } from '../cooks/predictionFormat';
import { maxPointsForWidth } from '../history/historyRange';
import { eventLabel, markersFor } from '../live-view/chartMarkers';
import { CookQuickActions } from '../live-view/CookQuickActions';
import { useDisplay, type Display } from '../settings/useDisplay';
import { ProbeStatsList, StatRows } from './StatRows';
import { pitText } from './statsText';
import { readingsChartModel } from './readingsChart';
import { ShareDialog } from './ShareDialog';

const CookChart = lazy(() => import('../live-view/CookChart'));

export default function CookDetailPage() {
  const { cookId = '' } = useParams();
  const cook = useCookDetailQuery(cookId);
  const devices = useDevicesQuery();

  if (cook.error !== null) {
    const missing = cook.error instanceof ApiError && cook.error.status === 404;
    return (
      <main className="page page--narrow">
        <div className="card empty">
          <h1 className="empty__title">{missing ? 'No such cook' : "Couldn't load this cook"}</h1>
          <p className="muted">{missing ? 'It was deleted, or it belongs to another account.' : describeError(cook.error)}</p>
          <Link className="button" to={paths.cooks()}>
            Back to cooks
          </Link>
        </div>
      </main>
    );
  }
  if (cook.data === undefined) {
    return (
      <main className="page">
        <p className="loading" role="status">
          Loading…
        </p>
      </main>
    );
  }
  return <CookRecord key={cookId} cook={cook.data} device={devices.data?.find((d) => d.serial === cook.data.serial)} />;
}

function CookRecord({ cook, device }: { cook: CookDetail; device: DeviceView | undefined }) {
  const display = useDisplay();
  const [sharing, setSharing] = useState(false);
  const end = useEndCookRecord(cook.cookId, cook.serial);
  const active = cook.status === 'active';
  const started = formatDateTime(Date.parse(cook.startedAt), display.clock);
  const ended = cook.endedAt === null ? null : formatDateTime(Date.parse(cook.endedAt), display.clock);

  return (
    <main className="page page--wide cook-detail">
      <div className="page__title-row">
        <div>
          <Link className="back-link" to={paths.cooks()}>
            ← All cooks
          </Link>
          <h1>{cook.name}</h1>
          <p className="muted">
            {device?.label ?? cook.serial} · {started}
            {ended === null ? ' · in progress' : ` – ${ended}`}
          </p>
        </div>
        <div className="cook-detail__actions">
          {active && (
            <Link className="button" to={paths.liveView(cook.serial)}>
              Live view
            </Link>
          )}
          <button type="button" className="button" aria-expanded={sharing} onClick={() => setSharing((s) => !s)}>
            Share…
          </button>
          {active && (
            <button type="button" className="button" disabled={end.isPending} onClick={() => end.mutate()}>
              {end.isPending ? 'Ending…' : 'End cook'}
            </button>
          )}
        </div>
      </div>
      {end.error !== null && (
        <p className="banner banner--error" role="alert">
          {describeError(end.error)}
        </p>
      )}
      {sharing && <ShareDialog cookId={cook.cookId} display={display} onClose={() => setSharing(false)} />}

      <RecordChart cook={cook} device={device} display={display} />

      <div className="cook-detail__columns">
        <CookFacts cook={cook} />
        <section className="card cook-detail__section" aria-labelledby="cook-timeline">
          <h2 id="cook-timeline">Timeline</h2>
          {active && <CookQuickActions cookId={cook.cookId} display={display} />}
          <CookTimeline cook={cook} display={display} />
        </section>
        <CookStatsSection cook={cook} device={device} display={display} />
        <CookExport cookId={cook.cookId} />
      </div>
    </main>
  );
}

function RecordChart({ cook, device, display }: { cook: CookDetail; device: DeviceView | undefined; display: Display }) {
  const maxPoints = maxPointsForWidth(typeof window === 'undefined' ? 720 : window.innerWidth - 32);
  const readings = useCookReadingsQuery(cook.cookId, cook.status === 'active', maxPoints);
  const [zoom, setZoom] = useState<[number, number] | null>(null);
  // Probes without a label of their own go by the device's name for that channel.
  const probes = useMemo(() => cook.probes.map((p) => ({ ...p, label: p.label ?? device?.channels.find((c) => c.number === p.channel)?.label ?? null })), [cook.probes, device]);
  const model = useMemo(() => (readings.data === undefined ? null : readingsChartModel(readings.data, probes, cook.pitChannel, display.units)), [readings.data, probes, cook.pitChannel, display.units]);
  const markers = useMemo(() => markersFor(cook, device ?? { channels: [] }, cook.events), [cook, device]);
  const formatTime = useMemo(() => (sec: number) => formatTimeOfDay(sec * 1000, display.clock), [display.clock]);
  return (
    <section className="card live-chart" aria-label={`${cook.name} chart`}>
      {readings.isPending && (
        <p className="muted" role="status">
          Loading the chart…
        </p>
      )}
      {readings.error !== null && (
        <div className="banner banner--error" role="alert">
          <span>{describeError(readings.error)}</span>
          <button type="button" className="button" onClick={() => void readings.refetch()}>
            Try again
          </button>
        </div>
      )}
      {model !== null && (
        <>
          {zoom !== null && (
            <button type="button" className="button button--small" onClick={() => setZoom(null)}>
              Show the whole cook
            </button>
          )}
          <Suspense fallback={<p className="muted">Loading the chart…</p>}>
            <CookChart model={model} version={0} markers={markers} zoom={zoom} onSelectRange={(from, to) => setZoom([from, to])} formatTime={formatTime} label={`${cook.name}: temperatures over the cook`} testId={`cook-chart-${cook.cookId}`} />
          </Suspense>
        </>
      )}
    </section>
  );
}

/** Name, rating, tags and notes, each saved on its own. */
function CookFacts({ cook }: { cook: CookDetail }) {
  const { patch } = useCookEdits(cook.cookId);
  const id = useId();
  const [name, setName] = useState(cook.name);
  const [tags, setTags] = useState(cook.tags.join(', '));
  const [notes, setNotes] = useState(cook.notes);
  const [saved, setSaved] = useState<string | null>(null);
  const save = (what: string, change: Parameters<typeof patch.mutateAsync>[0]) => {
    setSaved(null);
    void patch.mutateAsync(change).then(() => setSaved(`${what} saved.`), () => undefined);
  };
  const tagList = tags
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');

  return (
    <section className="card cook-detail__section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>About this cook</h2>
      <form
        className="cook-detail__row"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim() !== '' && name.trim() !== cook.name) save('Name', { name: name.trim() });
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input id={`${id}-name`} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
        </div>
        <button type="submit" className="button" disabled={patch.isPending || name.trim() === '' || name.trim() === cook.name}>
          Save name
        </button>
      </form>

      <fieldset className="rating">
        <legend>Rating</legend>
        <div className="rating__stars">
          {[1, 2, 3, 4, 5].map((n) => (
            <button
              key={n}
              type="button"
              className={`button rating__star${cook.rating !== null && n <= cook.rating ? ' is-selected' : ''}`}
              aria-pressed={cook.rating === n}
              aria-label={`${n} of 5`}
              disabled={patch.isPending}
              onClick={() => save('Rating', { rating: cook.rating === n ? null : n })}
            >
              {cook.rating !== null && n <= cook.rating ? '★' : '☆'}
            </button>
          ))}
        </div>
        <p className="muted">{ratingText(cook.rating).words}</p>
      </fieldset>

      <form
        className="cook-detail__row"
        onSubmit={(e) => {
          e.preventDefault();
          save('Tags', { tags: [...new Set(tagList)] });
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-tags`}>Tags, comma-separated</label>
          <input id={`${id}-tags`} value={tags} onChange={(e) => setTags(e.target.value)} />
        </div>
        <button type="submit" className="button" disabled={patch.isPending}>
          Save tags
        </button>
      </form>

      <form
        className="cook-detail__notes"
        onSubmit={(e) => {
          e.preventDefault();
          save('Notes', { notes });
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-notes`}>Notes</label>
          <textarea id={`${id}-notes`} value={notes} rows={5} maxLength={10_000} onChange={(e) => setNotes(e.target.value)} />
        </div>
        <button type="submit" className="button" disabled={patch.isPending || notes === cook.notes}>
          Save notes
        </button>
      </form>
      <p className="muted" role="status">
        {saved}
      </p>
      {patch.error !== null && (
        <p className="form-error" role="alert">
          {describeError(patch.error)}
        </p>
      )}
    </section>
  );
}

function CookTimeline({ cook, display }: { cook: CookDetail; display: Pick<Display, 'clock'> }) {
  const { deleteEvent } = useCookEdits(cook.cookId);
  const events = [...cook.events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return (
    <>
      {events.length === 0 && <p className="muted">Nothing noted yet.</p>}
      <ol className="timeline">
        {events.map((event) => {
          const when = formatDateTime(Date.parse(event.at), display.clock);
          return (
            <li key={event.eventId} className="timeline__event">
              <span>
                <time dateTime={event.at}>{when}</time> · {eventLabel(event, 500)}
              </span>
              <button type="button" className="button button--quiet" disabled={deleteEvent.isPending} onClick={() => deleteEvent.mutate(event.eventId)}>
                Delete<span className="visually-hidden"> {eventLabel(event)} at {when}</span>
              </button>
            </li>
          );
        })}
      </ol>
      {deleteEvent.error !== null && (
        <p className="form-error" role="alert">
          {describeError(deleteEvent.error)}
        </p>
      )}
    </>
  );
}

function CookStatsSection({ cook, device, display }: { cook: CookDetail; device: DeviceView | undefined; display: Pick<Display, 'units'> }) {
  const stats = cook.stats;
  const name = (channel: string) => cook.probes.find((p) => p.channel === channel)?.label ?? device?.channels.find((c) => c.number === channel)?.label ?? `Probe ${channel}`;
  return (
    <section className="card cook-detail__section" aria-labelledby="cook-stats">
      <h2 id="cook-stats">Stats</h2>
      {stats === null ? (
        <p className="muted">Stats are worked out when the cook ends.</p>
      ) : (
        <>
          <StatRows
            rows={[
              { label: 'Length', value: formatDuration(stats.durationSeconds * 1000) },
              { label: 'Pit', value: pitText(stats.pit, display.units) },
              { label: 'Readings', value: stats.readings.toLocaleString() },
            ]}
          />
          <ProbeStatsList probes={stats.probes} name={name} units={display.units} />
        </>
      )}
    </section>
  );
}

/** CSV (the format `npm run predict` reads) or JSON: the server writes the file and answers a short-lived link. */
function CookExport({ cookId }: { cookId: string }) {
  const { api, token } = useSignedIn();
  const [link, setLink] = useState<{ format: 'csv' | 'json'; url: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (format: 'csv' | 'json') => {
    setBusy(true);
    setError(null);
    try {
      const made = await api.exportCook(token, cookId, format);
      setLink({ format, url: made.url });
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card cook-detail__section" aria-labelledby="cook-export">
      <h2 id="cook-export">Export</h2>
      <p className="muted">Every stored reading of the cook. The CSV replays through `npm run predict`.</p>
      <div className="cook-detail__actions">
        <button type="button" className="button" disabled={busy} onClick={() => void run('csv')}>
          Export CSV
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void run('json')}>
          Export JSON
        </button>
      </div>
      <p role="status" className="muted">
        {busy ? 'Preparing the file…' : ''}
      </p>
      {link !== null && !busy && (
        <a className="button button--primary" href={link.url} download={`cook-${cookId}.${link.format}`} target="_blank" rel="noopener" data-testid="export-link">
          Download {link.format.toUpperCase()}
        </a>
      )}
      {error !== null && (
        <p className="form-error" role="alert">
          {describeError(error)}
        </p>
      )}
    </section>
  );
}
