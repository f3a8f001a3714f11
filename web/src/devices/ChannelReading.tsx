import type { ChannelView } from '../../../shared/api/schemas';
import type { ProbeCook } from '../cooks/cooksState';
import { ProbeCookInfo } from '../cooks/ProbeCookInfo';
import type { Display } from '../settings/useDisplay';
import { channelDisplay } from './format';

export interface ChannelReadingProps {
  serial: string;
  channel: ChannelView;
  /** The probe's part in a cook in progress: its target and prediction. */
  cook?: ProbeCook | null;
  /** This channel measures the pit in the cook in progress. */
  isPit?: boolean;
  nowMs: number;
  display: Display;
}

/**
 * One probe: its label and temperature in the display units. The number sits alone in the `temp-{serial}-{channel}`
 * element so tests (and screen readers, via aria-live) read exactly the value. During a cook, a meat probe also
 * shows its target and done-time estimate.
 */
export function ChannelReading({ serial, channel, cook = null, isPit = false, nowMs, display }: ChannelReadingProps) {
  const shown = channelDisplay(channel, display.units);
  const testId = `temp-${serial}-${channel.number}`;

  return (
    <li className={`channel channel--${shown.kind}${cook !== null ? ' channel--cooking' : ''}`}>
      <div className="channel__row">
        <span className="channel__label">
          {channel.label}
          {isPit && <span className="tag">Pit</span>}
        </span>
        <span className="channel__reading" aria-live="polite" aria-atomic="true">
          {shown.kind === 'value' ? (
            <>
              <span className="channel__value" data-testid={testId}>
                {shown.number}
              </span>
              <span className="channel__unit" data-testid={`unit-${serial}-${channel.number}`}>
                {shown.unit}
              </span>
            </>
          ) : (
            <span className="channel__empty" data-testid={testId}>
              {shown.kind === 'no-probe' ? 'No probe' : 'Waiting…'}
            </span>
          )}
        </span>
      </div>
      {cook !== null && <ProbeCookInfo serial={serial} channel={channel} cook={cook} nowMs={nowMs} display={display} />}
    </li>
  );
}
