/**
 * Who is signed in, for every screen: the session, the API client, and signing out. A rejected session anywhere (an
 * HTTP 401, the server's `session-ended` message) signs out here, with a notice for the sign-in screen.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { WebConfig } from '../../../shared/api/schemas';
import type { ApiClient } from '../api/client';
import { isSessionEnded } from '../app/queryClient';
import type { Session, SessionStore } from './session';

export interface SessionState {
  config: WebConfig;
  api: ApiClient;
  session: Session | null;
  /** Why the user is looking at the sign-in form again, if it was not their choice. */
  notice: string | null;
  signIn(session: Session): void;
  /** Forgets the session here (and every cached answer). `notice` says why, when it was not the user's choice. */
  endSession(notice?: string): void;
  /** The user's "Sign out": ends the session on the server too, then here. */
  signOut(): Promise<void>;
}

export const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ store, api, config, children }: { store: SessionStore; api: ApiClient; config: WebConfig; children: ReactNode }) {
  const queryClient = useQueryClient();
  const [session, setSession] = useState<Session | null>(() => store.read());
  const [notice, setNotice] = useState<string | null>(null);

  const signIn = useCallback(
    (next: Session) => {
      store.save(next);
      queryClient.clear();
      setNotice(null);
      setSession(next);
    },
    [store, queryClient],
  );

  const endSession = useCallback(
    (why?: string) => {
      store.clear();
      queryClient.clear();
      setNotice(why ?? null);
      setSession(null);
    },
    [store, queryClient],
  );

  const signOut = useCallback(async () => {
    const token = session?.sessionToken;
    if (token !== undefined) await api.logout(token).catch(() => undefined); // offline: forgetting it here still signs out
    endSession();
  }, [api, session, endSession]);

  // Any query or mutation rejected for a dead session ends it, wherever it ran.
  useEffect(() => {
    const onError = (error: unknown) => {
      if (isSessionEnded(error)) endSession(error.message);
    };
    const unsubscribeQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') onError(event.action.error);
    });
    const unsubscribeMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') onError(event.action.error);
    });
    return () => {
      unsubscribeQueries();
      unsubscribeMutations();
    };
  }, [queryClient, endSession]);

  const value = useMemo(
    () => ({ config, api, session, notice, signIn, endSession, signOut }),
    [config, api, session, notice, signIn, endSession, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSessionState(): SessionState {
  const value = useContext(SessionContext);
  if (value === null) throw new Error('useSessionState outside SessionProvider');
  return value;
}

/** For screens behind sign-in: the session is there (the router only shows them then). */
export function useSignedIn(): SessionState & { session: Session; token: string } {
  const state = useSessionState();
  if (state.session === null) throw new Error('useSignedIn on a screen that does not require sign-in');
  return { ...state, session: state.session, token: state.session.sessionToken };
}
