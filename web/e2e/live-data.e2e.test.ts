/**
 * Live data in a real browser against the local stack: offline is shown within 5 s and the chart has no hole after
 * the connection comes back (the gap is fetched from the history API); a socket that goes silent while the browser
 * still thinks it is online is noticed within 5 s too (the heartbeat); a cook ended on one screen ends on another
 * within 5 s (the server's `cook` message).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../infra/local/local-stack';
import { SMOKER, apiSession, chartXs, largestGap, screenshot, signIn, smokerPath, waitForLive } from './app-helpers';
import { launchChromium } from './browser';

const POLL_SECONDS = 5;

let stack: LocalStack;
let browser: Browser;

beforeAll(async () => {
  stack = await startLocalStack({ port: 0, pollIntervalSeconds: POLL_SECONDS });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('going offline and coming back', () => {
  it('shows the offline banner at once, and the chart has no gap once back', async () => {
    const api = await apiSession(stack.url);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signIn(page, stack.url, undefined, smokerPath);
    await page.locator('[data-testid^="history-chart-"] canvas').first().waitFor({ timeout: 30_000 });
    await waitForLive(page);
    // Live points from here on: the history before it is downsampled to the chart's width.
    const shownAt = Date.now() / 1000;
    await expect.poll(async () => (await chartXs(page)).filter((x) => x >= shownAt).length, { timeout: 30_000 }).toBeGreaterThan(1);

    const offlineAt = Date.now();
    await context.setOffline(true);
    await page.getByTestId('offline-banner').waitFor({ timeout: 5_000 });
    console.log(`offline banner after ${Date.now() - offlineAt} ms`);
    expect(Date.now() - offlineAt).toBeLessThan(5_000);
    expect(await page.getByTestId('live-status').textContent()).toMatch(/Offline/);
    await screenshot(page, 'offline-banner');

    // Stay offline until the server has stored 30 s of readings the page could not get.
    const readingsSince = async () => {
      const from = new Date(offlineAt).toISOString();
      const to = new Date().toISOString();
      const history = (await api.call('GET', `/devices/${encodeURIComponent(SMOKER)}/history?channel=1&from=${from}&to=${to}&maxPoints=5000`)).body as { points: Array<{ at: string }> };
      return history.points.filter((p) => Date.parse(p.at) > offlineAt).map((p) => Date.parse(p.at));
    };
    await expect.poll(async () => Math.max(0, ...(await readingsSince())) - offlineAt, { timeout: 60_000, interval: 1_000 }).toBeGreaterThan(30_000);
    const missed = await readingsSince();
    expect((await chartXs(page)).filter((x) => x * 1000 > offlineAt + 1_000).length).toBe(0); // really cut off

    await context.setOffline(false);
    await waitForLive(page);
    expect(await page.getByTestId('offline-banner').count()).toBe(0);
    const lastMissed = Math.max(...missed) / 1000;
    await expect.poll(async () => (await chartXs(page)).some((x) => x >= lastMissed), { timeout: 20_000 }).toBe(true);
    // The outage lasted over 30 s; with the gap filled, no step between chart points is more than two polls.
    const gap = largestGap(await chartXs(page), shownAt);
    console.log(`largest gap between chart points after a ${Math.round((Date.now() - offlineAt) / 1000)} s outage: ${gap} s (polls every ${POLL_SECONDS} s)`);
    expect(gap).toBeLessThanOrEqual(2 * POLL_SECONDS);
    await screenshot(page, 'back-online-no-gap');
    await context.close();
    // Waits for 30 s of server-side readings while offline: longer than the project's default test timeout allows.
  }, 180_000);
});

describe('a socket that goes silent while the browser thinks it is online', () => {
  it('says so within 5 s (the heartbeat), and is live again once the server answers', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    // Every account socket goes through this relay; `silent` drops what passes both ways, like a dead NAT entry.
    let silent = false;
    let sockets = 0;
    await page.routeWebSocket(/\/ws\?token=/, (socket) => {
      sockets += 1;
      const server = socket.connectToServer();
      socket.onMessage((message) => {
        if (!silent) server.send(message);
      });
      server.onMessage((message) => {
        if (!silent) socket.send(message);
      });
    });
    await signIn(page, stack.url, undefined, smokerPath);
    await waitForLive(page);
    const before = sockets;

    silent = true;
    const silencedAt = Date.now();
    await page.getByTestId('offline-banner').waitFor({ timeout: 5_000 });
    console.log(`silent socket noticed after ${Date.now() - silencedAt} ms; sockets ${sockets}`);
    expect(await page.getByTestId('live-status').textContent()).toMatch(/Reconnecting/);
    await screenshot(page, 'silent-socket-reconnecting');

    silent = false;
    await waitForLive(page);
    expect(sockets).toBeGreaterThan(before); // a new socket, not the dead one revived
    expect(await page.getByTestId('offline-banner').count()).toBe(0);
    await context.close();
  });
});

describe('two screens', () => {
  it('ends a cook in one page and the other page shows it ended within 5 s', async () => {
    const api = await apiSession(stack.url);
    // Devices are known once polled: poll now rather than race the stack's first dispatch.
    await stack.pollNow([api.userId]);
    expect((await api.call('POST', '/cooks', { serial: SMOKER, probes: [{ channel: '2', presetId: 'brisket' }] })).status).toBe(201);

    // Two browsers, as a phone and a laptop would be: nothing shared but the account.
    const laptopContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const phoneContext = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const laptop = await laptopContext.newPage();
    const phone = await phoneContext.newPage();
    await Promise.all([signIn(laptop, stack.url, undefined, smokerPath), signIn(phone, stack.url, undefined, smokerPath)]);
    const status = `cook-status-${SMOKER}`;
    await Promise.all([laptop.getByTestId(status).waitFor({ timeout: 20_000 }), phone.getByTestId(status).waitFor({ timeout: 20_000 })]);
    await waitForLive(phone);

    await laptop.getByRole('button', { name: 'End cook' }).click();
    await laptop.getByRole('button', { name: 'Start cook' }).waitFor({ timeout: 10_000 });
    const endedAt = Date.now();
    await phone.getByRole('button', { name: 'Start cook' }).waitFor({ timeout: 5_000 });
    expect(await phone.getByTestId(status).count()).toBe(0);
    console.log(`cook ended on the other screen after ${Date.now() - endedAt} ms`);
    await screenshot(phone, 'cook-ended-elsewhere-phone');
    await laptopContext.close();
    await phoneContext.close();
  });
});
