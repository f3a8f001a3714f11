import { NavLink } from 'react-router';
import { screenList } from './routes';

export interface AppHeaderProps {
  /** The signed-in user's email; absent on the sign-in screen. */
  email?: string;
  onSignOut?: () => void;
}

const navigation = screenList.filter((screen) => screen.nav !== undefined && screen.load !== undefined && screen.access === 'signed-in');

export function AppHeader({ email, onSignOut }: AppHeaderProps) {
  const signedIn = email !== undefined && onSignOut !== undefined;
  return (
    <header className="app-header">
      <span className="app-header__brand">
        <svg className="app-header__logo" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M8 1c.6 2.6 4.5 4.3 4.5 8.3A4.5 4.5 0 0 1 3.5 9.3c0-1.8 1-3 1.9-3.8-.1 1.5.6 2.5 1.5 2.8C6.5 5.6 7.2 3 8 1Z" />
        </svg>
        Pitwatch
      </span>
      {signedIn && (
        <nav className="app-header__nav" aria-label="Main">
          {navigation.map((screen) => (
            <NavLink key={screen.id} to={screen.path} end={screen.path === '/'} className="app-header__link">
              {screen.nav}
            </NavLink>
          ))}
        </nav>
      )}
      {signedIn && (
        <div className="app-header__user">
          <span className="app-header__email">{email}</span>
          <button type="button" className="button button--quiet" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      )}
    </header>
  );
}
