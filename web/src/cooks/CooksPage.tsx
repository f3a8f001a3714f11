import { Link } from 'react-router';
import { useCooksQuery, useDevicesQuery } from '../api/queries';
import { describeError } from '../api/errors';
import { paths } from '../app/routes';
import { useDisplay } from '../settings/useDisplay';
import { useNow } from '../devices/useNow';
import { probeCook } from './cooksState';
import { EndedCooks } from './EndedCooks';
import { describeProbeCook, formatClock } from './predictionFormat';

/** `/cooks`: every cook in progress, with each probe's done time and the way to its live view; then the past cooks. */
export default function CooksPage() {
  const cooks = useCooksQuery();
  const devices = useDevicesQuery();
  const display = useDisplay();
  const nowMs = useNow();

  return (
    <main className="page" aria-busy={cooks.isPending}>
      <div className="page__title-row">
        <h1>Cooks</h1>
        <Link className="button button--quiet" to={paths.plan()}>
          Plan a cook
        </Link>
      </div>
      <h2>Cooks in progress</h2>
      {cooks.error !== null && (
        <div className="banner banner--error" role="alert">
          <span>{describeError(cooks.error)}</span>
        </div>
      )}
      {cooks.data?.length === 0 && (
        <div className="card empty">
          <p className="empty__title">No cook running</p>
          <p className="muted">Start one from a device's card or its live view.</p>
        </div>
      )}
      <ul className="cook-list">
        {(cooks.data ?? []).map((cook) => {
          const device = devices.data?.find((d) => d.serial === cook.serial);
          const name = (channel: string) => device?.channels.find((c) => c.number === channel)?.label ?? `Channel ${channel}`;
          return (
            <li key={cook.serial} className="card cook-list__item">
              <h2 className="device__label">{device?.label ?? cook.serial}</h2>
              <p className="muted">Started {formatClock(Date.parse(cook.startedAt), nowMs, display.clock)}</p>
              <ul className="cook-list__probes">
                {cook.probes.map((probe) => {
                  const view = describeProbeCook({ targetF: probe.targetF, units: display.units, prediction: probeCook(cook, probe.channel)?.prediction ?? null }, nowMs, display.clock);
                  return (
                    <li key={probe.channel}>
                      <strong>{name(probe.channel)}</strong> {view.target}
                      {view.phase !== null && ` · ${view.phase}`}
                      {' · '}
                      {view.eta.kind === 'eta' ? `ready at about ${view.eta.clock}` : view.eta.kind === 'done' ? 'at target' : view.eta.message}
                    </li>
                  );
                })}
              </ul>
              <div className="cook-list__links">
                <Link className="button" to={paths.liveView(cook.serial)}>
                  Live view<span className="visually-hidden"> of {device?.label ?? cook.serial}</span>
                </Link>
                <Link className="button button--quiet" to={paths.cookDetail(cook.cookId)}>
                  Record<span className="visually-hidden"> of {cook.name}</span>
                </Link>
              </div>
            </li>
          );
        })}
      </ul>
      <EndedCooks devices={devices.data} display={display} />
    </main>
  );
}
