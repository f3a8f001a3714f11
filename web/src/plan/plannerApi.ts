/**
 * The /plan screen's call (POST /cooks/plan). Loaded with the screen, never at startup: the response schema comes by
 * dynamic import, the transport is the app's (api/client.ts).
 */
import { zodReader } from '../api/zodReader';
import { useMutation } from '@tanstack/react-query';
import type { input } from 'zod';
import type { WebConfig } from '../../../shared/api/schemas';
import { screenTransport, type ApiClientOptions } from '../api/client';
import { useSignedIn } from '../auth/SessionContext';
import type { PlanResponse, planRequestSchema } from '../../../shared/api/plan-schemas';

export type { PlanResponse };
export type PlanBody = input<typeof planRequestSchema>;

export interface PlannerApi {
  /** When to start, with its 80 % range, to eat at `serveAt`; nothing is stored. */
  plan(sessionToken: string, body: PlanBody): Promise<PlanResponse>;
}

export function createPlannerApi(config: WebConfig, options: ApiClientOptions = {}): PlannerApi {
  const fetchFn = options.fetch ?? screenTransport.browserFetch;
  const timeoutMs = options.timeoutMs ?? screenTransport.defaultTimeoutMs;
  const apiUrl = config.apiUrl.replace(/\/+$/, '');
  return {
    async plan(sessionToken, body) {
      const { planResponseSchema } = await import('../../../shared/api/plan-schemas');
      const response = await screenTransport.send(fetchFn, `${apiUrl}/cooks/plan`, { method: 'POST', headers: screenTransport.json(sessionToken), body: JSON.stringify(body) }, timeoutMs);
      if (!response.ok) throw await screenTransport.errorFrom(response);
      return screenTransport.parseBody(response, zodReader(planResponseSchema), 'plan');
    },
  };
}


const plannerApis = new WeakMap<object, PlannerApi>();

/** POST /cooks/plan as a mutation: each submitted form is one plan (nothing is cached: it depends on the clock). */
export function usePlanMutation() {
  const { config, token } = useSignedIn();
  let planner = plannerApis.get(config);
  if (!planner) plannerApis.set(config, (planner = createPlannerApi(config)));
  const api = planner;
  return useMutation({ mutationFn: (body: PlanBody) => api.plan(token, body) });
}
