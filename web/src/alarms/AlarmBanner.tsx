/**
 * The alarm banner at the top of every signed-in screen, while an alarm rings on this page (the `alarm` socket
 * message). Its content (Acknowledge, the API client, the styles) loads when the first alarm rings; until it has, the
 * alarm is already announced in plain text.
 */
import { Suspense, lazy } from 'react';
import { useRingingAlarms } from './alarmCache';

const RingingAlarms = lazy(() => import('./RingingAlarms'));

export function AlarmBanner() {
  const ringing = useRingingAlarms();
  if (ringing.length === 0) return null;
  return (
    <Suspense
      fallback={
        <p className="connection-banner" role="alert">
          Alarm: {ringing.at(-1)?.message}
        </p>
      }
    >
      <RingingAlarms ringing={ringing} />
    </Suspense>
  );
}
