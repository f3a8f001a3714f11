import type { AccountBanner as Banner } from './accountNotice';

export interface AccountBannerProps {
  banner: Banner | null;
  onSignOut(): void;
}

/** Says when Pitwatch has stopped (or keeps failing) reading the ThermoWorks account, and how to mend it. */
export function AccountBanner({ banner, onSignOut }: AccountBannerProps) {
  if (banner === null) return null;
  if (banner.kind === 'relink') {
    return (
      <div className="banner banner--warning" role="alert" data-testid="account-banner">
        <span>{banner.text}</span>
        <button type="button" className="button" onClick={onSignOut}>
          Sign out
        </button>
      </div>
    );
  }
  return (
    <div className="banner banner--warning" role="status" data-testid="account-banner">
      <span>{banner.text}</span>
    </div>
  );
}
