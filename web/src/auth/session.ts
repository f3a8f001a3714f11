/**
 * The signed-in session, kept in sessionStorage: it survives a reload but ends with the tab, so a
 * borrowed phone or a shared laptop is not left signed in. What is stored is the login response itself,
 * re-read against its contract on read, so a tampered or outdated entry simply means "signed out".
 */
import type { LoginResponse } from '../../../shared/api/schemas';
import { readOrUndefined } from '../api/wireReader';
import { readLoginResponse } from '../api/wireShapes';
import { nowMs } from '../app/clock';

export type Session = LoginResponse;

export type SessionStorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const KEY = 'pitwatch.session';

export interface SessionStore {
  read(): Session | null;
  save(session: Session): void;
  clear(): void;
}

export function createSessionStore(storage: SessionStorageLike, now: () => number = nowMs): SessionStore {
  const clear = () => {
    try {
      storage.removeItem(KEY);
    } catch {
      // Storage can be unavailable (privacy modes); then there was nothing to clear.
    }
  };

  return {
    read() {
      let raw: string | null;
      try {
        raw = storage.getItem(KEY);
      } catch {
        return null;
      }
      if (raw === null) return null;
      const session = readOrUndefined(readLoginResponse, safeJson(raw));
      if (session === undefined || isExpired(session, now())) {
        clear();
        return null;
      }
      return session;
    },
    save(session) {
      try {
        storage.setItem(KEY, JSON.stringify(session));
      } catch {
        // Without storage the session lives for this page only; signing in still works.
      }
    },
    clear,
  };
}

/** The tab's sessionStorage; some privacy modes throw on mere access, then nothing is remembered. */
export function browserSessionStore(): SessionStore {
  const memory = new Map<string, string>();
  let storage: SessionStorageLike;
  try {
    storage = window.sessionStorage;
  } catch {
    storage = {
      getItem: (key) => memory.get(key) ?? null,
      setItem: (key, value) => void memory.set(key, value),
      removeItem: (key) => void memory.delete(key),
    };
  }
  return createSessionStore(storage);
}

export function isExpired(session: Session, nowMs: number): boolean {
  const expiresAt = Date.parse(session.expiresAt);
  return !Number.isNaN(expiresAt) && expiresAt <= nowMs;
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
