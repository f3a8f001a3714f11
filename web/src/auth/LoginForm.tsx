import { useId, useState, type FormEvent } from 'react';
import { signInFieldErrors, type SignInFieldErrors } from './signInValidation';

export interface LoginFormProps {
  onSubmit(email: string, password: string): void;
  busy: boolean;
  /** The server's refusal ("Wrong email or password"), about the form as a whole. */
  error: string | null;
  notice: string | null;
  demoHint: string | null;
}

/** The sign-in form. Each field shows its own message; what happens on submit is the page's business. */
export function LoginForm({ onSubmit, busy, error, notice, demoHint }: LoginFormProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<SignInFieldErrors>({});
  const id = useId();
  const emailId = `${id}-email`;
  const passwordId = `${id}-password`;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const errors = signInFieldErrors(email, password);
    setFieldErrors(errors);
    if (errors.email !== undefined || errors.password !== undefined) {
      document.getElementById(errors.email !== undefined ? emailId : passwordId)?.focus();
      return;
    }
    onSubmit(email.trim(), password);
  };

  return (
    <form className="login card" onSubmit={submit} aria-busy={busy} noValidate>
      <h1 className="login__title">Sign in to Pitwatch</h1>
      <p className="login__lead">Use your ThermoWorks account.</p>
      {notice !== null && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}

      <div className="field">
        <label htmlFor={emailId}>Email</label>
        <input
          id={emailId}
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          required
          value={email}
          onChange={(e) => {
            setEmail(e.target.value);
            setFieldErrors((errors) => ({ ...errors, email: undefined }));
          }}
          aria-invalid={fieldErrors.email !== undefined}
          aria-describedby={fieldErrors.email !== undefined ? `${emailId}-error` : undefined}
        />
        {fieldErrors.email !== undefined && (
          <p id={`${emailId}-error`} className="field__error">
            {fieldErrors.email}
          </p>
        )}
      </div>

      <div className="field">
        <label htmlFor={passwordId}>Password</label>
        <input
          id={passwordId}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => {
            setPassword(e.target.value);
            setFieldErrors((errors) => ({ ...errors, password: undefined }));
          }}
          aria-invalid={fieldErrors.password !== undefined}
          aria-describedby={fieldErrors.password !== undefined ? `${passwordId}-error` : undefined}
        />
        {fieldErrors.password !== undefined && (
          <p id={`${passwordId}-error`} className="field__error">
            {fieldErrors.password}
          </p>
        )}
      </div>

      {/* Always in the DOM so screen readers announce a new error the moment it appears. */}
      <p className="form-error" role="alert">
        {error}
      </p>

      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>

      {demoHint !== null && <p className="login__hint">{demoHint}</p>}
    </form>
  );
}
