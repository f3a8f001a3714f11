/**
 * Keeps the screen on while `wanted` (a cook runs and the user has not turned it off): a phone on the counter must
 * not sleep mid-cook. The browser drops the lock whenever the page is hidden, so it is taken again when visible.
 */
import { useEffect, useState } from 'react';

export type WakeLockState = 'unsupported' | 'off' | 'on' | 'failed';

interface WakeLockSentinelLike {
  release(): Promise<void>;
  addEventListener(type: 'release', listener: () => void): void;
}
interface WakeLockLike {
  request(type: 'screen'): Promise<WakeLockSentinelLike>;
}

export function useWakeLock(wanted: boolean, wakeLock: WakeLockLike | undefined = browserWakeLock()): WakeLockState {
  const [state, setState] = useState<WakeLockState>(wakeLock === undefined ? 'unsupported' : 'off');

  useEffect(() => {
    if (wakeLock === undefined) return;
    if (!wanted) {
      setState('off');
      return;
    }
    let sentinel: WakeLockSentinelLike | null = null;
    let active = true;
    const acquire = () => {
      if (document.visibilityState !== 'visible' || sentinel !== null) return;
      wakeLock.request('screen').then(
        (lock) => {
          if (!active) {
            void lock.release();
            return;
          }
          sentinel = lock;
          setState('on');
          lock.addEventListener('release', () => {
            sentinel = null;
            if (active) setState('off');
          });
        },
        () => active && setState('failed'), // battery saver, or no user gesture yet
      );
    };
    acquire();
    document.addEventListener('visibilitychange', acquire);
    return () => {
      active = false;
      document.removeEventListener('visibilitychange', acquire);
      void sentinel?.release();
    };
  }, [wanted, wakeLock]);

  return state;
}

function browserWakeLock(): WakeLockLike | undefined {
  return typeof navigator !== 'undefined' && 'wakeLock' in navigator ? (navigator.wakeLock as WakeLockLike) : undefined;
}

const KEY = 'pitwatch.keepScreenOn';

/** The user's choice for this browser; on unless they turned it off. */
export function keepScreenOnPreference(): boolean {
  try {
    return globalThis.localStorage?.getItem(KEY) !== 'off';
  } catch {
    return true;
  }
}

export function saveKeepScreenOn(on: boolean): void {
  try {
    globalThis.localStorage?.setItem(KEY, on ? 'on' : 'off');
  } catch {
    // Not remembered: the toggle still works for this page.
  }
}
