import { useState } from 'react';
import { describeError } from '../api/errors';
import { DEMO_HINT, isLocalHost } from './demoHint';
import { LoginForm } from './LoginForm';
import { useSessionState } from './SessionContext';

/** Signs in through the API; the router then goes where the user was heading. Shows the server's words when it refuses. */
export default function SignInPage() {
  const { api, signIn, notice } = useSessionState();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (email: string, password: string) => {
    setBusy(true);
    setError(null);
    try {
      signIn(await api.login(email, password));
    } catch (caught) {
      setError(describeError(caught));
      setBusy(false);
    }
  };

  return (
    <main className="page page--narrow">
      <LoginForm
        onSubmit={(email, password) => void submit(email, password)}
        busy={busy}
        error={error}
        notice={error === null ? notice : null}
        demoHint={isLocalHost(window.location.hostname) ? DEMO_HINT : null}
      />
    </main>
  );
}
