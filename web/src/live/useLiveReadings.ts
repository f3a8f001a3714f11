/**
 * React side of the live connection: opens one WebSocket per (wsUrl, session), hands each channel of every
 * `readings` message to `onReading` (the device list merges it by serial + channel), every `prediction` to
 * `onPrediction` (the cooks merge it by serial + channel) and returns the connection status.
 */
import { useEffect, useEffectEvent, useState } from 'react';
import { splitReadings, type AlertMessage, type PredictionMessage, type ReadingMessage } from '../../../shared/api/schemas';
import { LiveConnection, type LiveStatus } from './liveConnection';
import { browserSocket } from './liveSocket';
import { liveUrl } from './liveUrl';

export interface LiveReadingsOptions {
  wsUrl: string;
  sessionToken: string;
  onReading(reading: ReadingMessage): void;
  onPrediction?(prediction: PredictionMessage): void;
  onAlert?(alert: AlertMessage): void;
  /** Readings may have been missed (reconnect) or the token may be dead (connect failed): re-check via HTTP. */
  onResync(): void;
}

export function useLiveReadings({ wsUrl, sessionToken, onReading, onPrediction, onAlert, onResync }: LiveReadingsOptions): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  // Effect events: the latest callbacks without reopening the socket whenever the parent re-renders.
  const handleReading = useEffectEvent(onReading);
  const handlePrediction = useEffectEvent((prediction: PredictionMessage) => onPrediction?.(prediction));
  const handleAlert = useEffectEvent((alert: AlertMessage) => onAlert?.(alert));
  const resync = useEffectEvent(onResync);

  useEffect(() => {
    const connection = new LiveConnection({
      url: liveUrl(wsUrl, sessionToken),
      createSocket: browserSocket,
      onStatus: setStatus,
      onMessage: (message) => {
        // One message per device per poll: the page still takes its readings channel by channel.
        if (message.type === 'readings') for (const reading of splitReadings(message)) handleReading(reading);
        else if (message.type === 'prediction') handlePrediction(message);
        else if (message.type === 'alert') handleAlert(message);
      },
      onOpen: ({ reconnected }) => {
        if (reconnected) resync();
      },
      // A rejected token looks like any failed handshake to the browser; the HTTP call tells them apart
      // (401 → sign-in). Only from the second failure on, so one blip does not cost a request.
      onConnectFailed: (failures) => {
        if (failures >= 2) resync();
      },
    });
    connection.start();
    const reconnectNow = () => connection.reconnectNow();
    window.addEventListener('online', reconnectNow);
    return () => {
      window.removeEventListener('online', reconnectNow);
      connection.stop();
    };
  }, [wsUrl, sessionToken]);

  return status;
}
