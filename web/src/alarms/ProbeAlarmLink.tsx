/**
 * The quick action on a live-view probe card: "Alert me at 203 °F" (the probe's cook target, in the display units) or
 * "Set an alarm", opening the new-alarm form on that probe, prefilled.
 */
import { Link, useInRouterContext } from 'react-router';
import { paths } from '../app/routes';
import { convertTemperature, type TemperatureUnits } from '../settings/temperature';

export function ProbeAlarmLink({ serial, channel, label, targetF, units }: { serial: string; channel: string; label: string; targetF: number | null; units: TemperatureUnits }) {
  const threshold = targetF === null ? undefined : Math.round(convertTemperature(targetF, 'F', units));
  const to = paths.alarms({ serial, channel, ...(threshold !== undefined && { threshold: { value: threshold, units } }) });
  const text = (
    <>
      {threshold === undefined ? 'Set an alarm' : `Alert me at ${threshold} °${units}`}
      <span className="visually-hidden"> on {label}</span>
    </>
  );
  // The card is also rendered on its own (its tests, no router): a plain link then.
  if (!useInRouterContext()) {
    return (
      <a className="button button--small" href={to} data-testid={`set-alarm-${channel}`}>
        {text}
      </a>
    );
  }
  return (
    <Link className="button button--small" to={to} data-testid={`set-alarm-${channel}`}>
      {text}
    </Link>
  );
}
