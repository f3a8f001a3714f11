import { useMemo } from 'react';
import { createApiClient } from '../api/client';
import { SessionProvider } from '../auth/SessionContext';
import type { SessionStore } from '../auth/session';
import { AppHeader } from './AppHeader';
import { AppRoutes } from './AppRoutes';
import { UpdatePrompt } from './UpdatePrompt';
import { useConfig } from './useConfig';

/** Config first (the API and WebSocket URLs), then the session and the screens. */
export function App({ sessionStore }: { sessionStore: SessionStore }) {
  const { state: config, retry } = useConfig();
  const ready = config.status === 'ready' ? config.config : null;
  const api = useMemo(() => (ready === null ? null : createApiClient(ready)), [ready]);

  if (ready === null || api === null) {
    return (
      <>
        <AppHeader />
        {config.status === 'failed' ? (
          <main className="page page--narrow">
            <div className="card banner--error" role="alert">
              <p className="empty__title">{config.message}</p>
              <p>Check your connection, then try again.</p>
              <button type="button" className="button button--primary" onClick={retry}>
                Try again
              </button>
            </div>
          </main>
        ) : (
          <main className="page">
            <p className="loading" role="status">
              Loading Pitwatch…
            </p>
          </main>
        )}
      </>
    );
  }

  return (
    <SessionProvider store={sessionStore} api={api} config={ready}>
      <AppRoutes />
      <UpdatePrompt />
    </SessionProvider>
  );
}
