import { useCallback } from 'react';
import { accountNotice, newestReadingAt } from '../account/accountNotice';
import { AccountBanner } from '../account/AccountBanner';
import { useAccountStatus } from '../account/useAccountStatus';
import type { ApiClient } from '../api/client';
import { useCooks } from '../cooks/useCooks';
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

const RELINK_NOTICE = 'Sign in with your ThermoWorks password to resume polling.';

/**
 * The live dashboard: every device with its cook, kept current over the WebSocket (readings and predictions),
 * re-synced over HTTP after gaps; above it, whether Pitwatch can still read the ThermoWorks account.
 */
export function DevicesPage({ api, wsUrl, sessionToken, onSessionEnded }: DevicesPageProps) {
  const { state, refresh: refreshDevices, applyReading } = useDevices(api, sessionToken, onSessionEnded);
  const { state: cooks, refresh: refreshCooks, applyPrediction, applyAlert, actions: cookActions } = useCooks(api, sessionToken, onSessionEnded);
  const { knowledge, refresh: refreshAccount } = useAccountStatus(api, sessionToken, onSessionEnded);
  const refresh = useCallback(() => {
    refreshDevices();
    refreshCooks();
    refreshAccount();
  }, [refreshDevices, refreshCooks, refreshAccount]);
  const liveStatus = useLiveReadings({ wsUrl, sessionToken, onReading: applyReading, onPrediction: applyPrediction, onAlert: applyAlert, onResync: refresh });
  const nowMs = useNow();
  const notice = accountNotice(knowledge, nowMs, newestReadingAt(state.devices));
  const error = state.error ?? cooks.error;

  return (
    <main className="page" aria-busy={state.devices === null && state.error === null}>
      <div className="page__title-row">
        <h1>Your thermometers</h1>
        <div className="page__status">
          {notice.lastReading !== null && (
            <span className="page__meta" data-testid="last-reading">
              {notice.lastReading}
            </span>
          )}
          <LiveStatusBadge status={liveStatus} />
        </div>
      </div>

      <AccountBanner banner={notice.banner} onSignOut={() => onSessionEnded(RELINK_NOTICE)} />

      {error !== null && (
        <div className="banner banner--error" role="alert">
          <span>{error}</span>
          <button type="button" className="button" onClick={refresh}>
            Try again
          </button>
        </div>
      )}

      {state.devices !== null ? (
        <DeviceList devices={state.devices} nowMs={nowMs} cooks={cooks.cooks} cookActions={cookActions} />
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
