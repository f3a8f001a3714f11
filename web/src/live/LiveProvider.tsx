/**
 * The signed-in app's one live WebSocket: opened once for the session, whatever screen is showing. It reconnects at
 * once when the browser comes back online or the page becomes visible, says "offline" the moment the browser does
 * (and "reconnecting" within 5 s when the socket dies without the browser noticing: LiveConnection's heartbeat, fast
 * while the page is visible), and tells screens when it reconnected so they can fetch what they missed (the chart
 * fetches its gap).
 */
import { createContext, useCallback, useContext, useEffect, useEffectEvent, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../api/queries';
import { useSignedIn } from '../auth/SessionContext';
import { LiveConnection, type LiveStatus } from './liveConnection';
import { applyServerMessage } from './liveMessages';
import { browserSocket } from './liveSocket';
import { liveUrl } from './liveUrl';
import { createReadingHub, type ReadingHub } from './readingHub';

export interface Live {
  status: LiveStatus;
  readings: ReadingHub;
  /** Called after each reconnect (readings may have been missed); returns the unsubscribe function. */
  onReconnect(listener: () => void): () => void;
}

/** Exported for tests, which provide a hand-driven live connection. */
export const LiveContext = createContext<Live | null>(null);

export function LiveProvider({ children }: { children: ReactNode }) {
  const { config, token, endSession } = useSignedIn();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>(() => (isOffline() ? 'offline' : 'connecting'));
  const readings = useMemo(() => createReadingHub(), []);
  const reconnectListeners = useMemo(() => new Set<() => void>(), []);
  const sessionEnded = useEffectEvent((notice: string) => endSession(notice));

  useEffect(() => {
    const resync = () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.devices });
      void queryClient.invalidateQueries({ queryKey: queryKeys.cooks });
      void queryClient.invalidateQueries({ queryKey: queryKeys.account });
    };
    const connection = new LiveConnection({
      url: liveUrl(config.wsUrl, token),
      createSocket: browserSocket,
      onStatus: setStatus,
      onMessage: (message) => applyServerMessage(message, { queryClient, readings, onSessionEnded: sessionEnded }),
      onOpen: ({ reconnected }) => {
        if (!reconnected) return;
        resync();
        for (const listener of [...reconnectListeners]) listener();
      },
      // A rejected token looks like any failed handshake to the browser; an HTTP call tells them apart (401 → sign-in).
      onConnectFailed: (failures) => {
        if (failures >= 2) void queryClient.invalidateQueries({ queryKey: queryKeys.account });
      },
    });
    connection.setVisible(document.visibilityState !== 'hidden');
    connection.start();
    if (isOffline()) connection.goOffline();
    const online = () => connection.reconnectNow();
    const offline = () => connection.goOffline();
    const visible = () => {
      connection.setVisible(document.visibilityState !== 'hidden');
      if (document.visibilityState === 'visible' && !isOffline()) connection.reconnectNow();
    };
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    document.addEventListener('visibilitychange', visible);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      document.removeEventListener('visibilitychange', visible);
      connection.stop();
    };
  }, [config.wsUrl, token, queryClient, readings, reconnectListeners]);

  // Stable across status changes: a screen's subscription (and the gap fetch it starts) must outlive them.
  const onReconnect = useCallback(
    (listener: () => void) => {
      reconnectListeners.add(listener);
      return () => void reconnectListeners.delete(listener);
    },
    [reconnectListeners],
  );
  const value = useMemo<Live>(() => ({ status, readings, onReconnect }), [status, readings, onReconnect]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

export function useLive(): Live {
  const live = useContext(LiveContext);
  if (live === null) throw new Error('useLive outside LiveProvider');
  return live;
}

function isOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}
