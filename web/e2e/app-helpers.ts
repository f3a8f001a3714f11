/** What the browser tests share: signing in through the form, screenshots under test-results/, the API from Node. */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const DEMO = 'demo@pitwatch.local';
export const GUEST = 'guest@pitwatch.local';
export const PASSWORD = 'pitwatch';
/** The demo account's 4-probe Signals with a brisket on (the simulator's cook, not a Pitwatch cook). */
export const SMOKER = '12:34:56:78:90:AB';
export const smokerPath = `/devices/${encodeURIComponent(SMOKER)}`;

const resultsDir = fileURLToPath(new URL('../../test-results/', import.meta.url));

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(resultsDir, { recursive: true });
  const path = `${resultsDir}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Signs in through the form wherever the page is (it lands on /sign-in when signed out), then waits for a screen. */
export async function signIn(page: Page, baseUrl: string, email = DEMO, path = '/'): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Exact: the settings screen also has "Sign out <session>" buttons.
  await page.getByRole('button', { name: 'Sign out', exact: true }).waitFor({ timeout: 20_000 });
}

export async function waitForLive(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('live-status').first().textContent(), { timeout: 20_000 }).toMatch(/^\s*Live\s*$/);
}

/** The API, from the test's side: sign in, and call with the session. */
export async function apiSession(baseUrl: string, email = DEMO): Promise<{ token: string; userId: string; call(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> }> {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  expect(res.status).toBe(200);
  const { sessionToken: token, user } = (await res.json()) as { sessionToken: string; user: { userId: string } };
  return {
    token,
    userId: user.userId,
    async call(method, path, body) {
      const response = await fetch(`${baseUrl}/api${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      return { status: response.status, body: (await response.json()) as unknown };
    },
  };
}

/** The chart's x values (seconds) as drawn: the live view's chart element exposes them as `chartData`. */
export async function chartXs(page: Page): Promise<number[]> {
  return page.locator('[data-testid^="history-chart-"]').first().evaluate((el) => {
    const data = (el as HTMLElement & { chartData?: number[][] }).chartData;
    return data === undefined ? [] : [...data[0]!];
  });
}

/** The largest step between consecutive chart times at or after `fromSec`. */
export function largestGap(xs: readonly number[], fromSec: number): number {
  const after = xs.filter((x) => x >= fromSec);
  let gap = 0;
  for (let i = 1; i < after.length; i++) gap = Math.max(gap, after[i]! - after[i - 1]!);
  return gap;
}
