// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiTokenView, MqttIntegrationView } from './integrationsApi';
import { fakeApi, renderWithApp } from '../testing/renderWithApp';
import IntegrationsPage from './IntegrationsPage';

/** The integration routes as a small in-memory server behind fetch (the page's client talks to http://api.test). */
function fakeServer() {
  const tokens: ApiTokenView[] = [{ tokenId: 't-old', name: 'Grafana', scopes: ['read'], createdAt: '2026-12-01T10:00:00.000Z', lastUsedAt: null }];
  let mqtt: MqttIntegrationView | null = null;
  const calls: Array<{ method: string; path: string; body: unknown }> = [];
  const answer = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetch = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : undefined;
    calls.push({ method, path: url.pathname, body });
    if (method === 'GET' && url.pathname === '/me/settings') return answer(200, { units: 'F', clock: '24h', timeZone: 'UTC', theme: 'system' });
    if (method === 'GET' && url.pathname === '/api-tokens') return answer(200, { tokens });
    if (method === 'POST' && url.pathname === '/api-tokens') {
      const made = { tokenId: 't-new', name: String(body!.name), scopes: body!.scopes as ApiTokenView['scopes'], createdAt: '2026-12-03T09:00:00.000Z', lastUsedAt: null };
      tokens.push(made);
      return answer(201, { ...made, token: `pw_${'A'.repeat(43)}` });
    }
    if (method === 'DELETE' && url.pathname.startsWith('/api-tokens/')) {
      tokens.splice(tokens.findIndex((t) => t.tokenId === url.pathname.split('/')[2]), 1);
      return answer(200, { revoked: 1 });
    }
    if (method === 'GET' && url.pathname === '/integrations/mqtt') return answer(200, { mqtt });
    if (method === 'PUT' && url.pathname === '/integrations/mqtt') {
      if (String(body!.url).includes('10.0.0.5')) return answer(400, { error: { code: 'URL_REFUSED', message: 'This broker URL cannot be used: 10.0.0.5 is not a public address.', details: { field: 'url' } } });
      mqtt = {
        url: String(body!.url), username: (body!.username as string | undefined) ?? null, hasPassword: body!.password !== undefined, discoveryPrefix: String(body!.discoveryPrefix),
        createdAt: '2026-12-03T09:00:00.000Z', updatedAt: '2026-12-03T09:00:00.000Z', entities: 0,
        status: { state: 'pending', message: null, lastAttemptAt: null, lastSuccessAt: null, consecutiveFailures: 0, retryAt: null },
      };
      return answer(200, mqtt);
    }
    if (method === 'POST' && url.pathname === '/integrations/mqtt/test') {
      mqtt = { ...mqtt!, status: { state: 'failing', message: 'The broker refused the username or password.', lastAttemptAt: '2026-12-03T09:01:00.000Z', lastSuccessAt: null, consecutiveFailures: 1, retryAt: '2026-12-03T09:01:15.000Z' } };
      return answer(200, { ok: false, message: 'The broker refused the username or password.', latencyMs: null, testedAt: '2026-12-03T09:01:00.000Z' });
    }
    if (method === 'DELETE' && url.pathname === '/integrations/mqtt') {
      mqtt = null;
      return answer(200, { removed: true, cleared: 12, message: null });
    }
    return answer(404, { error: { code: 'NOT_FOUND', message: `no ${method} ${url.pathname}` } });
  });
  return { fetch, calls, tokens };
}

