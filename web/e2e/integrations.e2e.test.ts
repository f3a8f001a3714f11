/**
 * The /integrations screen in a real browser against the local stack: an API token is created, shown once (the list
 * and a reload never show it again), works against the API, and once revoked is refused (401); the MQTT form refuses
 * a bad address before sending, saves a broker and shows its status with the last error after a test. axe finds no
 * critical or serious violation, light and dark, at 1280 and 360 px; screenshots in test-results/.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../infra/local/local-stack';
import { GUEST, apiSession, screenshot, signIn } from './app-helpers';
import { launchChromium } from './browser';

let stack: LocalStack;
let browser: Browser;

beforeAll(async () => {
  stack = await startLocalStack({ port: 0 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function seriousAxeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const { violations, passed } = await page.evaluate(async () => {
    type Result = { violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }>; passes: Array<{ id: string }> };
    const result = await (window as unknown as { axe: { run(context: Document, options: object): Promise<Result> } }).axe.run(document, {});
    return { violations: result.violations, passed: result.passes.map((p) => p.id) };
  });
  // A scan that checked nothing proves nothing: colour contrast and names must have run.
  expect(passed).toEqual(expect.arrayContaining(['color-contrast', 'button-name', 'label']));
  return violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => `${v.id} (${v.impact}) ${v.help} @ ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

describe('/integrations', () => {
  it('creates an API token, shows it once, and revokes it (the API refuses it at once)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, stack.url, GUEST, '/integrations');
    await page.getByRole('heading', { name: 'API tokens' }).waitFor();
    await page.getByLabel('Token name').fill('Prometheus');
    await page.getByRole('button', { name: 'Create token' }).click();
    const shown = page.getByTestId('new-token').getByRole('textbox');
    await shown.waitFor();
    const token = await shown.inputValue();
    expect(token).toMatch(/^pw_[A-Za-z0-9_-]{43}$/);
    await screenshot(page, 'integrations-token-shown-once');
    // It works with the API as a bearer token.
    expect((await fetch(`${stack.url}/api/devices`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    // Listed, with no trace of the token itself after a reload.
    await page.reload();
    await page.getByTestId('api-token').filter({ hasText: 'Prometheus' }).waitFor();
    expect(await page.locator('main').textContent()).not.toContain(token);
    expect(await page.getByTestId('new-token').count()).toBe(0);
    expect(await page.getByTestId('api-token').filter({ hasText: 'Prometheus' }).textContent()).toMatch(/last used|never used/);

    await page.getByRole('button', { name: 'Revoke Prometheus' }).click();
    await page.getByRole('button', { name: 'Yes, revoke Prometheus' }).click();
    await expect.poll(() => page.getByTestId('api-token').filter({ hasText: 'Prometheus' }).count(), { timeout: 10_000 }).toBe(0);
    expect((await fetch(`${stack.url}/api/devices`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    await page.close();
  });

  it('MQTT: a bad address is refused before sending; a saved broker shows its status and the test’s error', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const puts: string[] = [];
    page.on('request', (request) => void (request.method() === 'PUT' && puts.push(request.url())));
    await signIn(page, stack.url, GUEST, '/integrations');
    await page.getByLabel('Broker address').fill('http://broker.local');
    await page.getByRole('button', { name: 'Connect Home Assistant' }).click();
    await page.getByText(/Use an mqtt:\/\/ or mqtts:\/\/ address/).waitFor();
    expect(await page.getByLabel('Broker address').getAttribute('aria-invalid')).toBe('true');
    expect(puts).toEqual([]);
    await screenshot(page, 'integrations-mqtt-validation');

    // Nothing listens on port 9: saved, then the test says the broker refused the connection.
    await page.getByLabel('Broker address').fill('mqtt://127.0.0.1:9');
    await page.getByRole('button', { name: 'Connect Home Assistant' }).click();
    await expect.poll(() => page.getByTestId('mqtt-status').textContent(), { timeout: 10_000 }).toMatch(/Waiting for the first publish/);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => page.getByTestId('mqtt-status').textContent(), { timeout: 15_000 }).toMatch(/Failing.*Last error.*refused the connection/);
    await screenshot(page, 'integrations-mqtt-status');
    // The server agrees.
    const api = await apiSession(stack.url, GUEST);
    expect(((await api.call('GET', '/integrations/mqtt')).body as { mqtt: { url: string; status: { state: string } } }).mqtt).toMatchObject({ url: 'mqtt://127.0.0.1:9', status: { state: 'failing' } });
    await page.close();
  });

  it.each([
    { name: 'desktop-light', viewport: { width: 1280, height: 800 }, colorScheme: 'light' as const },
    { name: 'desktop-dark', viewport: { width: 1280, height: 800 }, colorScheme: 'dark' as const },
    { name: 'phone-light', viewport: { width: 360, height: 740 }, colorScheme: 'light' as const },
    { name: 'phone-dark', viewport: { width: 360, height: 740 }, colorScheme: 'dark' as const },
  ])('has no critical or serious axe violation and fits the width ($name)', async (variant) => {
    // The demo account with a failing broker and a token, so the status block, its error and the list are scanned too.
    const api = await apiSession(stack.url);
    expect((await api.call('PUT', '/integrations/mqtt', { url: 'mqtt://127.0.0.1:9', username: 'ha', password: 'secret' })).status).toBe(200);
    expect((await api.call('POST', '/integrations/mqtt/test')).status).toBe(200);
    if (((await api.call('GET', '/api-tokens')).body as { tokens: unknown[] }).tokens.length === 0) expect((await api.call('POST', '/api-tokens', { name: 'Grafana on the NAS', scopes: ['read'] })).status).toBe(201);
    const context = await browser.newContext({ viewport: variant.viewport, colorScheme: variant.colorScheme });
    const page = await context.newPage();
    await signIn(page, stack.url, undefined, '/integrations');
    await page.getByText(/Last error/).waitFor();
    // With a field error showing, so its colours are checked too.
    await page.getByLabel('Token name').fill(' ');
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByText(/Name the token after what will use it/).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, `integrations-${variant.name}`);
    // No sideways scrolling: what sticks out past the viewport, by selector, so a failure says where.
    const wider = await page.evaluate(() =>
      [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`).slice(0, 5),
    );
    expect(wider).toEqual([]);
    await context.close();
  });
});
