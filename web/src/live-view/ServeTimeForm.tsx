/** Setting, changing or clearing an active cook's serve time (a chunk of its own: fetched when opened). */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { CookView } from '../../../shared/api/schemas';
import { describeError } from '../api/errors';
import { upsertCook, useCookEdits } from '../api/queries';
import { nowMs } from '../app/clock';
import { serveAtFrom, wallDateTime } from '../cooks/serveAtField';

/** A first serve time offered: three hours from now, on the hour. */
const suggestedServeAt = (atMs: number) => Math.ceil((atMs + 3 * 3_600_000) / 3_600_000) * 3_600_000;

export default function ServeTimeForm({ cook, timeZone, onClose }: { cook: CookView; timeZone: string | undefined; onClose(): void }) {
  const { patch } = useCookEdits(cook.cookId);
  const queryClient = useQueryClient();
  const id = useId();
  const [fields, setFields] = useState(() => wallDateTime(cook.serveAt !== undefined ? Date.parse(cook.serveAt) : suggestedServeAt(nowMs()), timeZone));
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const save = async (serveAt: string | null) => {
    const done = await patch.mutateAsync({ serveAt }).catch(() => null);
    if (done === null) return;
    upsertCook(queryClient, done);
    onClose();
  };
  const shown = error ?? (patch.error !== null ? describeError(patch.error) : null);
  const field = (name: 'date' | 'time', label: string) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        ref={name === 'date' ? first : undefined}
        type={name}
        value={fields[name]}
        required
        aria-invalid={error !== null}
        aria-describedby={shown !== null ? `${id}-error` : undefined}
        onChange={(e) => setFields((f) => ({ ...f, [name]: e.target.value }))}
      />
    </div>
  );

  return (
    <>
      <form
        className="quick-actions__note"
        aria-label="Serve time"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const checked = serveAtFrom(fields.date, fields.time, timeZone, nowMs());
          if (!checked.ok || checked.serveAt === null) return setError(checked.ok ? 'Choose the day and time you want to eat.' : checked.error);
          setError(null);
          void save(checked.serveAt);
        }}
      >
        {field('date', 'Eat on')}
        {field('time', 'At')}
        <button type="submit" className="button button--primary" disabled={patch.isPending}>
          Save
        </button>
        {cook.serveAt !== undefined && (
          <button type="button" className="button button--quiet" disabled={patch.isPending} onClick={() => void save(null)}>
            Clear
          </button>
        )}
        <button type="button" className="button button--quiet" onClick={onClose}>
          Cancel
        </button>
      </form>
      {shown !== null && (
        <p id={`${id}-error`} className="form-error" role="alert">
          {shown}
        </p>
      )}
    </>
  );
}
