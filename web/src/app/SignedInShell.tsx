/**
 * What every signed-in screen shares: the header with the navigation, the one live connection, the offline banner,
 * the theme from the user's settings, the alarm banner while an alarm rings, and the account banner when ThermoWorks
 * needs attention.
 */
import { useEffect } from 'react';
import { Outlet } from 'react-router';
import { accountNotice } from '../account/accountNotice';
import { AlarmBanner } from '../alarms/AlarmBanner';
import { AccountBanner } from '../account/AccountBanner';
import { useAccountQuery, useSettingsQuery } from '../api/queries';
import { useSignedIn } from '../auth/SessionContext';
import { LiveProvider, useLive } from '../live/LiveProvider';
import { applyTheme } from '../settings/theme';
import { AppHeader } from './AppHeader';
import { nowMs } from './clock';

const RELINK_NOTICE = 'Sign in with your ThermoWorks password to resume polling.';

export function SignedInShell() {
  const { session, signOut, endSession } = useSignedIn();
  const { data: settings } = useSettingsQuery();
  const theme = settings?.theme ?? 'system';
  useEffect(() => applyTheme(theme), [theme]);

  return (
    <LiveProvider>
      <AppHeader email={session.user.email} onSignOut={() => void signOut()} />
      <AlarmBanner />
      <ConnectionBanner />
      <AccountWarning onRelink={() => endSession(RELINK_NOTICE)} />
      <Outlet />
    </LiveProvider>
  );
}

/** Shown the moment the live connection is lost, until it is back. */
function ConnectionBanner() {
  const { status } = useLive();
  if (status !== 'offline' && status !== 'reconnecting') return null;
  return (
    <div className="connection-banner" role="status" data-testid="offline-banner">
      {status === 'offline'
        ? "You're offline. Readings will catch up as soon as the connection is back."
        : 'Reconnecting to Pitwatch… Readings will catch up once connected.'}
    </div>
  );
}

function AccountWarning({ onRelink }: { onRelink(): void }) {
  const { data } = useAccountQuery();
  const notice = accountNotice(data ?? { kind: 'unknown' }, nowMs());
  if (notice.banner === null) return null;
  return (
    <div className="page page--banner">
      <AccountBanner banner={notice.banner} onSignOut={onRelink} />
    </div>
  );
}
