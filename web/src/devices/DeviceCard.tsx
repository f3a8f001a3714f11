import { Link } from 'react-router';
import type { CookView, DeviceView } from '../../../shared/api/schemas';
import { paths } from '../app/routes';
import { CookAlerts } from '../cooks/CookAlerts';
import { CookControls, type CookActions } from '../cooks/CookControls';
import { probeCook } from '../cooks/cooksState';
import type { Display } from '../settings/useDisplay';
import { ChannelReading } from './ChannelReading';
import { formatBattery, formatKind, formatPresence, formatWifi, isBatteryLow } from './format';

export interface DeviceCardProps {
  device: DeviceView;
  nowMs: number;
  display: Display;
  /** The cook in progress on this device, if any. */
  cook?: CookView | undefined;
  /** Starting and ending cooks; without it the card shows no cook controls. */
  cookActions?: CookActions | undefined;
}

/** One thermometer: who it is, how it is doing, every probe channel, its cook, and the way to its live view. */
export function DeviceCard({ device, nowMs, display, cook, cookActions }: DeviceCardProps) {
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
          <dd className={device.online ? 'is-online' : 'is-offline'}>{formatPresence(device.online, device.lastSeen, nowMs, display.clock)}</dd>
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
              display={display}
            />
          ))}
        </ul>
      ) : (
        <p className="muted">This device reports no probe channels.</p>
      )}

      {cook !== undefined && <CookAlerts device={device} cook={cook} nowMs={nowMs} display={display} />}

      <Link className="button device__live-link" to={paths.liveView(device.serial)}>
        Live view<span className="visually-hidden"> of {device.label}</span>
      </Link>

      {cookActions !== undefined && <CookControls device={device} cook={cook} actions={cookActions} nowMs={nowMs} display={display} />}
    </article>
  );
}
