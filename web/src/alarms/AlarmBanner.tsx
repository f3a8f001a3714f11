/**
 * The alarm banner at the top of every signed-in screen: each alarm ringing on this page (from the `alarm` socket
 * message), with Acknowledge. Acknowledging here stops the escalation on every channel.
 */
import { Link } from 'react-router';
import { describeError } from '../api/errors';
import { convertTemperaturesInText } from '../settings/temperature';
import { useDisplay } from '../settings/useDisplay';
import { useAcknowledge, useRingingAlarms } from './alarmQueries';
import './alarms.css';

export function AlarmBanner() {
  const ringing = useRingingAlarms();
  const acknowledge = useAcknowledge();
  const { units } = useDisplay();
  if (ringing.length === 0) return null;
  return (
    <section className="alarm-banner" role="alert" aria-label="Alarms ringing" data-testid="alarm-banner">
      <ul className="alarm-banner__list">
        {[...ringing].reverse().map((event) => (
          <li key={event.eventId} className={`alarm-banner__item${event.urgent ? ' alarm-banner__item--urgent' : ''}`} data-testid={`alarm-ringing-${event.eventId}`}>
            <p className="alarm-banner__text">
              <strong>{event.urgent ? 'Urgent alarm' : 'Alarm'}</strong>
              {event.ruleName !== null && <> · {event.ruleName}</>}: {convertTemperaturesInText(event.message, units)}
            </p>
            <div className="alarm-banner__actions">
              <button
                type="button"
                className="button button--primary"
                disabled={acknowledge.isPending && acknowledge.variables === event.eventId}
                onClick={() => acknowledge.mutate(event.eventId)}
              >
                Acknowledge
              </button>
              <Link className="button button--quiet" to="/alarm-events">
                History
              </Link>
            </div>
          </li>
        ))}
      </ul>
      {acknowledge.isError && <p className="alarm-banner__error">{describeError(acknowledge.error)}</p>}
    </section>
  );
}
