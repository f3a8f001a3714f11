import type { ChannelView } from '../../../shared/api/schemas';
import { channelDisplay } from './format';

export interface ChannelReadingProps {
  serial: string;
  channel: ChannelView;
}

/**
 * One probe: its label and temperature. The number sits alone in the `temp-{serial}-{channel}` element so
 * tests (and screen readers, via aria-live) read exactly the value.
 */
export function ChannelReading({ serial, channel }: ChannelReadingProps) {
  const display = channelDisplay(channel);
  const testId = `temp-${serial}-${channel.number}`;

  return (
    <li className={`channel channel--${display.kind}`}>
      <span className="channel__label">{channel.label}</span>
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
    </li>
  );
}
