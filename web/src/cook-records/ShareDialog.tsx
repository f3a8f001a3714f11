/** Share links of one cook: make one (1 h to 3 days), copy it, see the ones still valid, revoke any. */
import { useId, useState } from 'react';
import type { ShareCreated } from '../api/client';
import { describeError } from '../api/errors';
import { useShareActions, useSharesQuery } from '../api/cookRecordQueries';
import { formatDateTime } from '../cooks/cookListFilters';
import type { Display } from '../settings/useDisplay';

export const SHARE_DURATIONS = [
  { hours: 1, label: '1 hour' },
  { hours: 6, label: '6 hours' },
  { hours: 24, label: '1 day' },
  { hours: 72, label: '3 days' },
] as const;

export function ShareDialog({ cookId, display, onClose }: { cookId: string; display: Pick<Display, 'clock'>; onClose: () => void }) {
  const shares = useSharesQuery(cookId);
  const { create, revoke } = useShareActions(cookId);
  const [hours, setHours] = useState<number>(24);
  const [made, setMade] = useState<ShareCreated | null>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const id = useId();

  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      // No clipboard (an insecure origin, a refusal): the link is selected in its field to copy by hand.
      setCopied('no');
    }
  };

  return (
    <section className="card share-dialog" role="dialog" aria-labelledby={`${id}-title`} aria-modal="false">
      <div className="share-dialog__head">
        <h2 id={`${id}-title`}>Share this cook</h2>
        <button type="button" className="button button--quiet" onClick={onClose}>
          Close<span className="visually-hidden"> sharing</span>
        </button>
      </div>
      <p className="muted">Anyone with the link can watch this cook, read-only, without signing in. Nothing else of your account is shown.</p>
      <form
        className="share-dialog__create"
        onSubmit={(e) => {
          e.preventDefault();
          setCopied(null);
          void create.mutateAsync(hours).then(setMade, () => undefined);
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-hours`}>Link works for</label>
          <select id={`${id}-hours`} value={hours} onChange={(e) => setHours(Number(e.target.value))}>
            {SHARE_DURATIONS.map((d) => (
              <option key={d.hours} value={d.hours}>
                {d.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          Create link
        </button>
      </form>
      {create.error !== null && (
        <p className="form-error" role="alert">
          {describeError(create.error)}
        </p>
      )}
      {made !== null && (
        <div className="share-dialog__made">
          <div className="field">
            <label htmlFor={`${id}-url`}>New link, until {formatDateTime(Date.parse(made.expiresAt), display.clock)}</label>
            <input id={`${id}-url`} readOnly value={made.url} onFocus={(e) => e.target.select()} data-testid="share-url" />
          </div>
          <button type="button" className="button" onClick={() => void copy(made.url)}>
            Copy link
          </button>
          <p className="muted" role="status">
            {copied === 'yes' ? 'Copied.' : copied === 'no' ? "Couldn't copy: select the link and copy it." : ''}
          </p>
        </div>
      )}
      <h3>Links in use</h3>
      {shares.error !== null && (
        <p className="form-error" role="alert">
          {describeError(shares.error)}
        </p>
      )}
      {shares.data?.length === 0 && <p className="muted">No link is shared.</p>}
      <ul className="share-dialog__list">
        {(shares.data ?? []).map((share) => (
          <li key={share.shareId}>
            <span>
              Made {formatDateTime(Date.parse(share.createdAt), display.clock)}, works until {formatDateTime(Date.parse(share.expiresAt), display.clock)}
            </span>
            <button type="button" className="button" disabled={revoke.isPending} onClick={() => void revoke.mutateAsync(share.shareId).catch(() => undefined)}>
              Revoke<span className="visually-hidden"> the link made {formatDateTime(Date.parse(share.createdAt), display.clock)}</span>
            </button>
          </li>
        ))}
      </ul>
      {revoke.error !== null && (
        <p className="form-error" role="alert">
          {describeError(revoke.error)}
        </p>
      )}
    </section>
  );
}
