/** Loads /config.json once at start-up; the API and WebSocket URLs come from nowhere else. */
import { useCallback, useEffect, useState } from 'react';
import type { WebConfig } from '../../../shared/api/schemas';
import { loadConfig } from '../api/client';
import { describeError } from '../api/errors';
import { configureClock } from './clock';

export type ConfigState =
  | { status: 'loading' }
  | { status: 'ready'; config: WebConfig }
  | { status: 'failed'; message: string };

export function useConfig(): { state: ConfigState; retry(): void } {
  const [state, setState] = useState<ConfigState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    loadConfig().then(
      (config) => {
        if (!current) return;
        configureClock(config.clock); // before anything that shows a time renders
        setState({ status: 'ready', config });
      },
      (error: unknown) => current && setState({ status: 'failed', message: describeError(error) }),
    );
    return () => {
      current = false;
    };
  }, [attempt]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  return { state, retry };
}
