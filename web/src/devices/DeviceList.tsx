import type { CookView, DeviceView } from '../../../shared/api/schemas';
import type { CookActions } from '../cooks/CookControls';
import { findCook } from '../cooks/cooksState';
import type { Display } from '../settings/useDisplay';
import { DeviceCard } from './DeviceCard';

export interface DeviceListProps {
  devices: DeviceView[];
  nowMs: number;
  display: Display;
  /** Cooks in progress; null while they are still loading. */
  cooks?: CookView[] | null;
  cookActions?: CookActions;
}

/** The grid of device cards, or the empty state when the account has none. */
export function DeviceList({ devices, nowMs, display, cooks = null, cookActions }: DeviceListProps) {
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
          display={display}
          cook={findCook(cooks, device.serial)}
          // Until the cooks are known, "Start cook" could restart one already running: wait for the list.
          cookActions={cooks === null ? undefined : cookActions}
        />
      ))}
    </div>
  );
}
