import type { CookView, DeviceView } from '../../../shared/api/schemas';
import { CookControls } from '../cooks/CookControls';
import { ALERTS_SHOWN } from '../cooks/cooksState';
import { probeCook } from '../cooks/cooksState';
import type { CookActions } from '../cooks/useCooks';
import { ChannelReading } from './ChannelReading';
import { formatBattery, formatKind, formatPresence, formatWifi, isBatteryLow } from './format';

export interface DeviceCardProps {
  device: DeviceView;
  nowMs: number;
  /** The cook in progress on this device, if any. */
  cook?: CookView | undefined;
  /** Starting and ending cooks; without it the card shows no cook controls. */
  cookActions?: CookActions | undefined;
}

/** One thermometer: who it is, how it is doing, every probe channel, and its cook. */
export function DeviceCard({ device, nowMs, cook, cookActions }: DeviceCardProps) {
  const headingId = `device-${device.serial}`;
  return (
    <article className={`card device${device.online ? '' : ' device--offline'}`} aria-labelledby={headingId}>
      <header className="device__header">
        <h2 id={headingId} className="device__label">
          {device.label}
        </h2>
        <span className="device__kind">{formatKind(device.kind)}</span>
      </header>

      <dl className="device__facts">
        <div>
          <dt>Status</dt>
          <dd className={device.online ? 'is-online' : 'is-offline'}>{formatPresence(device.online, device.lastSeen, nowMs)}</dd>
        </div>
        <div>
          <dt>Battery</dt>
          <dd className={isBatteryLow(device.battery) ? 'is-warning' : undefined}>{formatBattery(device.battery)}</dd>
        </div>
        <div>
          <dt>Wi-Fi</dt>
          <dd>{formatWifi(device.wifiDbm)}</dd>
        </div>
      </dl>

      {device.channels.length > 0 ? (
        <ul className="device__channels" aria-label={`${device.label} probes`}>
          {device.channels.map((channel) => (
            <ChannelReading
              key={channel.number}
              serial={device.serial}
              channel={channel}
              cook={probeCook(cook, channel.number)}
              isPit={cook !== undefined && cook.pitChannel === channel.number}
              nowMs={nowMs}
            />
          ))}
        </ul>
      ) : (
        <p className="muted">This device reports no probe channels.</p>
      )}

      {cook !== undefined && cook.alerts.length > 0 && (
        <ul className="device__alerts" aria-label={`${device.label} alerts`} aria-live="polite">
          {cook.alerts.slice(-ALERTS_SHOWN).reverse().map((alert) => (
            <li key={`${alert.kind}-${alert.channel ?? 'pit'}-${alert.at}`} className={`alert alert--${alert.kind}`} data-testid="cook-alert">
              <time dateTime={alert.at}>{new Date(alert.at).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' })}</time> {alert.message}
            </li>
          ))}
        </ul>
      )}

      {cookActions !== undefined && <CookControls device={device} cook={cook} actions={cookActions} nowMs={nowMs} />}
    </article>
  );
}
