/** The live view's serve time: on track or running late for it (checked by the server each poll), and setting it. */
import { Suspense, lazy, useId, useState } from 'react';
import type { CookView } from '../../../shared/api/schemas';
import { serveCheckText } from '../cooks/serveCheckText';
import type { Display } from '../settings/useDisplay';

// The form (with its date parsing) comes when asked for: the live view's first paint stays within its budget.
const ServeTimeForm = lazy(() =>
  import('./ServeTimeForm').catch(() => ({
    default: function ServeTimeFormUnavailable() {
      return (
        <p className="form-error" role="alert">
          Couldn't load the form. Check your connection and try again.
        </p>
      );
    },
  })),
);

export function ServeTime({ cook, nowMs, display }: { cook: CookView; nowMs: number; display: Display }) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  const words = cook.serveAt === undefined ? null : serveCheckText(cook.serveAt, cook.serveCheck, nowMs, display);

  return (
    <section className="card serve-time" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="serve-time__title">
        Serve time
      </h2>
      <div role="status" className={`serve-time__check serve-time__check--${cook.serveCheck?.status ?? 'waiting'}`} data-testid="serve-check">
        {words === null ? (
          <p className="muted">No serve time set: set one to hear whether the cook is on track for it.</p>
        ) : (
          <>
            <p className="serve-time__headline">{words.headline}</p>
            {words.detail !== null && <p className="muted">{words.detail}</p>}
          </>
        )}
      </div>
      {editing ? (
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <ServeTimeForm cook={cook} timeZone={display.clock.timeZone} onClose={() => setEditing(false)} />
        </Suspense>
      ) : (
        <button type="button" className="button" onClick={() => setEditing(true)}>
          {cook.serveAt === undefined ? 'Set a serve time' : 'Change serve time'}
        </button>
      )}
    </section>
  );
}
