import { Link } from 'react-router';
import type { AlarmEventView } from '../../../shared/api/alarm-schemas';
import { describeError } from '../api/errors';
import { paths } from '../app/routes';
import { formatTimeOfDay } from '../cooks/predictionFormat';
import { convertTemperaturesInText } from '../settings/temperature';
import { useDisplay, type Display } from '../settings/useDisplay';
import { useAcknowledge, useAlarmEventsQuery } from './alarmQueries';
import './alarms.css';

const STATE_LABEL: Record<AlarmEventView['state'], string> = { fired: 'Ringing', delivered: 'Ringing (delivered)', acknowledged: 'Acknowledged', resolved: 'Resolved' };
const STATE_CLASS: Record<AlarmEventView['state'], string> = { fired: 'breached', delivered: 'breached', acknowledged: 'armed', resolved: 'disabled' };
const VIA: Record<NonNullable<AlarmEventView['acknowledgedVia']>, string> = { web: 'in Pitwatch', push: 'from a notification', link: 'from a link', api: 'through the API' };

/** `/alarm-events`: what rang, when, where it was delivered, and who heard it; acknowledge what still rings. */
export default function AlarmEventsPage() {
  const history = useAlarmEventsQuery();
  const display = useDisplay();
  const events = (history.data?.pages.flatMap((p) => p.events) ?? []).slice().sort((a, b) => b.firedAt.localeCompare(a.firedAt));

  return (
    <main className="page page--medium section-stack">
      <div className="page__title-row">
        <h1>Alarm history</h1>
        <Link className="button button--quiet" to={paths.alarms()}>
          Alarm rules
        </Link>
      </div>
      {history.isPending && (
        <p className="loading" role="status">
          Loading…
        </p>
      )}
      {history.isError && (
        <div className="card banner--error" role="alert">
          <p>{describeError(history.error)}</p>
          <button type="button" className="button" onClick={() => void history.refetch()}>
            Try again
          </button>
        </div>
      )}
      {history.data !== undefined && events.length === 0 && (
        <div className="card empty">
          <p className="empty__title">Nothing has rung yet</p>
          <p className="muted">Alarms that fire show here for 90 days.</p>
        </div>
      )}
      {events.length > 0 && (
        <section className="card" aria-label="Alarm events">
          <ul className="event-list">
            {events.map((event) => (
              <EventItem key={event.eventId} event={event} display={display} />
            ))}
          </ul>
          {history.hasNextPage && (
            <button type="button" className="button" disabled={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()}>
              {history.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          )}
        </section>
      )}
    </main>
  );
}

function EventItem({ event, display }: { event: AlarmEventView; display: Display }) {
  const acknowledge = useAcknowledge();
  const at = (iso: string) => {
    const ms = Date.parse(iso);
    return `${new Date(ms).toLocaleDateString(undefined, display.clock.timeZone === undefined ? {} : { timeZone: display.clock.timeZone })} ${formatTimeOfDay(ms, display.clock)}`;
  };
  const ringing = event.state === 'fired' || event.state === 'delivered';
  const sent = event.deliveries.filter((d) => d.status === 'sent').length;
  return (
    <li className="event-item" data-testid={`event-${event.eventId}`}>
      <div className="alarm-rule__head">
        <span className="alarm-rule__title" id={`event-${event.eventId}-label`}>
          {event.urgent ? 'Urgent: ' : ''}
          {event.ruleName ?? event.label}
        </span>
        <span className={`alarm-state alarm-state--${STATE_CLASS[event.state]}`} data-testid={`event-state-${event.eventId}`}>
          {STATE_LABEL[event.state]}
        </span>
      </div>
      <p>{convertTemperaturesInText(event.message, display.units)}</p>
      <p className="muted">
        Fired <time dateTime={event.firedAt}>{at(event.firedAt)}</time>
        {event.escalationRound > 0 && `, repeated ${event.escalationRound} time${event.escalationRound === 1 ? '' : 's'}`}
        {event.deliveries.length > 0 && `; delivered to ${sent} of ${event.deliveries.length} channel${event.deliveries.length === 1 ? '' : 's'}`}
        {event.acknowledgedAt !== null && (
          <>
            ; acknowledged <time dateTime={event.acknowledgedAt}>{at(event.acknowledgedAt)}</time>
            {event.acknowledgedVia !== null && ` ${VIA[event.acknowledgedVia]}`}
          </>
        )}
        {event.resolvedAt !== null && (
          <>
            ; cleared <time dateTime={event.resolvedAt}>{at(event.resolvedAt)}</time>
          </>
        )}
        .
      </p>
      {event.deliveries.some((d) => d.status !== 'sent') && (
        <ul className="muted">
          {event.deliveries
            .filter((d) => d.status !== 'sent')
            .map((d) => (
              <li key={`${d.channelId}:${d.round}`}>
                {d.status.replace('-', ' ')}
                {d.detail !== null && `: ${d.detail}`}
              </li>
            ))}
        </ul>
      )}
      {ringing && (
        <div className="alarm-rule__actions">
          <button type="button" className="button button--primary button--small" disabled={acknowledge.isPending} onClick={() => acknowledge.mutate(event.eventId)} aria-describedby={`event-${event.eventId}-label`}>
            Acknowledge
          </button>
          {acknowledge.isError && (
            <p className="field__error" role="alert">
              {describeError(acknowledge.error)}
            </p>
          )}
        </div>
      )}
    </li>
  );
}
