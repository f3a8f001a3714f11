/**
 * What each server message does to the screen, in one place: the query cache takes readings (device list),
 * predictions and alerts (cooks) and cook changes; open charts get readings through the reading hub; a
 * `session-ended` message signs out. The shape of the `readings` message is known here and nowhere else.
 */
import type { QueryClient } from '@tanstack/react-query';
import { splitReadings } from '../../../shared/api/readings-message';
import type { CookView, DeviceView, ReadingMessage, ServerMessage } from '../../../shared/api/schemas';
import { applyAlarmMessage } from '../alarms/alarmLive';
import { cookRecordChanged, queryKeys, removeCook, serverPushesCooks, upsertCook } from '../api/queries';
import { findCook, mergeAlert, mergePrediction, mergeServeCheck } from '../cooks/cooksState';
import { mergeReading } from './mergeReading';
import type { ReadingHub } from './readingHub';

export interface LiveMessageContext {
  queryClient: QueryClient;
  readings: ReadingHub;
  onSessionEnded(notice: string): void;
}

/** A prediction for a cook the page does not know (started elsewhere) re-reads the list, at most this often. */
const UNKNOWN_COOK_RELOAD_MS = 30_000;
let lastUnknownCookReload = -Infinity;

const SESSION_ENDED_NOTICE: Record<Extract<ServerMessage, { type: 'session-ended' }>['reason'], string> = {
  'signed-out': 'You signed out on another screen. Sign in again to keep watching.',
  revoked: 'This session was signed out from another screen. Sign in again to keep watching.',
  expired: 'Your session has ended. Sign in again.',
  'account-deleted': 'This account was deleted.',
};

export function applyServerMessage(message: ServerMessage, context: LiveMessageContext): void {
  const { queryClient } = context;
  switch (message.type) {
    case 'readings':
      // One message per device per poll; the device list and the charts take it channel by channel.
      for (const reading of splitReadings(message)) applyReading(reading, context);
      return;
    case 'prediction': {
      const cooks = queryClient.getQueryData<CookView[]>(queryKeys.cooks);
      if (cooks !== undefined && findCook(cooks, message.serial) === undefined) {
        // A request throttle paces the page, not the cook: real time, whatever the page's clock says.
        // eslint-disable-next-line no-restricted-syntax
        const realNow = Date.now();
        if (realNow - lastUnknownCookReload >= UNKNOWN_COOK_RELOAD_MS) {
          lastUnknownCookReload = realNow;
          void queryClient.invalidateQueries({ queryKey: queryKeys.cooks });
        }
        return;
      }
      queryClient.setQueryData<CookView[]>(queryKeys.cooks, (current) => (current === undefined ? current : mergePrediction(current, message)));
      return;
    }
    case 'serve-check':
      queryClient.setQueryData<CookView[]>(queryKeys.cooks, (current) => (current === undefined ? current : mergeServeCheck(current, message)));
      return;
    case 'alert':
      queryClient.setQueryData<CookView[]>(queryKeys.cooks, (current) => (current === undefined ? current : mergeAlert(current, message)));
      return;
    case 'cook':
      serverPushesCooks();
      if (message.change === 'ended') {
        removeCook(queryClient, message.serial);
        cookRecordChanged(queryClient, message.cook.cookId);
      } else upsertCook(queryClient, message.cook);
      return;
    case 'alarm':
    case 'notification-channel':
      applyAlarmMessage(message, queryClient);
      return;
    case 'session-ended':
      context.onSessionEnded(SESSION_ENDED_NOTICE[message.reason]);
      return;
    case 'pong':
    case 'error':
      return;
  }
}

/** A live reading: into the device list, and to whoever charts that device. */
function applyReading(reading: ReadingMessage, { queryClient, readings }: LiveMessageContext): void {
  queryClient.setQueryData<DeviceView[]>(queryKeys.devices, (devices) => (devices === undefined ? devices : mergeReading(devices, reading)));
  readings.publish(reading);
}
