/**
 * The signed-in user's cooks in progress: loaded over HTTP (GET /cooks), kept current by live predictions,
 * started and ended from the device cards. A rejected session goes to `onSessionEnded`.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import type { AlertMessage, CookView, PredictionMessage } from '../../../shared/api/schemas';
import type { ApiClient, StartCookBody } from '../api/client';
import { ApiError, describeError } from '../api/errors';
import { useLatestRequest } from '../api/useLatestRequest';
import { cooksReducer, findCook, initialCooksState, type CooksState } from './cooksState';

export interface CookActions {
  /** Resolves with the started cook; rejects with the error to show in the form. */
  start(request: StartCookBody): Promise<CookView>;
  /** Resolves once the cook is gone; rejects with the error to show next to the button. */
  end(serial: string): Promise<void>;
}

export interface CooksHook {
  state: CooksState;
  refresh(): void;
  applyPrediction(prediction: PredictionMessage): void;
  applyAlert(alert: AlertMessage): void;
  actions: CookActions;
}

/** A prediction for a cook the page does not know (started in another tab) reloads the list, at most this often. */
const UNKNOWN_COOK_RELOAD_MS = 30_000;

export function useCooks(api: ApiClient, sessionToken: string, onSessionEnded: (notice: string) => void): CooksHook {
  const [state, dispatch] = useReducer(cooksReducer, initialCooksState);
  // Only the newest request may write; starting or ending a cook also outdates any list still in flight.
  const latest = useLatestRequest(onSessionEnded);
  const lastUnknownReload = useRef(0);
  const current = useRef(state);
  useEffect(() => {
    current.current = state;
  });

  const refresh = useCallback(() => {
    latest.run(
      () => api.listCooks(sessionToken),
      (cooks) => dispatch({ type: 'loaded', cooks }),
      (error) => dispatch({ type: 'failed', message: `Couldn't load your cooks: ${describeError(error)}` }),
    );
  }, [api, sessionToken, latest]);

  useEffect(() => {
    refresh();
    return () => latest.outdate();
  }, [refresh, latest]);

  const applyPrediction = useCallback(
    (prediction: PredictionMessage) => {
      const cooks = current.current.cooks;
      if (cooks !== null && findCook(cooks, prediction.serial) === undefined) {
        // A request throttle paces the page, not the cook: real time, whatever the page's clock says.
        // eslint-disable-next-line no-restricted-syntax
        const now = Date.now();
        if (now - lastUnknownReload.current >= UNKNOWN_COOK_RELOAD_MS) {
          lastUnknownReload.current = now;
          refresh();
        }
        return;
      }
      dispatch({ type: 'prediction', prediction });
    },
    [refresh],
  );

  const start = useCallback(
    async (request: StartCookBody) => {
      try {
        const cook = await api.startCook(sessionToken, request);
        latest.outdate();
        dispatch({ type: 'started', cook });
        return cook;
      } catch (error) {
        latest.sessionEnded(error);
        throw error;
      }
    },
    [api, sessionToken, latest],
  );

  const end = useCallback(
    async (serial: string) => {
      try {
        const cookId = current.current.cooks?.find((c) => c.serial === serial)?.cookId;
        if (cookId) await api.endCook(sessionToken, cookId);
      } catch (error) {
        // Already ended (another tab, or the first click's answer got lost): the page just catches up.
        if (!(error instanceof ApiError && (error.status === 404 || error.status === 409))) {
          latest.sessionEnded(error);
          throw error;
        }
      }
      latest.outdate();
      dispatch({ type: 'ended', serial });
    },
    [api, sessionToken, latest],
  );

  const actions = useMemo(() => ({ start, end }), [start, end]);
  const applyAlert = useCallback((alert: AlertMessage) => dispatch({ type: 'alert', alert }), []);

  return { state, refresh, applyPrediction, applyAlert, actions };
}
