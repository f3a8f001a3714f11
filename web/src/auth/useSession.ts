/** Who is signed in, and the two ways that changes. A forced sign-out carries a notice for the login form. */
import { useCallback, useState } from 'react';
import type { Session, SessionStore } from './session';

export interface SessionState {
  session: Session | null;
  /** Why the user is looking at the sign-in form again, if it was not their choice. */
  notice: string | null;
  signIn(session: Session): void;
  signOut(notice?: string): void;
}

export function useSession(store: SessionStore): SessionState {
  const [session, setSession] = useState<Session | null>(() => store.read());
  const [notice, setNotice] = useState<string | null>(null);

  const signIn = useCallback(
    (next: Session) => {
      store.save(next);
      setNotice(null);
      setSession(next);
    },
    [store],
  );

  const signOut = useCallback(
    (why?: string) => {
      store.clear();
      setNotice(why ?? null);
      setSession(null);
    },
    [store],
  );

  return { session, notice, signIn, signOut };
}
