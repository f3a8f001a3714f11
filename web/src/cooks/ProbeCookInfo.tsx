import type { Display } from '../settings/useDisplay';
import type { ProbeCook } from './cooksState';
import { describeProbeCook } from './predictionFormat';

export interface ProbeCookInfoProps {
  serial: string;
  channel: { number: string };
  cook: ProbeCook;
  nowMs: number;
  display: Display;
}

/**
 * A meat probe's cook: its target, phase and done-time estimate with its range. The estimate sits in
 * `eta-{serial}-{channel}` whatever it says. Deliberately not a live region: it changes on every poll and would
 * drown the temperatures.
 */
export function ProbeCookInfo({ serial, channel, cook, nowMs, display }: ProbeCookInfoProps) {
  const view = describeProbeCook({ targetF: cook.targetF, units: display.units, prediction: cook.prediction }, nowMs, display.clock);
  const phaseKind = cook.prediction?.phase ?? 'unknown';
  const eta = view.eta;

  return (
    <div className="probe-cook">
      <div className="probe-cook__head">
        <span className="probe-cook__target" data-testid={`target-${serial}-${channel.number}`}>
          <span aria-hidden="true">{view.target}</span>
          <span className="visually-hidden">Target {view.targetTemperature}</span>
        </span>
        {view.phase !== null && <span className={`probe-cook__phase probe-cook__phase--${phaseKind}`}>{view.phase}</span>}
      </div>
      <p className={`probe-cook__eta probe-cook__eta--${eta.kind}`} data-testid={`eta-${serial}-${channel.number}`}>
        {/* Spaces and full stops between the parts so they read as sentences, not "yetno readings". */}
        {eta.kind === 'eta' && (
          <>
            <span className="probe-cook__when">
              Ready at about <strong>{eta.clock}</strong>, {eta.countdown}.
            </span>
            {eta.range !== null && (
              <>
                {' '}
                <span className="probe-cook__range">80 % likely {eta.range}.</span>
              </>
            )}
          </>
        )}
        {eta.kind === 'done' && <span className="probe-cook__when">At target: pull it and let it rest.</span>}
        {eta.kind === 'none' && (
          <>
            <span className="probe-cook__when">{eta.message}.</span>
            {eta.reason !== null && (
              <>
                {' '}
                <span className="probe-cook__range">{sentence(eta.reason)}</span>
              </>
            )}
          </>
        )}
      </p>
      {view.basedOn !== null && (
        <p className="probe-cook__based-on muted" data-testid={`based-on-${serial}-${channel.number}`}>
          {view.basedOn}
        </p>
      )}
    </div>
  );
}

/** "probe silent" → "Probe silent." */
function sentence(text: string): string {
  const trimmed = text.trim();
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}${/[.!?]$/.test(trimmed) ? '' : '.'}`;
}
