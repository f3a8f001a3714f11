/** One tap during a live cook: "Wrapped", "Spritzed", or a note, added to the cook's timeline (and the chart). */
import { useId, useState } from 'react';
import type { CookEvent } from '../../../shared/api/cook-schemas';
import { describeError } from '../api/errors';
import { useCookEdits } from '../api/queries';
import { formatTimeOfDay } from '../cooks/predictionFormat';
import type { Display } from '../settings/useDisplay';
import { eventLabel } from './chartMarkers';

export function CookQuickActions({ cookId, display }: { cookId: string; display: Pick<Display, 'clock'> }) {
  const { addEvent } = useCookEdits(cookId);
  const [writing, setWriting] = useState(false);
  const [note, setNote] = useState('');
  const [added, setAdded] = useState<CookEvent | null>(null);
  const noteId = useId();

  const add = async (kind: CookEvent['kind'], text?: string) => {
    const cook = await addEvent.mutateAsync(text === undefined ? { kind } : { kind, text }).catch(() => null);
    if (cook === null) return;
    // The answer is the whole cook: its newest event of this kind is the one just added.
    const event = [...cook.events].reverse().find((e) => e.kind === kind) ?? null;
    setAdded(event);
    if (kind === 'note') {
      setNote('');
      setWriting(false);
    }
  };

  return (
    <div className="quick-actions">
      <div className="quick-actions__buttons" role="group" aria-label="Add to the cook's timeline">
        <button type="button" className="button" disabled={addEvent.isPending} onClick={() => void add('wrapped')}>
          Wrapped
        </button>
        <button type="button" className="button" disabled={addEvent.isPending} onClick={() => void add('spritzed')}>
          Spritzed
        </button>
        <button type="button" className="button" aria-expanded={writing} aria-controls={noteId} onClick={() => setWriting((w) => !w)}>
          Note…
        </button>
      </div>
      {writing && (
        <form
          id={noteId}
          className="quick-actions__note"
          onSubmit={(e) => {
            e.preventDefault();
            if (note.trim() !== '') void add('note', note.trim());
          }}
        >
          <div className="field">
            <label htmlFor={`${noteId}-text`}>Note</label>
            <input id={`${noteId}-text`} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} autoFocus />
          </div>
          <button type="submit" className="button button--primary" disabled={addEvent.isPending || note.trim() === ''}>
            Add note
          </button>
        </form>
      )}
      <p className="muted quick-actions__status" role="status">
        {added !== null && `${eventLabel(added)} added at ${formatTimeOfDay(Date.parse(added.at), display.clock)}`}
      </p>
      {addEvent.error !== null && (
        <p className="form-error" role="alert">
          {describeError(addEvent.error)}
        </p>
      )}
    </div>
  );
}
