import { Suspense, lazy, useState } from 'react';
import type { CookView, DeviceView } from '../../../shared/api/schemas';
import { CookControls } from '../cooks/CookControls';
import { ALERTS_SHOWN } from '../cooks/cooksState';
import { probeCook } from '../cooks/cooksState';
import type { CookActions } from '../cooks/useCooks';
import type { HistorySource } from '../history/historySource';
import { ChannelReading } from './ChannelReading';
import { formatBattery, formatKind, formatPresence, formatWifi, isBatteryLow } from './format';

export interface DeviceCardProps {
  device: DeviceView;
  nowMs: number;
  /** The cook in progress on this device, if any. */
  cook?: CookView | undefined;
  /** Starting and ending cooks; without it the card shows no cook controls. */
  cookActions?: CookActions | undefined;
  /** Where the history chart fetches from and gets live readings; without it the card offers no history. */
  history?: HistorySource | undefined;
}

// uPlot and the chart code load only when someone first opens a history: the dashboard itself stays small.
// A chunk that fails to load (offline, a redeploy removed it) shows a message instead of breaking the page.
const HistoryPanel = lazy(() =>
  import('../history/HistoryPanel').catch(() => ({
    default: function ChartUnavailable() {
      return (
        <p className="banner banner--error" role="alert">
          Couldn't load the chart. Check your connection and reload the page.
        </p>
      );
    },
  })),
);

/** One thermometer: who it is, how it is doing, every probe channel, and its cook. */
export function DeviceCard({ device, nowMs, cook, cookActions, history }: DeviceCardProps) {
  const headingId = `device-${device.serial}`;
  const historyId = `history-${device.serial}`;
  const [historyOpen, setHistoryOpen] = useState(false);
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

      {history !== undefined && device.channels.length > 0 && (
        <div className="device__history">
          <button
            type="button"
            className="button button--quiet device__history-toggle"
            aria-expanded={historyOpen}
            aria-controls={historyOpen ? historyId : undefined}
            onClick={() => setHistoryOpen((open) => !open)}
          >
            History
          </button>
          {historyOpen && (
            <Suspense
              fallback={
                <p className="muted" role="status">
                  Loading chart…
                </p>
              }
            >
              <HistoryPanel id={historyId} device={device} cook={cook} source={history} />
            </Suspense>
          )}
        </div>
      )}

      {cookActions !== undefined && <CookControls device={device} cook={cook} actions={cookActions} nowMs={nowMs} />}
    </article>
  );
}
