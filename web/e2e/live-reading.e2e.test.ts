/**
 * The walking skeleton end to end, in a real browser: sign in with the demo account, see a probe temperature, and
 * watch it change over the WebSocket without a reload. Everything behind the page is real: DynamoDB Local, the
 * ThermoWorks simulator over HTTP, the Lambda handlers behind the local gateways.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../infra/local/local-stack';
import { launchChromium } from './browser';

let stack: LocalStack;
let browser: Browser;

beforeAll(async () => {
  stack = await startLocalStack({ port: 0, pollIntervalSeconds: 5 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('live readings in the browser', () => {
  it('shows a probe temperature after sign-in and updates it without reload', async () => {
    const page = await browser.newPage();
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations.push(frame.url());
    });
    await page.goto(stack.url);
    await page.getByLabel('Email').fill('demo@pitwatch.local');
    await page.getByLabel('Password').fill('pitwatch');
    await page.getByRole('button', { name: 'Sign in' }).click();

    const temperatures = page.locator('[data-testid^="temp-"]');
    await temperatures.first().waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByTestId('live-status').textContent(), { timeout: 20_000 }).toMatch(/live/i);

    const read = async () => temperatures.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-testid')}=${e.textContent}`).join('|'));
    const first = await read();
    expect(first).toMatch(/\d/);
    const navigationsBefore = navigations.length;
    await expect.poll(read, { timeout: 30_000, interval: 250 }).not.toBe(first);
    expect(navigations.length).toBe(navigationsBefore);
  });

  it('tells the user when the password is wrong', async () => {
    const page = await browser.newPage();
    await page.goto(stack.url);
    await page.getByLabel('Email').fill('demo@pitwatch.local');
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.locator('body').textContent(), { timeout: 10_000 }).toMatch(/wrong email or password/i);
  });
});

describe('history chart in the browser', () => {
  it('opens a device history chart, with readings from the API, and names it for screen readers', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(stack.url);
    await page.getByLabel('Email').fill('demo@pitwatch.local');
    await page.getByLabel('Password').fill('pitwatch');
    await page.getByRole('button', { name: 'Sign in' }).click();

    const toggle = page.getByRole('button', { name: 'History' }).first();
    await toggle.waitFor({ timeout: 20_000 });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');

    const chart = page.locator('[data-testid^="history-chart-"]').first();
    await chart.waitFor({ timeout: 20_000 });
    // The stack has been polling the simulator since it started: there is history to draw.
    await expect.poll(() => chart.locator('canvas').count(), { timeout: 30_000, interval: 500 }).toBeGreaterThan(0);
    expect(await chart.getAttribute('role')).toBe('img');
    expect(await chart.getAttribute('aria-label')).toMatch(/-?\d+ °[FC].* over the last 12 h$/);

    await page.getByRole('button', { name: '1 h' }).first().click();
    await expect.poll(() => chart.getAttribute('aria-label'), { timeout: 20_000 }).toMatch(/over the last 1 h$/);
    expect(errors).toEqual([]);
  });
});
