/**
 * `npm run bench:web`: the web app's figures (NOTES: "initial JS+CSS gzipped per route ≤ 150 KB"; "chart: 4 probes ×
 * 86,400 points first render < 200 ms"), ending with one JSON line.
 *
 * - Route weight (route-weights.ts): the JS and CSS a first visit to a route downloads, gzipped: the entry with its
 *   static imports, plus the route's screen chunk with its own. The live view is given twice: before its chart
 *   (readouts on screen) and with the chart chunk (uPlot), which it fetches right after.
 * - Chart: bench:chart's cold first render of the live view's chart (BENCH_RUNS renders, default 5).
 * - Lighthouse 12 (mobile emulation, its default simulated throttling) on the live view of the demo smoker, against
 *   the local stack, signed in first in the same tab (the session lives in sessionStorage), in Debian's Chromium.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { startLocalStack } from '../../infra/local/local-stack';
import { CHROMIUM_PATH } from '../e2e/browser';
import { measureChartRender } from './chart-bench';
import { BUDGET_KB, routeWeights } from './route-weights';

const SMOKER_PATH = `/devices/${encodeURIComponent('12:34:56:78:90:AB')}`;

async function lighthouseScores(): Promise<{ performance: number; accessibility: number; lcpMs: number; tbtMs: number }> {
  // The stack serves web/dist: build it first (`npm run build:web`), as npm start does.
  const stack = await startLocalStack({ port: 0, pollIntervalSeconds: 5 });
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
    const page = await browser.newPage();
    await page.goto(`${stack.url}/sign-in`, { waitUntil: 'networkidle0' });
    await page.type('input[name="email"]', 'demo@pitwatch.local');
    await page.type('input[name="password"]', 'pitwatch');
    await page.click('button[type="submit"]');
    await page.waitForSelector('[data-testid^="temp-"]', { timeout: 30_000 });
    const result = await lighthouse(
      `${stack.url}${SMOKER_PATH}`,
      { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] },
      undefined,
      page,
    );
    if (result === undefined) throw new Error('Lighthouse returned nothing');
    const { lhr } = result;
    if (!lhr.finalDisplayedUrl.includes('/devices/')) throw new Error(`Lighthouse measured ${lhr.finalDisplayedUrl}, not the live view (signed out?)`);
    const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    await browser.disconnect();
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? NaN),
      tbtMs: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? NaN),
    };
  } finally {
    chrome.kill();
    await stack.stop();
  }
}

async function main(): Promise<void> {
  const weights = await routeWeights();
  console.log('initial JS+CSS per route, gzipped (KB):');
  console.table(weights);
  const chart = await measureChartRender();
  console.log(`live-view chart, 4 probes × 86,400 points: first render median ${chart.medianMs} ms, p95 ${chart.p95Ms} ms (${chart.runs.length} cold renders)`);
  const lh = await lighthouseScores();
  console.log(`Lighthouse (mobile) on the live view: performance ${lh.performance}, accessibility ${lh.accessibility}; LCP ${lh.lcpMs} ms, TBT ${lh.tbtMs} ms`);
  const over = Object.entries(weights).filter(([, size]) => size > BUDGET_KB);
  console.log(over.length === 0 ? `every route within ${BUDGET_KB} KB` : `over ${BUDGET_KB} KB: ${over.map(([route, size]) => `${route} ${size} KB`).join(', ')}`);
  console.log(
    JSON.stringify({
      bench: 'web',
      signInKb: weights.signIn,
      devicesKb: weights.devices,
      liveViewKb: weights.liveView,
      liveViewWithChartKb: weights.liveViewWithChart,
      chartFirstRenderMsMedian: chart.medianMs,
      chartFirstRenderMsP95: chart.p95Ms,
      lighthousePerformance: lh.performance,
      lighthouseAccessibility: lh.accessibility,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
