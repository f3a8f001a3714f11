import { useMemo } from 'react';
import { createApiClient } from '../api/client';
import { LoginPage } from '../auth/LoginPage';
import type { SessionStore } from '../auth/session';
import { useSession } from '../auth/useSession';
import { DevicesPage } from '../devices/DevicesPage';
import { AppHeader } from './AppHeader';
import { useConfig } from './useConfig';

/** Config first, then either the sign-in form or the dashboard: two screens need no router. */
export function App({ sessionStore }: { sessionStore: SessionStore }) {
  const { state: config, retry } = useConfig();
  const { session, notice, signIn, signOut } = useSession(sessionStore);
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
              <p className="muted">Check your connection, then try again.</p>
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

  if (session === null) {
    return (
      <>
        <AppHeader />
        <LoginPage api={api} onSignedIn={signIn} notice={notice} />
      </>
    );
  }

  return (
    <>
      <AppHeader email={session.user.email} onSignOut={() => signOut()} />
      {/* Keyed by token: a new session starts from a clean device list and a fresh socket. */}
      <DevicesPage
        key={session.sessionToken}
        api={api}
        wsUrl={ready.wsUrl}
        sessionToken={session.sessionToken}
        onSessionEnded={signOut}
      />
    </>
  );
}
