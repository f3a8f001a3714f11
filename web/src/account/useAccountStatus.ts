/**
 * The linked ThermoWorks account's health (GET /account), re-read every minute and on demand. A failure here is
 * not worth a banner of its own (the device list shows when Pitwatch is unreachable): the last answer stays.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../api/client';
import { ApiError } from '../api/errors';
import { useLatestRequest } from '../api/useLatestRequest';
import type { AccountKnowledge } from './accountNotice';

const REFRESH_MS = 60_000;

export function useAccountStatus(
  api: ApiClient,
  sessionToken: string,
  onSessionEnded: (notice: string) => void,
): { knowledge: AccountKnowledge; refresh(): void } {
  const [knowledge, setKnowledge] = useState<AccountKnowledge>({ kind: 'unknown' });
  const latest = useLatestRequest(onSessionEnded);

  const refresh = useCallback(() => {
    latest.run(
      () => api.getAccount(sessionToken),
      (account) => setKnowledge({ kind: 'loaded', account }),
      (error) => {
        if (error instanceof ApiError && error.status === 404) setKnowledge({ kind: 'unlinked' });
      },
    );
  }, [api, sessionToken, latest]);

  useEffect(() => {
    refresh();
    const id = setInterval(refresh, REFRESH_MS);
    return () => {
      clearInterval(id);
      latest.outdate();
    };
  }, [refresh, latest]);

  return { knowledge, refresh };
}