let server: ReturnType<typeof fakeServer>;
beforeEach(() => {
  server = fakeServer();
  vi.stubGlobal('fetch', server.fetch);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

// The page's settings come through the ApiClient, the integration calls through fetch.
const api = fakeApi({ getSettings: async () => ({ units: 'F', clock: '24h', timeZone: 'UTC', theme: 'system' }) });

describe('IntegrationsPage: API tokens', () => {
  it('creates a token with a name and scope, shows it once with a copy button, lists it, and revokes only after a confirmation', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderWithApp(<IntegrationsPage />, { api });
    expect((await screen.findByTestId('api-token')).textContent).toContain('Grafana');
    expect(screen.getByText(/never used/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
    expect(await screen.findByText(/Name the token after what will use it/)).toBeTruthy();
    expect(server.calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(screen.getByLabelText('Token name'), { target: { value: 'Prometheus' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Read and change' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
    const shown = await screen.findByTestId('new-token');
    expect((within(shown).getByRole('textbox') as HTMLInputElement).value).toBe(`pw_${'A'.repeat(43)}`);
    expect(server.calls.find((c) => c.method === 'POST')!.body).toEqual({ name: 'Prometheus', scopes: ['read', 'write'] });
    fireEvent.click(within(shown).getByRole('button', { name: 'Copy token' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(`pw_${'A'.repeat(43)}`));
    expect(await screen.findByText('Copied.')).toBeTruthy();
    await waitFor(() => expect(screen.getAllByTestId('api-token')).toHaveLength(2));
    // The list never carries the token itself; hiding the panel removes the only copy on screen.
    fireEvent.click(screen.getByRole('button', { name: 'Done, hide it' }));
    expect(screen.queryByDisplayValue(`pw_${'A'.repeat(43)}`)).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Revoke Grafana' }));
    expect(server.calls.some((c) => c.method === 'DELETE')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Keep it' }));
    fireEvent.click(screen.getByRole('button', { name: 'Revoke Grafana' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, revoke Grafana' }));
    await waitFor(() => expect(screen.getAllByTestId('api-token').map((t) => t.textContent)).toEqual([expect.stringContaining('Prometheus')]));
    expect(server.calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual(['/api-tokens/t-old']);
  });
});

describe('IntegrationsPage: MQTT / Home Assistant', () => {
  it('checks the form before sending, shows the server’s refusal, saves, tests and shows the status with its last error, then removes', async () => {
    renderWithApp(<IntegrationsPage />, { api });
    const url = await screen.findByLabelText('Broker address');
    fireEvent.change(url, { target: { value: 'http://broker.local' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect Home Assistant' }));
    expect(await screen.findByText(/Use an mqtt:\/\/ or mqtts:\/\/ address/)).toBeTruthy();
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(server.calls.some((c) => c.method === 'PUT')).toBe(false);

    fireEvent.change(url, { target: { value: 'mqtt://10.0.0.5:1883' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect Home Assistant' }));
    expect(await screen.findByText('This broker URL cannot be used: 10.0.0.5 is not a public address.')).toBeTruthy();

    fireEvent.change(url, { target: { value: 'mqtt://127.0.0.1:1883' } });
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'ha' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'secret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect Home Assistant' }));
    await waitFor(() => expect(screen.getByTestId('mqtt-status').textContent).toContain('Waiting for the first publish'));
    expect(server.calls.find((c) => c.method === 'PUT' && (c.body as { url: string }).url.includes('127.0.0.1'))!.body).toEqual({ url: 'mqtt://127.0.0.1:1883', username: 'ha', password: 'secret', discoveryPrefix: 'homeassistant' });
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');

    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText(/Test failed: The broker refused the username or password\./)).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('mqtt-status').textContent).toContain('Last error'));
    expect(screen.getByTestId('mqtt-status').textContent).toContain('09:01'); // next try, in the user's 24-hour UTC clock

    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, remove' }));
    expect(await screen.findByText(/12 retained topics cleared/)).toBeTruthy();
    expect(screen.queryByTestId('mqtt-status')).toBeNull();
  });

  it('points to the OpenAPI document under the API base, Prometheus and MCP', async () => {
    renderWithApp(<IntegrationsPage />, { api });
    expect((await screen.findByRole('link', { name: 'http://api.test/openapi.json' })).getAttribute('href')).toBe('http://api.test/openapi.json');
    expect(screen.getByText('http://api.test/metrics')).toBeTruthy();
    expect(screen.getByText('npm run mcp')).toBeTruthy();
  });
});
