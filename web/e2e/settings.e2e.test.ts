/**
 * Settings in a real browser against the local stack: °C and 24-hour clock change every number and time on screen,
 * the dark theme applies, the choice is on the server (another page of the same user agrees); sessions are listed,
 * "Sign out everywhere else" ends the other page's session (it goes to sign-in and says why), "Sign out" ends this
 * one on the server too.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../infra/local/local-stack';
import { GUEST, SMOKER, apiSession, screenshot, signIn, smokerPath, waitForLive } from './app-helpers';
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

const fToC = (f: number) => ((f - 32) * 5) / 9;

async function texts(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()));
}

describe('display settings', () => {
  it('shows every temperature, target and rate in °C and every time in 24-hour form once chosen, on every screen', async () => {
    const api = await apiSession(stack.url);
    // Devices are known once polled: poll now rather than race the stack's first dispatch.
    await stack.pollNow([api.userId]);
    // A Pitwatch cook on the smoker, so targets, ETAs and min/max are on screen too.
    const started = await api.call('POST', '/cooks', { serial: SMOKER, pitChannel: '1', probes: [{ channel: '2', presetId: 'brisket' }, { channel: '3', target: 205 }] });
    expect(started.status).toBe(201);

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, stack.url, undefined, smokerPath);
    await page.getByTestId(`target-${SMOKER}-2`).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId(`target-${SMOKER}-2`).textContent()).toBe('203 °F');

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('radio', { name: '°C (Celsius)' }).check();
    await page.getByRole('radio', { name: '24-hour (14:05)' }).check();
    await page.getByRole('radio', { name: 'Dark' }).check();
    // Saved on the server, not only here.
    await expect.poll(async () => (await api.call('GET', '/me/settings')).body, { timeout: 10_000 }).toEqual({ units: 'C', clock: '24h', timeZone: null, theme: 'dark' });
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');

    await page.goBack();
    await page.getByTestId(`target-${SMOKER}-2`).waitFor();
    await expect.poll(() => page.getByTestId(`target-${SMOKER}-2`).textContent()).toBe(`${Math.round(fToC(203))} °C`);
    expect(await page.getByTestId(`target-${SMOKER}-3`).textContent()).toBe(`${Math.round(fToC(205))} °C`);
    expect(await texts(page, '[data-testid^="unit-"]')).toEqual(['°C', '°C', '°C', '°C']);
    // The readouts match the API's °F, converted (the probes move between the two reads, so within a degree).
    const devices = (await api.call('GET', '/devices')).body as { devices: Array<{ serial: string; channels: Array<{ number: string; value: number | null }> }> };
    const pitF = devices.devices.find((d) => d.serial === SMOKER)!.channels.find((c) => c.number === '1')!.value!;
    const pitShown = Number(await page.getByTestId(`temp-${SMOKER}-1`).textContent());
    expect(Math.abs(pitShown - fToC(pitF))).toBeLessThan(1.5);
    await page.locator('[data-testid^="history-chart-"] canvas').first().waitFor({ timeout: 30_000 });
    for (const rate of await texts(page, '[data-testid^="rate-"]')) expect(rate).toMatch(/^(—|steady|[+−]\d+ °C\/h)$/);
    for (const minMax of await texts(page, '[data-testid^="minmax-"]')) expect(minMax).toMatch(/^-?\d+\.\d °C \/ -?\d+\.\d °C$/);
    // Times: 24-hour, no AM/PM anywhere (brush, legend, ETA, alerts).
    expect(await page.locator('.brush__label').textContent()).toMatch(/^Showing \d{1,2}:\d{2} – \d{1,2}:\d{2}$/);
    expect(await page.locator('main').textContent()).not.toMatch(/\b(AM|PM)\b/);
    expect(await page.locator('main').textContent()).not.toMatch(/°F/);
    await screenshot(page, 'live-view-celsius-dark');

    await page.getByRole('link', { name: 'Devices', exact: true }).click();
    await page.getByRole('heading', { name: 'Your thermometers' }).waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/°F|\b(AM|PM)\b/);
    await page.getByRole('link', { name: 'Cooks' }).click();
    await page.getByText('Brisket flat').waitFor();
    expect(await page.locator('main').textContent()).toMatch(/→ 95 °C/);
    expect(await page.locator('main').textContent()).not.toMatch(/°F/);

    // Another screen of the same user agrees at once: the settings live on the server.
    const other = await browser.newPage();
    await signIn(other, stack.url, undefined, smokerPath);
    await expect.poll(() => other.getByTestId(`target-${SMOKER}-2`).textContent(), { timeout: 20_000 }).toBe('95 °C');
    expect(await other.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await other.close();
    await page.close();
    await api.call('PATCH', '/me/settings', { units: 'F', clock: '12h', theme: 'system' });
  });
});

describe('sessions', () => {
  it('lists the sessions, signs the others out (that page goes to sign-in and says why), and "Sign out" ends this one on the server', async () => {
    const laptop = await browser.newPage();
    const phoneContext = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const phone = await phoneContext.newPage();
    await signIn(phone, stack.url, GUEST);
    await waitForLive(phone);
    await signIn(laptop, stack.url, GUEST, '/settings');
    await expect.poll(() => laptop.getByTestId('session').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    expect(await laptop.getByText('This screen', { exact: true }).count()).toBe(1);
    await screenshot(laptop, 'settings-sessions');

    await laptop.getByRole('button', { name: 'Sign out everywhere else' }).click();
    // The server says `session-ended` on the phone's socket before closing it.
    await phone.waitForURL((url) => url.pathname === '/sign-in', { timeout: 10_000 });
    await expect.poll(() => phone.locator('.notice').textContent()).toMatch(/signed out from another screen/i);
    await screenshot(phone, 'signed-out-elsewhere-phone');
    await expect.poll(() => laptop.getByTestId('session').count(), { timeout: 10_000 }).toBe(1);

    const token = await laptop.evaluate(() => (JSON.parse(sessionStorage.getItem('pitwatch.session') ?? '{}') as { sessionToken?: string }).sessionToken);
    const logout = laptop.waitForRequest((request) => request.method() === 'POST' && request.url().endsWith('/api/auth/logout'));
    await laptop.getByRole('button', { name: 'Sign out', exact: true }).click();
    await logout;
    await laptop.waitForURL((url) => url.pathname === '/sign-in');
    const after = await fetch(`${stack.url}/api/devices`, { headers: { authorization: `Bearer ${token}` } });
    expect(after.status).toBe(401);
    await phoneContext.close();
    await laptop.close();
  });
});
