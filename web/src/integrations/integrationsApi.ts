/**
 * The /integrations screen's API calls (API tokens, MQTT / Home Assistant) and their server state. Loaded with the
 * screen, never at startup: the response schemas come by dynamic import, the transport is the app's (api/client.ts).
 */
import { zodReader } from '../api/zodReader';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ZodMiniType, input } from 'zod/mini';
import type { WebConfig } from '../../../shared/api/schemas';
import { screenTransport, type ApiClientOptions } from '../api/client';
import { useSignedIn } from '../auth/SessionContext';
import type { ApiTokenView, CreateApiTokenRequest } from '../../../shared/api/api-token-schemas';
import type { MqttIntegrationView, MqttTestResult, putMqttIntegrationRequestSchema } from '../../../shared/api/integration-schemas';

export type { ApiTokenView, MqttIntegrationView, MqttTestResult };
export type CreateApiTokenBody = CreateApiTokenRequest;
export type CreatedApiToken = ApiTokenView & { token: string };
/** The PUT /integrations/mqtt body as sent: `discoveryPrefix` may be left out (homeassistant). */
export type PutMqttBody = input<typeof putMqttIntegrationRequestSchema>;
export interface MqttRemoved {
  removed: true;
  cleared: number;
  message: string | null;
}

export interface IntegrationsApi {
  /** GET /api-tokens: name, scopes, created, last used (never the tokens). */
  listApiTokens(sessionToken: string): Promise<ApiTokenView[]>;
  /** POST /api-tokens: the only answer that carries the token itself. */
  createApiToken(sessionToken: string, body: CreateApiTokenBody): Promise<CreatedApiToken>;
  /** DELETE /api-tokens/{tokenId}: refused from its next request on. */
  revokeApiToken(sessionToken: string, tokenId: string): Promise<void>;
  /** GET /integrations/mqtt: null when none is set up. */
  getMqtt(sessionToken: string): Promise<MqttIntegrationView | null>;
  putMqtt(sessionToken: string, body: PutMqttBody): Promise<MqttIntegrationView>;
  testMqtt(sessionToken: string): Promise<MqttTestResult>;
  removeMqtt(sessionToken: string): Promise<MqttRemoved>;
}

const integrationSchemas = async () => {
  const [tokens, mqtt, auth] = await Promise.all([import('../../../shared/api/api-token-schemas'), import('../../../shared/api/integration-schemas'), import('../../../shared/api/auth-schemas')]);
  return { ...tokens, ...mqtt, revokedSchema: auth.revokedSchema };
};

export function createIntegrationsApi(config: WebConfig, options: ApiClientOptions = {}): IntegrationsApi {
  const fetchFn = options.fetch ?? screenTransport.browserFetch;
  const timeoutMs = options.timeoutMs ?? screenTransport.defaultTimeoutMs;
  const apiUrl = config.apiUrl.replace(/\/+$/, '');
  const call = async <T>(sessionToken: string, method: string, path: string, what: string, schemaOf: (s: Awaited<ReturnType<typeof integrationSchemas>>) => ZodMiniType<T>, body?: unknown): Promise<T> => {
    const schemas = await integrationSchemas();
    const init: RequestInit = body === undefined ? { method, headers: screenTransport.bearer(sessionToken) } : { method, headers: screenTransport.json(sessionToken), body: JSON.stringify(body) };
    const response = await screenTransport.send(fetchFn, `${apiUrl}${path}`, init, timeoutMs);
    if (!response.ok) throw await screenTransport.errorFrom(response);
    return screenTransport.parseBody(response, zodReader(schemaOf(schemas)), what);
  };
  return {
    listApiTokens: async (t) => (await call(t, 'GET', '/api-tokens', 'API token list', (s) => s.apiTokenListSchema)).tokens,
    createApiToken: (t, body) => call(t, 'POST', '/api-tokens', 'new API token', (s) => s.createdApiTokenSchema, body),
    revokeApiToken: async (t, tokenId) => void (await call(t, 'DELETE', `/api-tokens/${encodeURIComponent(tokenId)}`, 'revocation', (s) => s.revokedSchema)),
    getMqtt: async (t) => (await call(t, 'GET', '/integrations/mqtt', 'MQTT integration', (s) => s.mqttIntegrationResponseSchema)).mqtt,
    putMqtt: (t, body) => call(t, 'PUT', '/integrations/mqtt', 'MQTT integration', (s) => s.mqttIntegrationViewSchema, body),
    testMqtt: (t) => call(t, 'POST', '/integrations/mqtt/test', 'MQTT test', (s) => s.mqttTestResultSchema),
    removeMqtt: (t) => call(t, 'DELETE', '/integrations/mqtt', 'MQTT removal', (s) => s.mqttRemovedSchema),
  };
}


export const integrationQueryKeys = {
  apiTokens: ['api-tokens'] as const,
  mqtt: ['integrations', 'mqtt'] as const,
};

const integrationsApis = new WeakMap<object, IntegrationsApi>();

/** The integrations client for this deployment, made once per config. */
export function useIntegrationsApi(): { integrations: IntegrationsApi; token: string } {
  const { config, token } = useSignedIn();
  let integrations = integrationsApis.get(config);
  if (!integrations) integrationsApis.set(config, (integrations = createIntegrationsApi(config)));
  return { integrations, token };
}

export function useApiTokensQuery() {
  const { integrations, token } = useIntegrationsApi();
  return useQuery({ queryKey: integrationQueryKeys.apiTokens, queryFn: () => integrations.listApiTokens(token) });
}

export function useApiTokenActions() {
  const { integrations, token } = useIntegrationsApi();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: integrationQueryKeys.apiTokens });
  const create = useMutation({ mutationFn: (body: CreateApiTokenBody) => integrations.createApiToken(token, body), onSettled: refresh });
  const revoke = useMutation({ mutationFn: (tokenId: string) => integrations.revokeApiToken(token, tokenId), onSettled: refresh });
  return { create, revoke };
}

export function useMqttIntegrationQuery() {
  const { integrations, token } = useIntegrationsApi();
  return useQuery({ queryKey: integrationQueryKeys.mqtt, queryFn: () => integrations.getMqtt(token), refetchInterval: 30_000 });
}

export function useMqttActions() {
  const { integrations, token } = useIntegrationsApi();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: integrationQueryKeys.mqtt });
  const save = useMutation({
    mutationFn: (body: PutMqttBody) => integrations.putMqtt(token, body),
    onSuccess: (view) => queryClient.setQueryData(integrationQueryKeys.mqtt, view),
  });
  const test = useMutation({ mutationFn: () => integrations.testMqtt(token), onSettled: refresh });
  const remove = useMutation({ mutationFn: () => integrations.removeMqtt(token), onSuccess: () => queryClient.setQueryData(integrationQueryKeys.mqtt, null) });
  return { save, test, remove };
}
