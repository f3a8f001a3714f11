import type { LiveStatus } from './liveConnection';

const TEXT: Record<LiveStatus, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

/** Whether the temperatures on screen are live; announced politely when it changes. */
export function LiveStatusBadge({ status }: { status: LiveStatus }) {
  return (
    <span className={`live-status live-status--${status}`} role="status" data-testid="live-status">
      <span className="live-status__dot" aria-hidden="true" />
      {TEXT[status]}
    </span>
  );
}
