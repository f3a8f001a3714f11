import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError, describeError } from '../api/errors';
import { useSessionState } from '../auth/SessionContext';
import { createAlarmLinkApi, type AlarmLinkPreview } from './alarmApi';
import './alarms.css';

const BUTTON: Record<AlarmLinkPreview['act'], string> = { ack: 'Acknowledge the alarm', snooze: 'Snooze the alarm 10 min', verify: 'Confirm this email address' };

/**
 * `/alarm-links?token=…`: the page an email's (or a webhook's) signed link opens, signed in or not. It says what the
 * link does and does it only when the button is pressed: mail scanners that fetch every link change nothing.
 */
export default function AlarmLinkPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { config, session } = useSessionState();
  const links = useMemo(() => createAlarmLinkApi(config), [config]);
  const preview = useQuery({ queryKey: ['alarm-link', token], queryFn: () => links.previewLink(token), enabled: token !== '', retry: false });
  const follow = useMutation({ mutationFn: () => links.followLink(token) });

  return (
    <main className="page page--narrow section-stack">
      <h1>Pitwatch alarm link</h1>
      <section className="card section-stack" aria-live="polite">
        {token === '' && <p>This link has no token. Open it from the email again.</p>}
        {preview.isPending && token !== '' && (
          <p className="loading" role="status">
            Checking the link…
          </p>
        )}
        {preview.isError && (
          <p className="banner banner--error" role="alert">
            {preview.error instanceof ApiError && preview.error.status === 410 ? 'This link has expired.' : describeError(preview.error)}
          </p>
        )}
        {preview.data !== undefined && follow.data === undefined && (
          <>
            <p>{preview.data.message}</p>
            {!preview.data.done && (
              <div>
                <button type="button" className="button button--primary" disabled={follow.isPending} onClick={() => follow.mutate()}>
                  {BUTTON[preview.data.act]}
                </button>
              </div>
            )}
          </>
        )}
        {follow.data !== undefined && (
          <p className="notice" role="status">
            {follow.data.message}
          </p>
        )}
        {follow.isError && (
          <p className="field__error" role="alert">
            {describeError(follow.error)}
          </p>
        )}
      </section>
      <p>
        <Link to={session === null ? '/sign-in' : '/alarm-events'}>{session === null ? 'Sign in to Pitwatch' : 'Alarm history'}</Link>
      </p>
    </main>
  );
}
