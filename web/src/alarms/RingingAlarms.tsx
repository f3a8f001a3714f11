/**
 * The alarm banner's content: each alarm ringing on this page, with Acknowledge (which stops the escalation on every
 * channel). Loaded the first time an alarm rings (AlarmBanner), so the startup bundle does not carry it.
 */
import { Link } from 'react-router';
import { describeError } from '../api/errors';
import { paths } from '../app/routes';
import { convertTemperaturesInText } from '../settings/temperature';
import { useDisplay } from '../settings/useDisplay';
import type { AlarmEventView } from '../../../shared/api/alarm-schemas';
import { useAcknowledge } from './alarmQueries';
import './alarms.css';

export default function RingingAlarms({ ringing }: { ringing: AlarmEventView[] }) {
  const acknowledge = useAcknowledge();
  const { units } = useDisplay();
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
              <Link className="button button--quiet" to={paths.alarmEvents()}>
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
