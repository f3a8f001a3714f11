/** The page's now (app/clock.ts), re-read every `intervalMs` of it, so "seen 2 min ago" ages while the page sits open. */
import { useEffect, useState } from 'react';
import { nowMs, tickEveryMs } from '../app/clock';

export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(nowMs);
  useEffect(() => {
    const id = setInterval(() => setNow(nowMs()), tickEveryMs(intervalMs));
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}
