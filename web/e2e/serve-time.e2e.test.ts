/**
 * The serve time in a real browser against the local stack (build the web app first: `npm run build:web`): on the
 * demo's brisket in progress (hours from done, its history back-filled), a serve time set from the live view for
 * half an hour from now shows "Running … late" with what would make up the time, and clearing it takes it off.
 * axe-core finds no critical or serious violation on the live view in that state.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cooksResponseSchema } from '../../shared/api/schemas';
import { startLocalStack, type LocalStack } from '../../infra/local/local-stack';
import { apiSession, screenshot, signIn } from './app-helpers';
import { launchChromium } from './browser';

let stack: LocalStack;
let browser: Browser;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

beforeAll(async () => {
  stack = await startLocalStack({ port: 0, autoDispatch: false, seedDemoCooks: true });
  await stack.demoCooksReady;
  browser = await launchChromium();
}, 240_000); // the demo cooks' history is written first: a minute or more on a shared machine

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function seriousAxeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const { violations, passed } = await page.evaluate(async () => {
    type Result = { violations: Array<{ id: string; impact: string | null; help: string }>; passes: Array<{ id: string }> };
    const result = await (window as unknown as { axe: { run(context: Document, options: object): Promise<Result> } }).axe.run(document, { resultTypes: ['violations'] });
    return { violations: result.violations, passed: result.passes.map((p) => p.id) };
  });
  // A scan that checked nothing proves nothing.
  expect(passed).toEqual(expect.arrayContaining(['color-contrast', 'label']));
  return violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => `${v.id}: ${v.help}`);
}

describe('serve time in the live view', () => {
  it('a serve time too early says "Running … late" with advice; cleared, it is gone', async () => {
    const api = await apiSession(stack.url);
    // Devices are known once polled: poll now rather than wait for a dispatch (there is none here).
    await stack.pollNow([api.userId]);
    const cook = cooksResponseSchema.parse((await api.call('GET', '/cooks?status=active')).body).cooks.find((c) => c.probes.some((p) => p.presetId === 'brisket'));
    expect(cook, 'the demo has a brisket in progress').toBeDefined();

    // The browser in UTC, so the fields are typed on a known wall clock.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'UTC' });
    const page = await context.newPage();
    await signIn(page, stack.url);
    await page.goto(`${stack.url}/devices/${encodeURIComponent(cook!.serial)}`);
    const card = page.getByRole('region', { name: 'Serve time' });
    await card.getByText('No serve time set').waitFor({ timeout: 30_000 });

    await card.getByRole('button', { name: 'Set a serve time' }).click();
    const serveAt = new Date(stack.clock.now().getTime() + 30 * 60_000);
    await card.getByLabel('Eat on').fill(serveAt.toISOString().slice(0, 10));
    await card.getByLabel('At', { exact: true }).fill(serveAt.toISOString().slice(11, 16));
    await card.getByRole('button', { name: 'Save' }).click();

    const status = page.getByTestId('serve-check');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/^Running (\d+ h )?(\d+ min )?late: /);
    const text = (await status.textContent()) ?? '';
    // What would make up the time, or when it will be ready instead.
    expect(text).toMatch(/late: (raise the pit to \d+ °F|wrap at the stall|serve later, about)/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'serve-time-late');

    await card.getByRole('button', { name: 'Change serve time' }).click();
    await card.getByRole('button', { name: 'Clear' }).click();
    await card.getByText('No serve time set').waitFor({ timeout: 20_000 });
    const after = cooksResponseSchema.parse((await api.call('GET', '/cooks?status=active')).body).cooks.find((c) => c.cookId === cook!.cookId);
    expect(after?.serveAt).toBeUndefined();
    await context.close();
  });
});
