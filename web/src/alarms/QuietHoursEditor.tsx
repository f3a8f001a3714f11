import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ChannelView } from '../../../shared/api/alarm-schemas';
import { describeError } from '../api/errors';
import { formatTimeOfDay, type ClockOptions } from '../cooks/predictionFormat';
import { deviceTimeZone, timeZoneOptions } from '../settings/timeZones';
import { useDisplay } from '../settings/useDisplay';
import { fieldIssues } from './alarmApi';
import { useChannelActions } from './alarmQueries';

type QuietHours = NonNullable<ChannelView['quietHours']>;

const HHMM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

const zoneLabel = (zone: string): string => zone.replaceAll('_', ' ');

/** A stored "22:00" as the user's clock writes it: "22:00" or "10:00 PM" (a time of day: no zone shift). */
export function formatQuietTime(hhmm: string, clock: ClockOptions): string {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return formatTimeOfDay(Date.UTC(1970, 0, 1, hours ?? 0, minutes ?? 0), { ...clock, timeZone: 'UTC' });
}

/** "Quiet 22:00–07:00 (America/Chicago)", or "No quiet hours". */
export function describeQuietHours(quiet: QuietHours | null, clock: ClockOptions): string {
  return quiet === null ? 'No quiet hours' : `Quiet ${formatQuietTime(quiet.start, clock)}–${formatQuietTime(quiet.end, clock)} (${zoneLabel(quiet.timeZone)})`;
}

export interface QuietHoursEditorProps {
  channel: ChannelView;
  /** Closed: saved, turned off or cancelled (the channel's summary shows the new value). */
  onClose(): void;
}

/**
 * Sets, changes or clears a channel's quiet hours, inline in its list item: from and until (24-hour `hh:mm`, as the
 * API stores them) in a time zone that starts as the channel's own, else the user's settings zone, else this device's.
 */
export function QuietHoursEditor({ channel, onClose }: QuietHoursEditorProps) {
  const id = useId();
  const { update } = useChannelActions();
  const { clock } = useDisplay();
  const current = channel.quietHours;
  const [start, setStart] = useState(current?.start ?? '22:00');
  const [end, setEnd] = useState(current?.end ?? '07:00');
  // Until one is picked, the zone follows the settings (they may still be loading when the form opens).
  const [pickedZone, setPickedZone] = useState<string | null>(current?.timeZone ?? null);
  const timeZone = pickedZone ?? clock.timeZone ?? deviceTimeZone();
  const [problem, setProblem] = useState<{ text: string; local: boolean } | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const busy = update.isPending;

  const edit = (set: (value: string) => void) => (value: string) => {
    set(value);
    setProblem(null);
  };

  const save = async (quietHours: QuietHours | null) => {
    setProblem(null);
    try {
      await update.mutateAsync({ channelId: channel.channelId, patch: { quietHours } });
      onClose();
    } catch (caught) {
      const issue = fieldIssues(caught).quietHours;
      setProblem({ text: issue === undefined ? describeError(caught) : `${describeError(caught)} (${issue})`, local: false });
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (!HHMM.test(start) || !HHMM.test(end)) {
      setProblem({ text: 'Enter both times, such as 22:00 and 07:00.', local: true });
      return;
    }
    if (start === end) {
      setProblem({ text: 'From and Until must differ: quiet hours need a start and an end.', local: true });
      return;
    }
    void save({ start, end, timeZone });
  };

  const escape = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Escape' && !busy) onClose();
  };

  const invalid = problem?.local === true;
  const describedBy = invalid ? `${id}-problem` : undefined;
  return (
    <form className="alarm-form" onSubmit={submit} onKeyDown={escape} noValidate aria-label={`Quiet hours of ${channel.name}`} aria-describedby={`${id}-hint`} aria-busy={busy}>
      <p id={`${id}-hint`} className="field__hint">
        Non-urgent alarms are not sent to this channel during quiet hours. Urgent alarms ring through them.
      </p>
      <div className="alarm-form__grid">
        <div className="field">
          <label htmlFor={`${id}-start`}>From</label>
          <input id={`${id}-start`} ref={first} type="time" value={start} onChange={(e) => edit(setStart)(e.target.value)} aria-invalid={invalid} aria-describedby={describedBy} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-end`}>Until</label>
          <input id={`${id}-end`} type="time" value={end} onChange={(e) => edit(setEnd)(e.target.value)} aria-invalid={invalid} aria-describedby={describedBy} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-zone`}>Time zone</label>
          <select id={`${id}-zone`} value={timeZone} onChange={(e) => edit(setPickedZone)(e.target.value)}>
            {timeZoneOptions(timeZone).map((zone) => (
              <option key={zone} value={zone}>
                {zoneLabel(zone)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div id={`${id}-problem`} className="form-error" role="alert">
        {problem !== null ? <p>{problem.text}</p> : null}
      </div>
      <div className="alarm-rule__actions">
        <button type="submit" className="button button--small button--primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button button--small button--quiet" disabled={busy} onClick={onClose}>
          Cancel
        </button>
        {current !== null && (
          <button type="button" className="button button--small" disabled={busy} onClick={() => void save(null)}>
            Turn off quiet hours
          </button>
        )}
      </div>
    </form>
  );
}
