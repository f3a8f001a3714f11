/**
 * The signed-in user's devices: loaded over HTTP, kept current by live readings, reloadable at any time.
 * A rejected session is passed to `onSessionEnded` instead of being shown as an error.
 */
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { ReadingMessage } from '../../../shared/api/schemas';
import type { ApiClient } from '../api/client';
import { SessionExpiredError, describeError } from '../api/errors';
import { devicesReducer, initialDevicesState, type DevicesState } from './devicesState';

export interface DevicesHook {
  state: DevicesState;
  refresh(): void;
  applyReading(reading: ReadingMessage): void;
}

export function useDevices(api: ApiClient, sessionToken: string, onSessionEnded: (notice: string) => void): DevicesHook {
  const [state, dispatch] = useReducer(devicesReducer, initialDevicesState);
  // Only the newest request may write: a slow answer must not overwrite a later one.
  const latestRequest = useRef(0);
  const sessionEnded = useRef(onSessionEnded);
  useEffect(() => {
    sessionEnded.current = onSessionEnded;
  }, [onSessionEnded]);

  const refresh = useCallback(() => {
    const request = ++latestRequest.current;
    api.listDevices(sessionToken).then(
      (devices) => {
        if (request === latestRequest.current) dispatch({ type: 'loaded', devices });
      },
      (error: unknown) => {
        if (request !== latestRequest.current) return;
        if (error instanceof SessionExpiredError) sessionEnded.current(error.message);
        else dispatch({ type: 'failed', message: describeError(error) });
      },
    );
  }, [api, sessionToken]);

  useEffect(() => {
    refresh();
    // Unmount or a new session: make every answer still in flight stale.
    return () => {
      latestRequest.current++;
    };
  }, [refresh]);

  const applyReading = useCallback((reading: ReadingMessage) => dispatch({ type: 'reading', reading }), []);

  return { state, refresh, applyReading };
}
