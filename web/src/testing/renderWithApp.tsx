/**
 * Component-test harness: renders a screen or hook with the app's providers around it (query cache, a signed-in
 * session over a fake API, a hand-driven live connection, a memory router), so tests drive it as the app would.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import type { ApiClient } from '../api/client';
import { SessionContext, type SessionState } from '../auth/SessionContext';
import type { LiveStatus } from '../live/liveConnection';
import { LiveContext, type Live } from '../live/LiveProvider';
import { createReadingHub } from '../live/readingHub';

export interface TestLive extends Live {
  reconnect(): void;
}

export function testLive(status: LiveStatus = 'live'): TestLive {
  const listeners = new Set<() => void>();
  return {
    status,
    readings: createReadingHub(),
    onReconnect: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    reconnect: () => [...listeners].forEach((listener) => listener()),
  };
}

/** An ApiClient whose every method fails unless the test gives it. */
export function fakeApi(methods: Partial<ApiClient>): ApiClient {
  return new Proxy(methods as ApiClient, {
    get: (target, name: string) => target[name as keyof ApiClient] ?? (() => Promise.reject(new Error(`unexpected call: ${name}`))),
  });
}

export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false }, mutations: { retry: false } } });
}

export function providers(options: { api: ApiClient; live?: Live; queryClient?: QueryClient; path?: string }) {
  const queryClient = options.queryClient ?? testQueryClient();
  const live = options.live ?? testLive();
  const session: SessionState = {
    config: { apiUrl: 'http://api.test', wsUrl: 'ws://ws.test' },
    api: options.api,
    session: { sessionToken: 'token-1', expiresAt: '2099-01-01T00:00:00.000Z', user: { userId: 'u1', email: 'demo@pitwatch.local' } },
    notice: null,
    signIn: () => undefined,
    endSession: () => undefined,
    signOut: async () => undefined,
  };
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <QueryClientProvider client={queryClient}>
        <SessionContext.Provider value={session}>
          <LiveContext.Provider value={live}>
            <MemoryRouter initialEntries={[options.path ?? '/']}>{children}</MemoryRouter>
          </LiveContext.Provider>
        </SessionContext.Provider>
      </QueryClientProvider>
    );
  }
  return { Wrapper, queryClient, live };
}

export function renderWithApp(ui: ReactNode, options: Parameters<typeof providers>[0]) {
  const { Wrapper, ...rest } = providers(options);
  return { ...render(ui, { wrapper: Wrapper }), ...rest };
}

export function renderHookWithApp<T>(hook: () => T, options: Parameters<typeof providers>[0]) {
  const { Wrapper, ...rest } = providers(options);
  return { ...renderHook(hook, { wrapper: Wrapper }), ...rest };
}
