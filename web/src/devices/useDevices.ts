/**
 * The signed-in user's devices: loaded over HTTP, kept current by live readings, reloadable at any time.
 * A rejected session is passed to `onSessionEnded` instead of being shown as an error.
 */
import { useCallback, useEffect, useReducer } from 'react';
import type { ReadingMessage } from '../../../shared/api/schemas';
import type { ApiClient } from '../api/client';
import { describeError } from '../api/errors';
import { useLatestRequest } from '../api/useLatestRequest';
import { devicesReducer, initialDevicesState, type DevicesState } from './devicesState';

export interface DevicesHook {
  state: DevicesState;
  refresh(): void;
  applyReading(reading: ReadingMessage): void;
}

export function useDevices(api: ApiClient, sessionToken: string, onSessionEnded: (notice: string) => void): DevicesHook {
  const [state, dispatch] = useReducer(devicesReducer, initialDevicesState);
  const latest = useLatestRequest(onSessionEnded);

  const refresh = useCallback(() => {
    latest.run(
      () => api.listDevices(sessionToken),
      (devices) => dispatch({ type: 'loaded', devices }),
      (error) => dispatch({ type: 'failed', message: describeError(error) }),
    );
  }, [api, sessionToken, latest]);

  useEffect(() => {
    refresh();
    // Unmount or a new session: make every answer still in flight stale.
    return () => latest.outdate();
  }, [refresh, latest]);

  const applyReading = useCallback((reading: ReadingMessage) => dispatch({ type: 'reading', reading }), []);

  return { state, refresh, applyReading };
}
