import type { ChannelView } from '../../../shared/api/schemas';
import { ProbeAlarmLink } from '../alarms/ProbeAlarmLink';
import type { ProbeCook } from '../cooks/cooksState';
import { describeProbeCook } from '../cooks/predictionFormat';
import { channelDisplay, formatAgo } from '../devices/format';
import { formatRate, formatTemperature } from '../settings/temperature';
import type { Display } from '../settings/useDisplay';
import type { ProbeStats } from './probeStats';

export interface ProbeReadoutProps {
  serial: string;
  channel: ChannelView;
  cook: ProbeCook | null;
  isPit: boolean;
  /** From the chart's data, in the display units; null until it has loaded. */
  stats: ProbeStats | null;
  /** Min/max cover the cook since it began; without a cook they are not shown. */
  cooking: boolean;
  nowMs: number;
  display: Display;
}

/** A reading older than this gets a "2 min ago" badge: the number on screen is no longer live. */
export const STALE_AFTER_MS = 60_000;

/** One probe, big enough to read across the yard: temperature, target, rate, min/max, ETA with its range and phase. */
export function ProbeReadout({ serial, channel, cook, isPit, stats, cooking, nowMs, display }: ProbeReadoutProps) {
  const shown = channelDisplay(channel, display.units);
  const at = channel.at === null ? NaN : Date.parse(channel.at);
  const stale = shown.kind === 'value' && Number.isFinite(at) && nowMs - at > STALE_AFTER_MS;
  const view = cook === null ? null : describeProbeCook({ targetF: cook.targetF, units: display.units, prediction: cook.prediction }, nowMs, display.clock);
  const units = display.units;
  const temperature = (value: number | null | undefined) => (value === null || value === undefined ? '—' : formatTemperature(value, units, units));

  return (
    <li className={`readout${cook !== null ? ' readout--cooking' : ''}`} data-testid={`readout-${channel.number}`}>
      <div className="readout__head">
        <h2 className="readout__name">
          {channel.label}
          {isPit && <span className="tag">Pit</span>}
        </h2>
        {stale && (
          <span className="badge badge--stale" data-testid={`stale-${channel.number}`}>
            {formatAgo(channel.at, nowMs, display.clock)}
          </span>
        )}
      </div>
      <p className="readout__value" aria-live="polite" aria-atomic="true">
        {shown.kind === 'value' ? (
          <>
            <span data-testid={`temp-${serial}-${channel.number}`}>{shown.number}</span>
            <span className="readout__unit" data-testid={`unit-${serial}-${channel.number}`}>
              {shown.unit}
            </span>
          </>
        ) : (
          <span className="readout__empty" data-testid={`temp-${serial}-${channel.number}`}>
            {shown.kind === 'no-probe' ? 'No probe' : 'Waiting…'}
          </span>
        )}
      </p>
      <dl className="readout__facts">
        {view !== null && (
          <div>
            <dt>Target</dt>
            <dd data-testid={`target-${serial}-${channel.number}`}>{view.targetTemperature}</dd>
          </div>
        )}
        {channel.units !== 'H' && (
          <div>
            <dt>Rate</dt>
            <dd data-testid={`rate-${channel.number}`}>{stats?.ratePerHour === null || stats === null ? '—' : formatRate(stats.ratePerHour, units, units)}</dd>
          </div>
        )}
        {cooking && channel.units !== 'H' && (
          <div>
            <dt>Min / max this cook</dt>
            <dd data-testid={`minmax-${channel.number}`}>
              {temperature(stats?.min)} / {temperature(stats?.max)}
            </dd>
          </div>
        )}
        {view !== null && view.phase !== null && (
          <div>
            <dt>Phase</dt>
            <dd>{view.phase}</dd>
          </div>
        )}
      </dl>
      {view !== null && (
        <p className="readout__eta" data-testid={`eta-${serial}-${channel.number}`}>
          {view.eta.kind === 'eta' && (
            <>
              Ready at about <strong>{view.eta.clock}</strong>, {view.eta.countdown}.
              {view.eta.range !== null && <span className="readout__range"> 80 % likely {view.eta.range}.</span>}
            </>
          )}
          {view.eta.kind === 'done' && 'At target: pull it and let it rest.'}
          {view.eta.kind === 'none' && `${view.eta.message}.`}
        </p>
      )}
      {view !== null && view.basedOn !== null && (
        <p className="readout__based-on muted" data-testid={`based-on-${serial}-${channel.number}`}>
          {view.basedOn}
        </p>
      )}
      {channel.units !== 'H' && <ProbeAlarmLink serial={serial} channel={channel.number} label={channel.label} targetF={cook?.targetF ?? null} units={display.units} />}
    </li>
  );
}
