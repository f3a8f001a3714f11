/**
 * Installability and accessibility in a real browser against the local stack: the web app manifest is valid with
 * real PNG icons, the service worker registers, controls the page and serves the app shell offline; axe-core finds
 * no critical or serious violation on any screen, light and dark, at 1280×800 and 360×740. Each scan saves a
 * screenshot.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../infra/local/local-stack';
import { SMOKER, apiSession, screenshot, signIn, smokerPath } from './app-helpers';
import { launchChromium } from './browser';

let stack: LocalStack;
let browser: Browser;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

beforeAll(async () => {
  stack = await startLocalStack({ port: 0, pollIntervalSeconds: 5 });
  browser = await launchChromium();
  // A cook on the smoker, so the live view shows targets, ETAs and the cook controls.
  const api = await apiSession(stack.url);
  // Devices are known once polled: poll now rather than race the stack's first dispatch.
  await stack.pollNow([api.userId]);
  expect((await api.call('POST', '/cooks', { serial: SMOKER, pitChannel: '1', probes: [{ channel: '2', presetId: 'brisket' }, { channel: '3', target: 205 }] })).status).toBe(201);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('installable', () => {
  it('links a valid manifest with real icons, registers the service worker, and opens offline from its cache', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(stack.url);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBeTruthy();
    const manifestResponse = await fetch(new URL(href!, stack.url));
    expect(manifestResponse.status).toBe(200);
    const manifest = (await manifestResponse.json()) as {
      name: string;
      short_name: string;
      start_url: string;
      display: string;
      icons: Array<{ src: string; sizes: string; type: string; purpose?: string }>;
    };
    expect(manifest).toMatchObject({ name: 'Pitwatch', short_name: 'Pitwatch', start_url: '/', display: 'standalone' });
    for (const size of [192, 512]) expect(manifest.icons.some((i) => i.sizes === `${size}x${size}` && i.type === 'image/png'), `${size} icon`).toBe(true);
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
    for (const icon of manifest.icons) {
      const response = await fetch(new URL(icon.src, stack.url));
      expect(response.status, icon.src).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      const [width, height] = icon.sizes.split('x').map(Number);
      expect(pngSize(new Uint8Array(await response.arrayBuffer())), icon.src).toEqual({ width, height });
    }

    const scriptUrl = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL);
    expect(scriptUrl).toBe(`${stack.url}/sw.js`);
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null)).toBe(`${stack.url}/sw.js`);

    // The app shell (and the last config.json) come from the service worker's cache with no network at all.
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in to Pitwatch' }).waitFor({ timeout: 10_000 });
    await screenshot(page, 'offline-app-shell');
    await context.close();
  });
});

type Variant = { name: string; viewport: { width: number; height: number }; colorScheme: 'light' | 'dark' };
const variants: Variant[] = [
  { name: 'desktop-light', viewport: { width: 1280, height: 800 }, colorScheme: 'light' },
  { name: 'desktop-dark', viewport: { width: 1280, height: 800 }, colorScheme: 'dark' },
  { name: 'phone-light', viewport: { width: 360, height: 740 }, colorScheme: 'light' },
  { name: 'phone-dark', viewport: { width: 360, height: 740 }, colorScheme: 'dark' },
];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

async function axe(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const { violations, passed } = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[]; passes: Array<{ id: string }> }> } }).axe.run(document, {
      resultTypes: ['violations'],
    });
    return { violations: result.violations, passed: result.passes.map((p) => p.id) };
  });
  // A scan that checked nothing proves nothing: colour contrast and names must have run.
  expect(passed).toEqual(expect.arrayContaining(['color-contrast', 'button-name']));
  return violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
}

/** No sideways scrolling: the page fits the viewport. */
async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
}

describe('accessibility', () => {
  it.each(variants)('has no critical or serious axe violation on any screen ($name)', async (variant) => {
    const context = await browser.newContext({ viewport: variant.viewport, colorScheme: variant.colorScheme });
    const page = await context.newPage();
    const found: string[] = [];
    const scan = async (screen: string) => {
      for (const v of await axe(page)) found.push(`${screen}: ${v.id} (${v.impact}) ${v.help} @ ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
      expect(await fitsWidth(page), `${screen} fits ${variant.viewport.width} px`).toBe(true);
      await screenshot(page, `a11y-${variant.name}-${screen}`);
    };

    await page.goto(`${stack.url}/sign-in`);
    await page.getByRole('heading', { name: 'Sign in to Pitwatch' }).waitFor({ timeout: 20_000 });
    // With both field errors showing, so their colours are checked too.
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Enter your password.').waitFor();
    await scan('sign-in');

    await signIn(page, stack.url);
    await page.locator('[data-testid^="temp-"]').first().waitFor({ timeout: 20_000 });
    await page.getByTestId(`cook-status-${SMOKER}`).waitFor({ timeout: 20_000 });
    await scan('devices');

    // The Start-cook form open (on the RFX gateway, which has no cook).
    await page.getByRole('button', { name: 'Start cook' }).last().click();
    await page.getByRole('heading', { name: /Start a cook on/ }).waitFor();
    await scan('start-cook-form');

    await page.goto(`${stack.url}${smokerPath}`);
    await page.locator('[data-testid^="history-chart-"] canvas').first().waitFor({ timeout: 30_000 });
    await scan('live-view');

    await page.getByRole('link', { name: 'Cooks' }).click();
    await page.getByRole('heading', { name: 'Cooks in progress' }).waitFor();
    await page.getByText('Brisket flat').waitFor({ timeout: 20_000 });
    await scan('cooks');

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByTestId('session').first().waitFor({ timeout: 20_000 });
    await scan('settings');

    await page.goto(`${stack.url}/no-such-screen`);
    await page.getByRole('heading', { name: 'Nothing here' }).waitFor({ timeout: 20_000 });
    await scan('not-found');

    // Offline: the banner and the pill.
    await page.goto(stack.url);
    await page.getByRole('heading', { name: 'Your thermometers' }).waitFor({ timeout: 20_000 });
    await context.setOffline(true);
    await page.getByTestId('offline-banner').waitFor();
    await scan('devices-offline');
    await context.setOffline(false);

    expect(found).toEqual([]);
    await context.close();
  });
});
