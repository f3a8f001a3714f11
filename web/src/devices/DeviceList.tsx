import type { DeviceView } from '../../../shared/api/schemas';
import { DeviceCard } from './DeviceCard';

/** The grid of device cards, or the empty state when the account has none. */
export function DeviceList({ devices, nowMs }: { devices: DeviceView[]; nowMs: number }) {
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
        <DeviceCard key={device.serial} device={device} nowMs={nowMs} />
      ))}
    </div>
  );
}
