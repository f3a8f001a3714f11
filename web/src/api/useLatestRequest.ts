/**
 * "Only the newest request may write": a slow answer must not overwrite a later one, and a rejected session goes to
 * `onSessionEnded` instead of being shown as an error. Shared by the hooks that load data over HTTP.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { SessionExpiredError } from './errors';

export interface LatestRequest {
  /** Runs `request`; `onOk`/`onError` are called only if no newer request (or `outdate`) came since. */
  run<T>(request: () => Promise<T>, onOk: (value: T) => void, onError?: (error: unknown) => void): void;
  /** Makes every answer still in flight stale (unmount, a new session, a local change the server already knows). */
  outdate(): void;
  /** Hands a rejected session to `onSessionEnded`; true when it was one. */
  sessionEnded(error: unknown): boolean;
}

export function useLatestRequest(onSessionEnded: (notice: string) => void): LatestRequest {
  const latest = useRef(0);
  const ended = useRef(onSessionEnded);
  useEffect(() => {
    ended.current = onSessionEnded;
  }, [onSessionEnded]);

  const sessionEnded = useCallback((error: unknown) => {
    if (!(error instanceof SessionExpiredError)) return false;
    ended.current(error.message);
    return true;
  }, []);

  const run = useCallback(
    <T,>(request: () => Promise<T>, onOk: (value: T) => void, onError?: (error: unknown) => void) => {
      const id = ++latest.current;
      request().then(
        (value) => {
          if (id === latest.current) onOk(value);
        },
        (error: unknown) => {
          if (id !== latest.current || sessionEnded(error)) return;
          onError?.(error);
        },
      );
    },
    [sessionEnded],
  );

  const outdate = useCallback(() => {
    latest.current++;
  }, []);

  return useMemo(() => ({ run, outdate, sessionEnded }), [run, outdate, sessionEnded]);
}
