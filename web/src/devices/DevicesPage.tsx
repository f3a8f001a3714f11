import { useMemo } from 'react';
import { accountNotice, newestReadingAt } from '../account/accountNotice';
import { useAccountQuery, useCookActions, useCooksQuery, useDevicesQuery } from '../api/queries';
import { describeError } from '../api/errors';
import type { CookActions } from '../cooks/CookControls';
import { readPlanLink } from '../cooks/planLink';
import { LiveStatusBadge } from '../live/LiveStatusBadge';
import { useLive } from '../live/LiveProvider';
import { useDisplay } from '../settings/useDisplay';
import { DeviceList } from './DeviceList';
import { useNow } from './useNow';

/** `/`: every device with its cook, kept current over the live connection. */
export default function DevicesPage() {
  const devices = useDevicesQuery();
  const cooks = useCooksQuery();
  const account = useAccountQuery();
  const { start, end } = useCookActions();
  const cookActions = useMemo<CookActions>(() => ({ start: start.mutateAsync, end: end.mutateAsync }), [start.mutateAsync, end.mutateAsync]);
  const { status } = useLive();
  const display = useDisplay();
  const nowMs = useNow();
  const notice = accountNotice(account.data ?? { kind: 'unknown' }, nowMs, newestReadingAt(devices.data ?? null), display.clock);
  const error = devices.error ?? cooks.error;

  return (
    <main className="page" aria-busy={devices.isPending}>
      <div className="page__title-row">
        <h1>Your thermometers</h1>
        <div className="page__status">
          {notice.lastReading !== null && (
            <span className="page__meta" data-testid="last-reading">
              {notice.lastReading}
            </span>
          )}
          <LiveStatusBadge status={status} />
        </div>
      </div>

      {readPlanLink(typeof window === 'undefined' ? '' : window.location.search) !== null && (
        <p className="notice" role="status">
          From your plan: press Start cook on the thermometer you will cook on. Its preset and serve time are filled in.
        </p>
      )}

      {error !== null && (
        <div className="banner banner--error" role="alert">
          <span>{describeError(error)}</span>
          <button
            type="button"
            className="button"
            onClick={() => {
              void devices.refetch();
              void cooks.refetch();
            }}
          >
            Try again
          </button>
        </div>
      )}

      {devices.data !== undefined ? (
        <DeviceList devices={devices.data} nowMs={nowMs} display={display} cooks={cooks.data ?? null} cookActions={cookActions} />
      ) : (
        devices.error === null && (
          <p className="loading" role="status">
            Loading your devices…
          </p>
        )
      )}
    </main>
  );
}
