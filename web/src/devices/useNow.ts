/** The current time (app/now.ts), re-read every `intervalMs`, so "seen 2 min ago" ages while the page sits open. */
import { useEffect, useState } from 'react';
import { now } from '../app/now';

export function useNow(intervalMs = 30_000): number {
  const [current, setCurrent] = useState(() => now());
  useEffect(() => {
    const id = setInterval(() => setCurrent(now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return current;
}
