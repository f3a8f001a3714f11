/**
 * Alarms in a real browser against the local stack: from a probe card's "Alert me at 205 °F", the user sets an alarm
 * on that probe (falls to 900 °F, which the simulator's probe is already under, so the next poll crosses it); the
 * poll fires it, the `alarm` message puts the banner on the page, the user acknowledges it there, and the history
 * shows it acknowledged. axe-core finds no critical or serious violation on the alarm screens (and the banner),
 * light and dark, at 1280 and 360 px. Screenshots under test-results/.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../infra/local/local-stack';
import { SMOKER, apiSession, screenshot, signIn, smokerPath, waitForLive } from './app-helpers';
import { launchChromium } from './browser';

let stack: LocalStack;
let browser: Browser;
let userId: string;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

beforeAll(async () => {
  // Polls only when the test says (pollNow): the alarm fires when the test is ready to see it.
  stack = await startLocalStack({ port: 0, autoDispatch: false });
  browser = await launchChromium();
  const api = await apiSession(stack.url);
  userId = api.userId;
  await stack.pollNow([userId]);
  // A cook with a target on probe 3, so its card offers "Alert me at 205 °F".
  expect((await api.call('POST', '/cooks', { serial: SMOKER, pitChannel: '1', probes: [{ channel: '3', target: 205 }] })).status).toBe(201);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('an alarm set from a probe card', () => {
  it('fires as a banner, is acknowledged there, and shows acknowledged in the history', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signIn(page, stack.url, undefined, smokerPath);
    await waitForLive(page);

    const quick = page.getByTestId('set-alarm-3');
    await expect.poll(() => quick.textContent(), { timeout: 20_000 }).toMatch(/^Alert me at 205 °F/);
    await quick.click();
    const form = page.getByRole('form', { name: 'New alarm' });
    await form.waitFor({ timeout: 20_000 });
    expect(await form.getByLabel('Probe').inputValue()).toBe('3');
    expect(await form.getByLabel('Alert at or above (°F)').inputValue()).toBe('205');

    // Each field says what is wrong with it.
    await form.getByLabel('Alert when').selectOption('below');
    await form.getByLabel('Alert at or below (°F)').fill('');
    await form.getByRole('button', { name: 'Save alarm' }).click();
    await form.getByText('Enter alert at or below (°F).').waitFor();
    await screenshot(page, 'alarms-form-errors');

    await form.getByLabel('Alert at or below (°F)').fill('900');
    await form.getByLabel('Name, optional').fill('Probe 3 check');
    // No cooldown: the accessibility scans below ring it again.
    await form.getByLabel('Cooldown (min), optional').fill('0');
    await form.getByRole('button', { name: 'Save alarm' }).click();
    await form.waitFor({ state: 'detached' });
    const rule = page.locator('[data-testid^="alarm-state-"]').first();
    await expect.poll(() => rule.textContent()).toBe('Armed');
    await screenshot(page, 'alarms-rule-armed');

    await stack.pollNow([userId]);
    const banner = page.getByTestId('alarm-banner');
    await banner.waitFor({ timeout: 20_000 });
    expect(await banner.textContent()).toContain('Probe 3 check');
    await screenshot(page, 'alarms-banner');
    await banner.getByRole('button', { name: 'Acknowledge' }).click();
    await banner.waitFor({ state: 'detached', timeout: 10_000 });

    await page.getByRole('link', { name: 'History' }).click();
    await page.getByRole('heading', { name: 'Alarm history' }).waitFor();
    const state = page.locator('[data-testid^="event-state-"]').first();
    await expect.poll(() => state.textContent(), { timeout: 10_000 }).toBe('Acknowledged');
    expect(await page.locator('[data-testid^="event-"]').first().textContent()).toContain('in Pitwatch');
    await screenshot(page, 'alarms-history-acknowledged');
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
  nodes: Array<{ target: unknown[] }>;
}

async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const { violations, passed } = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[]; passes: Array<{ id: string }> }> } }).axe.run(document, { resultTypes: ['violations'] });
    return { violations: result.violations, passed: result.passes.map((p) => p.id) };
  });
  // A scan that checked nothing proves nothing.
  expect(passed).toEqual(expect.arrayContaining(['color-contrast', 'button-name']));
  return violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
}

describe('accessibility of the alarm screens', () => {
  let scanRule: string;
  beforeAll(async () => {
    // A rule of its own, already breached, with no cooldown: each scan can ring it again.
    const api = await apiSession(stack.url);
    const created = await api.call('POST', '/alarms', { serial: SMOKER, channel: '2', kind: 'below', threshold: 900, units: 'F', name: 'Scan rule', cooldownMinutes: 0 });
    expect(created.status).toBe(201);
    scanRule = (created.body as { alarmId: string }).alarmId;
    await stack.pollNow([userId]);
  });

  it.each(variants)('has no critical or serious axe violation ($name)', async (variant) => {
    const context = await browser.newContext({ viewport: variant.viewport, colorScheme: variant.colorScheme });
    const page = await context.newPage();
    const found: string[] = [];
    const scan = async (screen: string) => {
      for (const v of await seriousViolations(page)) found.push(`${screen}: ${v.id} (${v.impact}) ${v.help} @ ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
      await screenshot(page, `a11y-${variant.name}-${screen}`);
      const wide = await page.evaluate(() => [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1).map((el) => `${el.tagName}.${el.className}`).slice(0, 5));
      expect(wide, `${screen} fits ${variant.viewport.width} px`).toEqual([]);
    };

    await signIn(page, stack.url, undefined, '/alarms');
    await page.locator('[data-testid^="alarm-state-"]').first().waitFor({ timeout: 20_000 });
    await scan('alarms');

    // The form open, with a field error showing, so its colours are checked too.
    await page.getByRole('button', { name: 'New alarm' }).click();
    const form = page.getByRole('form', { name: 'New alarm' });
    await form.getByRole('button', { name: 'Save alarm' }).click();
    await form.getByText('Choose the probe to watch.').waitFor();
    await scan('alarm-form');

    await page.goto(`${stack.url}/alarm-events`);
    await page.locator('[data-testid^="event-state-"]').first().waitFor({ timeout: 20_000 });
    await scan('alarm-events');

    await page.goto(`${stack.url}/settings/notifications`);
    await page.getByRole('heading', { name: 'Webhook' }).waitFor({ timeout: 20_000 });
    await scan('notifications');

    // A ringing banner, on the live view: the rule fires again once re-enabled while still breached.
    const api = await apiSession(stack.url);
    expect((await api.call('PATCH', `/alarms/${scanRule}`, { enabled: false })).status).toBe(200);
    expect((await api.call('PATCH', `/alarms/${scanRule}`, { enabled: true })).status).toBe(200);
    await page.goto(`${stack.url}${smokerPath}`);
    await waitForLive(page);
    await stack.pollNow([userId]);
    await page.getByTestId('alarm-banner').waitFor({ timeout: 20_000 });
    await scan('alarm-banner');
    for (const button of await page.getByTestId('alarm-banner').getByRole('button', { name: 'Acknowledge' }).all()) await button.click();

    expect(found).toEqual([]);
    await context.close();
  });
});
