/** The ended cooks, newest first: search, tag and date filters, "Load more", and two picked to compare. */
import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { CookView, DeviceView } from '../../../shared/api/schemas';
import { describeError } from '../api/errors';
import { useEndedCooksQuery } from '../api/cookRecordQueries';
import type { CookRecordFilters } from '../api/queries';
import { paths } from '../app/routes';
import type { Display } from '../settings/useDisplay';
import { EMPTY_FILTERS, filtersFromForm, formatDateTime, ratingText, type CookFilterForm } from './cookListFilters';

export function EndedCooks({ devices, display }: { devices: readonly DeviceView[] | undefined; display: Pick<Display, 'clock'> }) {
  const [form, setForm] = useState<CookFilterForm>(EMPTY_FILTERS);
  const [filters, setFilters] = useState<CookRecordFilters>({});
  const [formError, setFormError] = useState<{ field: keyof CookFilterForm; message: string } | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const cooks = useEndedCooksQuery(filters);
  const id = useId();
  const list = cooks.data?.pages.flatMap((page) => page.cooks) ?? [];
  const filtered = Object.keys(filters).length > 0;

  const apply = (next: CookFilterForm) => {
    const result = filtersFromForm(next, display.clock.timeZone);
    if (!result.ok) {
      setFormError({ field: result.field, message: result.message });
      return;
    }
    setFormError(null);
    setFilters(result.filters);
  };
  const field = (name: keyof CookFilterForm, label: string, type: 'search' | 'text' | 'date') => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        type={type}
        value={form[name]}
        onChange={(e) => setForm({ ...form, [name]: e.target.value })}
        aria-invalid={formError?.field === name}
        aria-describedby={formError?.field === name ? `${id}-error` : undefined}
      />
    </div>
  );
  const togglePick = (cookId: string, on: boolean) => setPicked((p) => (on ? [...p.filter((c) => c !== cookId), cookId].slice(-2) : p.filter((c) => c !== cookId)));

  return (
    <section className="ended-cooks" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Past cooks</h2>
      <form
        className="card cook-filters"
        role="search"
        aria-label="Past cooks"
        onSubmit={(e) => {
          e.preventDefault();
          apply(form);
        }}
      >
        {field('q', 'Words', 'search')}
        {field('tag', 'Tag', 'text')}
        {field('from', 'Started from', 'date')}
        {field('to', 'Started until', 'date')}
        <div className="field">
          <label htmlFor={`${id}-minRating`}>Rating</label>
          <select id={`${id}-minRating`} value={form.minRating} onChange={(e) => setForm({ ...form, minRating: e.target.value })}>
            <option value="">Any</option>
            {[5, 4, 3, 2, 1].map((n) => (
              <option key={n} value={String(n)}>
                {n === 5 ? '★★★★★ only' : `${'★'.repeat(n)} or more`}
              </option>
            ))}
          </select>
        </div>
        <div className="cook-filters__buttons">
          <button type="submit" className="button button--primary">
            Search
          </button>
          {filtered && (
            <button
              type="button"
              className="button button--quiet"
              onClick={() => {
                setForm(EMPTY_FILTERS);
                apply(EMPTY_FILTERS);
              }}
            >
              Clear
            </button>
          )}
        </div>
        {formError !== null && (
          <p id={`${id}-error`} className="form-error cook-filters__error" role="alert">
            {formError.message}
          </p>
        )}
      </form>

      {picked.length > 0 && (
        <div className="card compare-bar" role="status">
          {picked.length === 2 ? (
            <Link className="button button--primary" to={paths.compare(picked as [string, string])}>
              Compare the two cooks
            </Link>
          ) : (
            <span>Pick one more cook to compare.</span>
          )}
          <button type="button" className="button button--quiet" onClick={() => setPicked([])}>
            Clear picks
          </button>
        </div>
      )}

      {cooks.error !== null && (
        <div className="banner banner--error" role="alert">
          <span>{describeError(cooks.error)}</span>
        </div>
      )}
      {cooks.isPending && (
        <p className="muted" role="status">
          Loading past cooks…
        </p>
      )}
      {cooks.data !== undefined && list.length === 0 && (
        <div className="card empty">
          <p className="empty__title">{filtered ? 'No cook matches' : 'No past cooks yet'}</p>
          <p className="muted">{filtered ? 'Try other words, another tag, a wider date range or any rating.' : 'A cook shows here once it ends.'}</p>
        </div>
      )}
      <ul className="cook-records" aria-busy={cooks.isFetching}>
        {list.map((cook) => (
          <CookRecordRow key={cook.cookId} cook={cook} device={devices?.find((d) => d.serial === cook.serial)} display={display} picked={picked.includes(cook.cookId)} onPick={(on) => togglePick(cook.cookId, on)} />
        ))}
      </ul>
      {cooks.hasNextPage && (
        <button type="button" className="button cook-records__more" disabled={cooks.isFetchingNextPage} onClick={() => void cooks.fetchNextPage()}>
          {cooks.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  );
}

function CookRecordRow({ cook, device, display, picked, onPick }: { cook: CookView; device: DeviceView | undefined; display: Pick<Display, 'clock'>; picked: boolean; onPick: (on: boolean) => void }) {
  const rating = ratingText(cook.rating);
  const started = formatDateTime(Date.parse(cook.startedAt), display.clock);
  const ended = cook.endedAt === null ? null : formatDateTime(Date.parse(cook.endedAt), display.clock);
  return (
    <li className="card cook-record">
      <div className="cook-record__main">
        <h3 className="cook-record__name">
          <Link to={paths.cookDetail(cook.cookId)}>{cook.name}</Link>
        </h3>
        <p className="muted">
          {device?.label ?? cook.serial} · {started}
          {ended !== null && ` – ${ended}`}
        </p>
        <p className="cook-record__meta">
          <span aria-hidden="true" className="cook-record__stars">
            {rating.stars}
          </span>
          <span className={rating.stars === '' ? 'muted' : 'visually-hidden'}>{rating.words}</span>
          {cook.tags.map((tag) => (
            <span key={tag} className="tag">
              {tag}
            </span>
          ))}
        </p>
      </div>
      <label className="switch cook-record__pick">
        <input type="checkbox" checked={picked} onChange={(e) => onPick(e.target.checked)} />
        Compare<span className="visually-hidden"> {cook.name}</span>
      </label>
    </li>
  );
}
