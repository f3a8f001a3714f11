import { beforeEach, describe, expect, it } from 'vitest';
import { createSessionStore, type Session, type SessionStorageLike } from './session';

class MemoryStorage implements SessionStorageLike {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const session: Session = {
  sessionToken: 'tok-1',
  expiresAt: '2026-01-02T00:00:00.000Z',
  user: { userId: 'u-1', email: 'demo@pitwatch.local' },
};
const beforeExpiry = Date.parse('2026-01-01T12:00:00.000Z');

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
});

describe('session store', () => {
  it('round-trips a session', () => {
    const store = createSessionStore(storage, () => beforeExpiry);
    expect(store.read()).toBeNull();
    store.save(session);
    expect(store.read()).toEqual(session);
  });

  it('forgets the session on sign-out', () => {
    const store = createSessionStore(storage, () => beforeExpiry);
    store.save(session);
    store.clear();
    expect(store.read()).toBeNull();
    expect(storage.items.size).toBe(0);
  });

  it('drops an expired session', () => {
    createSessionStore(storage, () => beforeExpiry).save(session);
    const later = createSessionStore(storage, () => Date.parse('2026-01-02T00:00:00.000Z'));
    expect(later.read()).toBeNull();
    expect(storage.items.size).toBe(0);
  });

  it('treats a corrupt or off-schema entry as signed out', () => {
    const store = createSessionStore(storage, () => beforeExpiry);
    storage.setItem('pitwatch.session', '{not json');
    expect(store.read()).toBeNull();
    storage.setItem('pitwatch.session', JSON.stringify({ sessionToken: 'x' }));
    expect(store.read()).toBeNull();
  });

  it('keeps working when storage throws', () => {
    const broken: SessionStorageLike = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    const store = createSessionStore(broken, () => beforeExpiry);
    expect(() => store.save(session)).not.toThrow();
    expect(store.read()).toBeNull();
    expect(() => store.clear()).not.toThrow();
  });
});
