/**
 * The app end to end in a real browser, against the whole local stack (DynamoDB Local, the ThermoWorks simulator,
 * the Lambda handlers behind the local gateways): sign in and land on the devices, readings change live, a device
 * opens by URL, a reload stays there, the back button goes back; the sign-in form checks each field on its own.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../infra/local/local-stack';
import { DEMO, SMOKER, screenshot, signIn, smokerPath, waitForLive } from './app-helpers';
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

describe('signing in and moving around', () => {
  it('signs in, lands on the devices, and sees a probe temperature change without a reload', async () => {
    const page = await browser.newPage();
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations.push(frame.url());
    });
    await page.goto(stack.url);
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await signIn(page, stack.url);
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByRole('heading', { name: 'Your thermometers' }).waitFor();
    await waitForLive(page);

    const temperatures = page.locator('[data-testid^="temp-"]');
    const read = async () => temperatures.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-testid')}=${e.textContent}`).join('|'));
    // The readouts render after the device list arrives, which under load can be after the socket is live.
    await expect.poll(read, { timeout: 30_000, interval: 250 }).toMatch(/\d/);
    const first = await read();
    const navigationsBefore = navigations.length;
    await expect.poll(read, { timeout: 30_000, interval: 250 }).not.toBe(first);
    expect(navigations.length).toBe(navigationsBefore);
    await screenshot(page, 'devices');
  });

  it('opens a device by URL (signing in on the way), stays there on reload, and the back button goes back', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${stack.url}${smokerPath}`);
    // Signed out: the sign-in form, then straight to where the link pointed.
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.getByLabel('Email').fill(DEMO);
    await page.getByLabel('Password').fill('pitwatch');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Offset smoker' }).waitFor({ timeout: 20_000 });
    expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(`/devices/${SMOKER}`);

    const chart = page.locator('[data-testid^="history-chart-"]');
    await expect.poll(() => chart.locator('canvas').count(), { timeout: 30_000, interval: 250 }).toBeGreaterThan(0);
    expect(await chart.getAttribute('role')).toBe('img');
    expect(await chart.getAttribute('aria-label')).toMatch(/Pit -?\d+ °F.* over the last 12 h$/);
    for (const channel of ['1', '2', '3', '4']) await page.getByTestId(`readout-${channel}`).waitFor();

    await page.reload();
    await page.getByRole('heading', { name: 'Offset smoker' }).waitFor({ timeout: 20_000 });
    expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(`/devices/${SMOKER}`);
    await expect.poll(() => chart.locator('canvas').count(), { timeout: 30_000, interval: 250 }).toBeGreaterThan(0);
    await screenshot(page, 'live-view');

    // The system turns dark while the chart is open: the same chart redraws in the dark palette.
    const canvas = await chart.locator('canvas').first().elementHandle();
    expect(await chart.getAttribute('data-palette')).toBe('light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => chart.getAttribute('data-palette')).toBe('dark');
    expect(await chart.locator('canvas').first().evaluate((el, before) => el === before, canvas)).toBe(true);
    await screenshot(page, 'live-view-turned-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    await page.getByRole('link', { name: 'Cooks' }).click();
    await page.getByRole('heading', { name: 'Cooks in progress' }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: 'Offset smoker' }).waitFor();
    await page.getByRole('link', { name: '← All devices' }).click();
    await page.getByRole('heading', { name: 'Your thermometers' }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: 'Offset smoker' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('says which field is missing, only that one, and what the server said about a wrong password', async () => {
    const page = await browser.newPage();
    await page.goto(stack.url);
    await expect.poll(() => page.locator('.login__hint').textContent()).toMatch(/demo@pitwatch\.local.*guest@pitwatch\.local/);
    await page.getByLabel('Email').fill(DEMO);
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Email').getAttribute('aria-invalid')).toBe('false');
    expect(await page.getByText('Enter your password.').count()).toBe(1);
    await screenshot(page, 'sign-in-missing-password');

    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.locator('body').textContent(), { timeout: 10_000 }).toMatch(/wrong email or password/i);
  });

  it('shows "not found" for an unknown screen, and 404 (not the app) for a missing file', async () => {
    const page = await browser.newPage();
    await signIn(page, stack.url, DEMO, '/no-such-screen');
    await page.getByRole('heading', { name: 'Nothing here' }).waitFor();
    for (const path of ['/favicon.ico', '/manifest.json', '/no-such.js']) expect((await fetch(`${stack.url}${path}`)).status, path).toBe(404);
  });
});
