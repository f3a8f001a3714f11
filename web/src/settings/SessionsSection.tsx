import { useMutation, useQueryClient } from '@tanstack/react-query';
import { queryKeys, useSessionsQuery } from '../api/queries';
import { describeError } from '../api/errors';
import { useSignedIn } from '../auth/SessionContext';
import { formatClock } from '../cooks/predictionFormat';
import { useNow } from '../devices/useNow';
import type { Display } from './useDisplay';

/** Where this account is signed in, with a way to sign any other session out, or all of them. */
export function SessionsSection({ display }: { display: Display }) {
  const { api, token } = useSignedIn();
  const queryClient = useQueryClient();
  const sessions = useSessionsQuery();
  const nowMs = useNow();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.sessions });
  const revoke = useMutation({ mutationFn: (sessionId: string) => api.revokeSession(token, sessionId), onSettled: refresh });
  const revokeOthers = useMutation({ mutationFn: () => api.revokeOtherSessions(token), onSettled: refresh });
  const others = (sessions.data ?? []).filter((s) => !s.current);
  const error = revoke.error ?? revokeOthers.error ?? sessions.error;

  return (
    <section className="card settings__section" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Where you're signed in</h2>
      {sessions.isPending && <p role="status">Loading sessions…</p>}
      <ul className="session-list">
        {(sessions.data ?? []).map((session) => (
          <li key={session.sessionId} className="session-list__item" data-testid="session">
            <div>
              <p className="session-list__agent">
                {describeAgent(session.userAgent)}
                {session.current && <span className="tag">This screen</span>}
              </p>
              <p className="muted">
                Signed in {formatClock(Date.parse(session.createdAt), nowMs, display.clock)} · last used {formatClock(Date.parse(session.lastUsedAt), nowMs, display.clock)}
                {session.ipPrefix !== null && ` · from ${session.ipPrefix}`}
              </p>
            </div>
            {!session.current && (
              <button type="button" className="button" disabled={revoke.isPending} onClick={() => revoke.mutate(session.sessionId)}>
                Sign out<span className="visually-hidden"> {describeAgent(session.userAgent)}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
      {others.length > 0 && (
        <button type="button" className="button" disabled={revokeOthers.isPending} onClick={() => revokeOthers.mutate()}>
          Sign out everywhere else
        </button>
      )}
      <p className="form-error" role="alert">
        {error !== null ? describeError(error) : null}
      </p>
    </section>
  );
}

/** "Chrome on Linux" from a user agent, roughly; the raw string is too long to read at a glance. */
export function describeAgent(userAgent: string | null): string {
  if (userAgent === null || userAgent.trim() === '') return 'Unknown browser';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\/|Chromium\/|HeadlessChrome\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : /curl|node|undici/i.test(userAgent)
            ? 'A script'
            : 'A browser';
  const os = /Android/.test(userAgent) ? 'Android' : /iPhone|iPad/.test(userAgent) ? 'iOS' : /Mac OS X/.test(userAgent) ? 'macOS' : /Windows/.test(userAgent) ? 'Windows' : /Linux/.test(userAgent) ? 'Linux' : null;
  return os === null ? browser : `${browser} on ${os}`;
}
