/** API tokens for tools (Prometheus, Home Assistant's REST sensors, the MCP server): make one, see it once, revoke. */
import { useId, useState } from 'react';
import type { CreatedApiToken } from './integrationsApi';
import { describeError } from '../api/errors';
import { useApiTokenActions, useApiTokensQuery } from './integrationsApi';
import { formatClock } from '../cooks/predictionFormat';
import { useNow } from '../devices/useNow';
import type { Display } from '../settings/useDisplay';

type Scope = 'read' | 'read-write';

export function ApiTokensSection({ display }: { display: Display }) {
  const tokens = useApiTokensQuery();
  const { create, revoke } = useApiTokenActions();
  const nowMs = useNow();
  const id = useId();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<Scope>('read');
  const [nameError, setNameError] = useState<string | null>(null);
  const [made, setMade] = useState<CreatedApiToken | null>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const when = (iso: string) => formatClock(Date.parse(iso), nowMs, display.clock);

  const copy = async (token: string) => {
    try {
      await navigator.clipboard.writeText(token);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };

  return (
    <section className="card integrations__section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>API tokens</h2>
      <p className="muted">For tools that read (or change) your Pitwatch data: a Prometheus scraper, a script, the MCP server. Send it as <code>Authorization: Bearer pw_…</code>.</p>
      <form
        className="integrations__form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const trimmed = name.trim();
          if (trimmed === '') return setNameError('Name the token after what will use it, such as Prometheus.');
          if (trimmed.length > 64) return setNameError('At most 64 characters.');
          setNameError(null);
          setCopied(null);
          void create.mutateAsync({ name: trimmed, scopes: scope === 'read' ? ['read'] : ['read', 'write'] }).then((token) => {
            setMade(token);
            setName('');
          }, () => undefined);
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-name`}>Token name</label>
          <input id={`${id}-name`} value={name} maxLength={80} onChange={(e) => setName(e.target.value)} aria-invalid={nameError !== null} aria-describedby={nameError !== null ? `${id}-name-error` : undefined} />
          {nameError !== null && (
            <p id={`${id}-name-error`} className="form-error">
              {nameError}
            </p>
          )}
        </div>
        <fieldset className="choice">
          <legend>May</legend>
          <div className="choice__options">
            {(
              [
                ['read', 'Read only'],
                ['read-write', 'Read and change'],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className="choice__option">
                <input type="radio" name={`${id}-scope`} value={value} checked={scope === value} onChange={() => setScope(value)} />
                {label}
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          Create token
        </button>
      </form>
      {create.error !== null && (
        <p className="form-error" role="alert">
          {describeError(create.error)}
        </p>
      )}
      {made !== null && (
        <div className="integrations__made" data-testid="new-token">
          <div className="field">
            <label htmlFor={`${id}-token`}>Your new token “{made.name}”: copy it now, it is not shown again</label>
            <input id={`${id}-token`} readOnly value={made.token} onFocus={(e) => e.target.select()} className="integrations__secret" />
          </div>
          <div className="integrations__actions">
            <button type="button" className="button" onClick={() => void copy(made.token)}>
              Copy token
            </button>
            <button type="button" className="button button--quiet" onClick={() => setMade(null)}>
              Done, hide it
            </button>
          </div>
          <p className="muted" role="status">
            {copied === 'yes' ? 'Copied.' : copied === 'no' ? "Couldn't copy: select the token and copy it." : ''}
          </p>
        </div>
      )}
      {tokens.isPending && <p role="status">Loading tokens…</p>}
      {tokens.data?.length === 0 && <p className="muted">No tokens yet.</p>}
      <ul className="session-list" aria-label="Your API tokens">
        {(tokens.data ?? []).map((token) => (
          <li key={token.tokenId} className="session-list__item" data-testid="api-token">
            <div>
              <p className="session-list__agent">
                {token.name}
                <span className="tag">{token.scopes.includes('write') ? 'read and change' : 'read only'}</span>
              </p>
              <p className="muted">
                Created {when(token.createdAt)} · {token.lastUsedAt === null ? 'never used' : `last used ${when(token.lastUsedAt)}`}
              </p>
            </div>
            {confirming === token.tokenId ? (
              <div className="integrations__actions" role="group" aria-label={`Revoke ${token.name}?`}>
                <span>Revoke it? Tools using it stop at once.</span>
                <button type="button" className="button button--primary" disabled={revoke.isPending} onClick={() => void revoke.mutateAsync(token.tokenId).finally(() => setConfirming(null))}>
                  Yes, revoke<span className="visually-hidden"> {token.name}</span>
                </button>
                <button type="button" className="button button--quiet" onClick={() => setConfirming(null)}>
                  Keep it
                </button>
              </div>
            ) : (
              <button type="button" className="button" onClick={() => setConfirming(token.tokenId)}>
                Revoke<span className="visually-hidden"> {token.name}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
      <p className="form-error" role="alert">
        {revoke.error !== null ? describeError(revoke.error) : tokens.error !== null ? describeError(tokens.error) : null}
      </p>
    </section>
  );
}
