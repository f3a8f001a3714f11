import type { CookView, DeviceView } from '../../../shared/api/schemas';
import { findCook } from '../cooks/cooksState';
import type { CookActions } from '../cooks/useCooks';
import type { HistorySource } from '../history/historySource';
import { DeviceCard } from './DeviceCard';

export interface DeviceListProps {
  devices: DeviceView[];
  nowMs: number;
  /** Cooks in progress; null while they are still loading. */
  cooks?: CookView[] | null;
  cookActions?: CookActions;
  /** Lets each card open a history chart. */
  history?: HistorySource;
}

/** The grid of device cards, or the empty state when the account has none. */
export function DeviceList({ devices, nowMs, cooks = null, cookActions, history }: DeviceListProps) {
  if (devices.length === 0) {
    return (
      <div className="empty card">
        <p className="empty__title">No devices on this ThermoWorks account yet</p>
        <p className="muted">Pair a thermometer in the ThermoWorks app; it will show up here.</p>
      </div>
    );
  }
  return (
    <div className="device-grid">
      {devices.map((device) => (
        <DeviceCard
          key={device.serial}
          device={device}
          nowMs={nowMs}
          cook={findCook(cooks, device.serial)}
          // Until the cooks are known, "Start cook" could restart one already running: wait for the list.
          cookActions={cooks === null ? undefined : cookActions}
          history={history}
        />
      ))}
    </div>
  );
}
