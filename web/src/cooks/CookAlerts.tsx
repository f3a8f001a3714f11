import type { CookView, DeviceView } from '../../../shared/api/schemas';
import type { Display } from '../settings/useDisplay';
import { alertText } from './alertText';
import { ALERTS_SHOWN } from './cooksState';
import { formatClock } from './predictionFormat';

/** A cook's latest alerts, newest first, each naming its probe as the device does. */
export function CookAlerts({ device, cook, nowMs, display }: { device: DeviceView; cook: CookView; nowMs: number; display: Display }) {
  if (cook.alerts.length === 0) return null;
  const probeName = (channel: string) => device.channels.find((c) => c.number === channel)?.label;
  return (
    <ul className="device__alerts" aria-label={`${device.label} alerts`} aria-live="polite">
      {cook.alerts
        .slice(-ALERTS_SHOWN)
        .reverse()
        .map((alert) => (
          <li key={`${alert.kind}-${alert.channel ?? 'pit'}-${alert.at}`} className={`alert alert--${alert.kind}`} data-testid="cook-alert">
            <time dateTime={alert.at}>{formatClock(Date.parse(alert.at), nowMs, display.clock)}</time> {alertText(alert, probeName, display.units)}
          </li>
        ))}
    </ul>
  );
}
