import type { ApiClient } from '../api/client';
import { LiveStatusBadge } from '../live/LiveStatusBadge';
import { useLiveReadings } from '../live/useLiveReadings';
import { DeviceList } from './DeviceList';
import { useDevices } from './useDevices';
import { useNow } from './useNow';

export interface DevicesPageProps {
  api: ApiClient;
  wsUrl: string;
  sessionToken: string;
  onSessionEnded(notice: string): void;
}

/** The live dashboard: every device, kept current over the WebSocket, re-synced over HTTP after gaps. */
export function DevicesPage({ api, wsUrl, sessionToken, onSessionEnded }: DevicesPageProps) {
  const { state, refresh, applyReading } = useDevices(api, sessionToken, onSessionEnded);
  const liveStatus = useLiveReadings({ wsUrl, sessionToken, onReading: applyReading, onResync: refresh });
  const nowMs = useNow();

  return (
    <main className="page" aria-busy={state.devices === null && state.error === null}>
      <div className="page__title-row">
        <h1>Your thermometers</h1>
        <LiveStatusBadge status={liveStatus} />
      </div>

      {state.error !== null && (
        <div className="banner banner--error" role="alert">
          <span>{state.error}</span>
          <button type="button" className="button" onClick={refresh}>
            Try again
          </button>
        </div>
      )}

      {state.devices !== null ? (
        <DeviceList devices={state.devices} nowMs={nowMs} />
      ) : (
        state.error === null && (
          <p className="loading" role="status">
            Loading your devices…
          </p>
        )
      )}
    </main>
  );
}
