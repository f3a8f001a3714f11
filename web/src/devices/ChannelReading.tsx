import type { ChannelView } from '../../../shared/api/schemas';
import type { ProbeCook } from '../cooks/cooksState';
import { ProbeCookInfo } from '../cooks/ProbeCookInfo';
import { channelDisplay } from './format';

export interface ChannelReadingProps {
  serial: string;
  channel: ChannelView;
  /** The probe's part in a cook in progress: its target and prediction. */
  cook?: ProbeCook | null;
  /** This channel measures the pit in the cook in progress. */
  isPit?: boolean;
  nowMs: number;
}

/**
 * One probe: its label and temperature. The number sits alone in the `temp-{serial}-{channel}` element so
 * tests (and screen readers, via aria-live) read exactly the value. During a cook, a meat probe also shows
 * its target and done-time estimate.
 */
export function ChannelReading({ serial, channel, cook = null, isPit = false, nowMs }: ChannelReadingProps) {
  const display = channelDisplay(channel);
  const testId = `temp-${serial}-${channel.number}`;

  return (
    <li className={`channel channel--${display.kind}${cook !== null ? ' channel--cooking' : ''}`}>
      <div className="channel__row">
        <span className="channel__label">
          {channel.label}
          {isPit && <span className="tag">Pit</span>}
        </span>
        <span className="channel__reading" aria-live="polite" aria-atomic="true">
          {display.kind === 'value' ? (
            <>
              <span className="channel__value" data-testid={testId}>
                {display.number}
              </span>
              <span className="channel__unit">{display.unit}</span>
            </>
          ) : (
            <span className="channel__empty" data-testid={testId}>
              {display.kind === 'no-probe' ? 'No probe' : 'Waiting…'}
            </span>
          )}
        </span>
      </div>
      {cook !== null && <ProbeCookInfo serial={serial} channel={channel} cook={cook} nowMs={nowMs} />}
    </li>
  );
}
