/**
 * The one TanStack Query client: server state (devices, cooks, account, settings, sessions) lives in its cache, read
 * over HTTP and kept current by WebSocket messages (live/liveMessages.ts). A rejected session is never retried.
 */
import { QueryClient } from '@tanstack/react-query';
import { ApiError, SessionExpiredError } from '../api/errors';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Live messages keep the cache fresh; a focus or reconnect re-reads what may have been missed.
        staleTime: 10_000,
        refetchOnWindowFocus: true,
        refetchOnReconnect: true,
        // Network blips are worth two more tries; an answer from the server (4xx) is not.
        retry: (failures, error) => !(error instanceof ApiError) && failures < 2,
      },
      mutations: { retry: false },
    },
  });
}

/** True when an error means the session is over (the app goes to sign-in instead of showing it). */
export function isSessionEnded(error: unknown): error is SessionExpiredError {
  return error instanceof SessionExpiredError;
}
