/**
 * Cook records in a real browser against the local stack: start a cook in the live view, add "Wrapped" in one tap
 * (it lands on the cook's timeline), end it, find it among the past cooks, open its record, export the CSV and
 * count its rows against the record's stats, share it and open the link signed out, revoke the link (the page says
 * so), and compare two cooks. axe-core finds no critical or serious violation on the new screens, light and dark.
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
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/** Critical and serious axe findings on the page as it is, as readable lines. */
async function axe(page: Page, screen: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const { violations, passed } = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[]; passes: Array<{ id: string }> }> } }).axe.run(document, {
      resultTypes: ['violations'],
    });
    return { violations: result.violations, passed: result.passes.map((p) => p.id) };
  });
  expect(passed).toEqual(expect.arrayContaining(['color-contrast']));
  const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
  return [
    ...violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => `${screen}: ${v.id} (${v.impact}) ${v.help} @ ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`),
    ...(fits ? [] : [`${screen}: wider than the viewport`]),
  ];
}

interface CookDetailBody {
  cookId: string;
  name: string;
  status: string;
  events: Array<{ kind: string }>;
  stats: { readings: number } | null;
}

describe('cook records', () => {
  let cookId = '';
  let shareUrl = '';

  it('starts a cook, adds "Wrapped" in one tap, ends it, finds it in the list, exports its CSV, shares it', async () => {
    const api = await apiSession(stack.url);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, stack.url, undefined, smokerPath);

    // Start: the first probe target as a custom 203 °F.
    await page.getByRole('button', { name: 'Start cook' }).click();
    const target = page.getByLabel(/ target$/).nth(1);
    await target.selectOption({ label: 'Custom target…' });
    await page.getByLabel(/custom temperature/).first().fill('203');
    await page.getByRole('button', { name: 'Start cook' }).last().click();
    await page.getByTestId(`cook-status-${SMOKER}`).waitFor({ timeout: 20_000 });

    await page.getByRole('button', { name: 'Wrapped', exact: true }).click();
    await page.getByText(/^Wrapped added at /).waitFor({ timeout: 10_000 });
    const active = (await api.call('GET', '/cooks?status=active')).body as { cooks: Array<{ cookId: string; serial: string }> };
    cookId = active.cooks.find((c) => c.serial === SMOKER)!.cookId;
    const during = (await api.call('GET', `/cooks/${cookId}`)).body as CookDetailBody;
    expect(during.events.map((e) => e.kind)).toEqual(['wrapped']);
    await page.locator('[data-testid^="history-chart-"] canvas').first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'cook-records-live-wrapped');

    // A few polls into the cook's history before it ends, so its export has rows to count.
    const pointsSoFar = async () => ((await api.call('GET', `/cooks/${cookId}/readings`)).body as { channels: Array<{ points: unknown[] }> }).channels.reduce((n, c) => n + c.points.length, 0);
    await expect.poll(pointsSoFar, { timeout: 30_000 }).toBeGreaterThanOrEqual(4);
    await page.getByRole('button', { name: 'End cook' }).click();
    await page.getByRole('button', { name: 'Start cook' }).waitFor({ timeout: 10_000 });
    const ended = (await api.call('GET', `/cooks/${cookId}`)).body as CookDetailBody;
    expect(ended.status).toBe('ended');

    // The list: the ended cook, found by a word of its name, links to its record.
    await page.getByRole('link', { name: 'Cooks', exact: true }).click();
    await page.getByRole('heading', { name: 'Past cooks' }).waitFor();
    await page.getByLabel('Words').fill(ended.name.split(/\s+/)[0]!);
    await page.getByRole('button', { name: 'Search' }).click();
    const link = page.getByRole('link', { name: ended.name, exact: true });
    await link.waitFor({ timeout: 10_000 });
    expect(await link.getAttribute('href')).toBe(`/cooks/${cookId}`);
    await screenshot(page, 'cook-records-list');
    await link.click();

    // The record: the wrapped event on its timeline, stats, the chart.
    await page.getByRole('heading', { level: 1, name: ended.name }).waitFor();
    await page.getByRole('region', { name: 'Timeline' }).getByText(/· Wrapped/).waitFor();
    await page.getByTestId(`cook-chart-${cookId}`).locator('canvas').waitFor({ timeout: 20_000 });
    await page.getByRole('region', { name: 'Stats' }).getByText('Readings').waitFor();

    // CSV export: every stored point, one row each.
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const href = await page.getByTestId('export-link').getAttribute('href', { timeout: 20_000 });
    const csv = await (await fetch(new URL(href!, stack.url))).text();
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('timestamp,probe,temperature,unit');
    const stats = ((await api.call('GET', `/cooks/${cookId}`)).body as CookDetailBody).stats!;
    expect(stats.readings).toBeGreaterThan(0);
    expect(lines.length - 1).toBe(stats.readings);
    for (const row of lines.slice(1)) expect(row).toMatch(/^\d{4}-\d\d-\d\dT[^,]+,(pit|meat\d+),-?\d+(\.\d+)?,[FC]$/);

    // Share: a link, copied out of its field.
    await page.getByRole('button', { name: 'Share…' }).click();
    await page.getByLabel('Link works for').selectOption({ label: '1 hour' });
    await page.getByRole('button', { name: 'Create link' }).click();
    shareUrl = await page.getByTestId('share-url').inputValue({ timeout: 10_000 });
    expect(shareUrl).toMatch(/\/share\/pws_[A-Za-z0-9_-]{43}$/);
    await page.getByText(/^Made /).waitFor();
    await screenshot(page, 'cook-records-detail-share');
    await page.close();
  }, 120_000);

  it('opens the share link signed out, and says plainly once it is revoked', async () => {
    expect(shareUrl).not.toBe('');
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(new URL(new URL(shareUrl).pathname, stack.url).toString());
    await page.getByText('Shared with you on Pitwatch').waitFor({ timeout: 20_000 });
    await page.getByTestId('share-chart').locator('canvas').waitFor({ timeout: 20_000 });
    // Signed out: no navigation of the account, no sign-out button.
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    await screenshot(page, 'cook-records-share-phone');

    const api = await apiSession(stack.url);
    const shares = (await api.call('GET', `/cooks/${cookId}/shares`)).body as { shares: Array<{ shareId: string }> };
    for (const share of shares.shares) expect((await api.call('DELETE', `/cooks/${cookId}/shares/${share.shareId}`)).status).toBe(200);
    await page.reload();
    await page.getByRole('heading', { name: 'This share link has expired or was revoked' }).waitFor({ timeout: 20_000 });
    await screenshot(page, 'cook-records-share-revoked');
    await context.close();
  });

  it('has no critical or serious axe finding on the new screens, light and dark, and compares two cooks', async () => {
    const api = await apiSession(stack.url);
    // Devices are known once polled: poll now rather than race the stack's first dispatch.
    await stack.pollNow([api.userId]);
    const startCook = async () => {
      expect((await api.call('POST', '/cooks', { serial: SMOKER, pitChannel: '1', probes: [{ channel: '2', presetId: 'brisket' }] })).status).toBe(201);
      return ((await api.call('GET', '/cooks?status=active')).body as { cooks: Array<{ cookId: string; serial: string }> }).cooks.find((c) => c.serial === SMOKER)!.cookId;
    };
    // A second ended cook to compare with, then one running for the live view's quick actions.
    const second = await startCook();
    expect((await api.call('POST', `/cooks/${second}/events`, { kind: 'note', text: 'second cook' })).status).toBeLessThan(300);
    expect((await api.call('POST', `/cooks/${second}/end`)).status).toBe(200);
    const running = await startCook();
    const created = (await api.call('POST', `/cooks/${cookId}/shares`, { expiresInHours: 1 })).body as { url: string };
    const sharePath = new URL(created.url).pathname;

    const found: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const viewport of [{ width: 1280, height: 800 }, { width: 360, height: 740 }]) {
        const name = `${viewport.width}-${colorScheme}`;
        const context = await browser.newContext({ viewport, colorScheme });
        const page = await context.newPage();
        await signIn(page, stack.url, undefined, smokerPath);
        await page.getByRole('button', { name: 'Note…' }).click();
        await page.getByLabel('Note', { exact: true }).waitFor();
        found.push(...(await axe(page, `${name} live-view-quick-actions`)));
        await screenshot(page, `cook-records-a11y-${name}-live-view`);

        await page.goto(`${stack.url}/cooks`);
        await page.locator('.cook-record').nth(1).waitFor({ timeout: 20_000 });
        await page.getByRole('checkbox', { name: /^Compare / }).nth(0).check();
        await page.getByRole('checkbox', { name: /^Compare / }).nth(1).check();
        found.push(...(await axe(page, `${name} cooks`)));
        await screenshot(page, `cook-records-a11y-${name}-cooks`);

        await page.getByRole('link', { name: 'Compare the two cooks' }).click();
        await page.getByTestId('compare-chart').locator('canvas').waitFor({ timeout: 20_000 });
        found.push(...(await axe(page, `${name} compare`)));
        await screenshot(page, `cook-records-a11y-${name}-compare`);

        await page.goto(`${stack.url}/cooks/${cookId}`);
        await page.getByTestId(`cook-chart-${cookId}`).locator('canvas').waitFor({ timeout: 20_000 });
        await page.getByRole('button', { name: 'Share…' }).click();
        await page.getByText(/^Made /).first().waitFor({ timeout: 10_000 });
        found.push(...(await axe(page, `${name} cook-detail`)));
        await screenshot(page, `cook-records-a11y-${name}-detail`);
        await context.close();

        const signedOut = await browser.newContext({ viewport, colorScheme });
        const share = await signedOut.newPage();
        await share.goto(`${stack.url}${sharePath}`);
        await share.getByTestId('share-chart').locator('canvas').waitFor({ timeout: 20_000 });
        found.push(...(await axe(share, `${name} share`)));
        await screenshot(share, `cook-records-a11y-${name}-share`);
        await signedOut.close();
      }
    }
    expect((await api.call('POST', `/cooks/${running}/end`)).status).toBe(200);
    expect(found).toEqual([]);
  }, 240_000);
});
