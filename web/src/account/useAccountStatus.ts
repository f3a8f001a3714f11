/**
 * The linked ThermoWorks account's health (GET /account), re-read every minute and on demand. A failure here is
 * not worth a banner of its own (the device list shows when Pitwatch is unreachable): the last answer stays.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api/client';
import { ApiError, SessionExpiredError } from '../api/errors';
import type { AccountKnowledge } from './accountNotice';

const REFRESH_MS = 60_000;

export function useAccountStatus(
  api: ApiClient,
  sessionToken: string,
  onSessionEnded: (notice: string) => void,
): { knowledge: AccountKnowledge; refresh(): void } {
  const [knowledge, setKnowledge] = useState<AccountKnowledge>({ kind: 'unknown' });
  const latestRequest = useRef(0);
  const sessionEnded = useRef(onSessionEnded);
  useEffect(() => {
    sessionEnded.current = onSessionEnded;
  }, [onSessionEnded]);

  const refresh = useCallback(() => {
    const request = ++latestRequest.current;
    api.getAccount(sessionToken).then(
      (account) => {
        if (request === latestRequest.current) setKnowledge({ kind: 'loaded', account });
      },
      (error: unknown) => {
        if (request !== latestRequest.current) return;
        if (error instanceof SessionExpiredError) sessionEnded.current(error.message);
        else if (error instanceof ApiError && error.status === 404) setKnowledge({ kind: 'unlinked' });
      },
    );
  }, [api, sessionToken]);

  useEffect(() => {
    refresh();
    const id = setInterval(refresh, REFRESH_MS);
    return () => {
      clearInterval(id);
      latestRequest.current++;
    };
  }, [refresh]);

  return { knowledge, refresh };
}
