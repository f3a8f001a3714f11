import { useId, useState, type FormEvent } from 'react';

export interface LoginFormProps {
  onSubmit(email: string, password: string): void;
  busy: boolean;
  error: string | null;
  notice: string | null;
  demoHint: string | null;
}

/** The sign-in form. Presentational: what happens on submit is the page's business. */
export function LoginForm({ onSubmit, busy, error, notice, demoHint }: LoginFormProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const id = useId();
  const errorId = `${id}-error`;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!busy) onSubmit(email.trim(), password);
  };

  return (
    <form className="login card" onSubmit={submit} aria-busy={busy} noValidate>
      <h1 className="login__title">Sign in to Pitwatch</h1>
      <p className="login__lead">Use your ThermoWorks account.</p>
      {notice !== null && <p className="notice">{notice}</p>}

      <div className="field">
        <label htmlFor={`${id}-email`}>Email</label>
        <input
          id={`${id}-email`}
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={error !== null}
          aria-describedby={error !== null ? errorId : undefined}
        />
      </div>

      <div className="field">
        <label htmlFor={`${id}-password`}>Password</label>
        <input
          id={`${id}-password`}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={error !== null}
          aria-describedby={error !== null ? errorId : undefined}
        />
      </div>

      {/* Always in the DOM so screen readers announce a new error the moment it appears. */}
      <p id={errorId} className="form-error" role="alert">
        {error}
      </p>

      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>

      {demoHint !== null && <p className="login__hint">{demoHint}</p>}
    </form>
  );
}
