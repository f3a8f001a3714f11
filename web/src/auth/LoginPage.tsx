import { useState } from 'react';
import { loginRequestSchema } from '../../../shared/api/schemas';
import type { ApiClient } from '../api/client';
import { describeError } from '../api/errors';
import { DEMO_HINT, isLocalHost } from './demoHint';
import { LoginForm } from './LoginForm';
import type { Session } from './session';

export interface LoginPageProps {
  api: ApiClient;
  onSignedIn(session: Session): void;
  notice: string | null;
}

/** Signs in through the API and hands the session up; shows the server's words when it refuses. */
export function LoginPage({ api, onSignedIn, notice }: LoginPageProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const signIn = async (email: string, password: string) => {
    // The same schema the API validates with: obvious mistakes are caught without a round trip.
    const request = loginRequestSchema.safeParse({ email, password });
    if (!request.success) {
      setError(email === '' || password === '' ? 'Enter your email and password' : 'Enter a valid email address');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.login(request.data.email, request.data.password));
    } catch (caught) {
      setError(describeError(caught));
      setBusy(false);
    }
  };

  return (
    <main className="page page--narrow">
      <LoginForm
        onSubmit={(email, password) => void signIn(email, password)}
        busy={busy}
        error={error}
        notice={error === null ? notice : null}
        demoHint={isLocalHost(window.location.hostname) ? DEMO_HINT : null}
      />
    </main>
  );
}
