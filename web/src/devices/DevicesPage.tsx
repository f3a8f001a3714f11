import { useCallback, useMemo } from 'react';
import type { ReadingMessage } from '../../../shared/api/schemas';
import { accountNotice, newestReadingAt } from '../account/accountNotice';
import { AccountBanner } from '../account/AccountBanner';
import { useAccountStatus } from '../account/useAccountStatus';
import type { ApiClient } from '../api/client';
import { useCooks } from '../cooks/useCooks';
import type { HistorySource } from '../history/historySource';
import { LiveStatusBadge } from '../live/LiveStatusBadge';
import { createReadingHub } from '../live/readingHub';
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
  // Open history charts take live readings straight from the socket and append them themselves.
  const readings = useMemo(() => createReadingHub(), []);
  const history = useMemo<HistorySource>(() => ({ api, sessionToken, readings }), [api, sessionToken, readings]);
  const onReading = useCallback(
    (reading: ReadingMessage) => {
      applyReading(reading);
      readings.publish(reading);
    },
    [applyReading, readings],
  );
  const liveStatus = useLiveReadings({ wsUrl, sessionToken, onReading, onPrediction: applyPrediction, onAlert: applyAlert, onResync: refresh });
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
        <DeviceList devices={state.devices} nowMs={nowMs} cooks={cooks.cooks} cookActions={cookActions} history={history} />
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
