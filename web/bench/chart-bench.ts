/**
 * `npm run bench:chart`: how long the live view's chart takes to first render a day of one-second readings from
 * 4 probes (NOTES: "chart: 4 probes × 86,400 points first render < 200 ms"). `npm run bench:web` reuses
 * `measureChartRender`.
 *
 * Bundles web/bench/chart-bench-page.ts (the app's mergeSeries + buildChartOptions + uPlot's ESM build) with
 * esbuild, loads it with uPlot's stylesheet into Debian's Chromium (playwright-core, no download) and renders
 * the chart BENCH_RUNS times (default 5), each in a fresh page: a user opens the chart once, so every measured
 * render is a cold one (no JIT warm-up from an earlier render). Prints a table and one final JSON line.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { launchChromium } from '../e2e/browser';
import type { ChartBenchResult, ChartBenchRun } from './chart-bench-page';

const SERIES = 4;
const POINTS = 86_400;
const WIDTH = 960;
const HEIGHT = 300;
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const BUDGET_MS = 200;

async function pageHtml(): Promise<string> {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./chart-bench-page.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'warning',
  });
  const js = bundle.outputFiles[0]!.text;
  const css = await readFile(createRequire(import.meta.url).resolve('uplot/dist/uPlot.min.css'), 'utf8');
  // </script> cannot occur in a minified bundle of this code, but guard the inlining anyway.
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head><body><script>${js.replaceAll('</script', '<\\/script')}</script></body></html>`;
}

function quantile(sorted: number[], q: number): number {
  // Nearest rank: with few runs, p95 is the slowest, which is the honest reading.
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

export interface ChartRenderFigures {
  series: number;
  points: number;
  columns: number;
  width: number;
  height: number;
  runs: ChartBenchRun[];
  medianMs: number;
  p95Ms: number;
}

/** Cold first renders of the chart (a fresh page each), in Debian's Chromium. */
export async function measureChartRender(runs = RUNS): Promise<ChartRenderFigures> {
  const html = await pageHtml();
  const browser = await launchChromium();
  const measured: ChartBenchRun[] = [];
  let result: ChartBenchResult | undefined;
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: WIDTH + 40, height: 800 }, deviceScaleFactor: 1 });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.setContent(html, { waitUntil: 'load' });
      if (errors.length > 0) throw new Error(`bench page failed: ${errors.join('; ')}`);
      result = await page.evaluate((options) => window.runChartBench(options), { series: SERIES, points: POINTS, runs: 1, width: WIDTH, height: HEIGHT });
      measured.push(...result.runs);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  if (result === undefined) throw new Error('no run finished');
  const firstRender = measured.map((r) => r.firstRenderMs).sort((a, b) => a - b);
  return { ...result, runs: measured, medianMs: round(quantile(firstRender, 0.5)), p95Ms: round(quantile(firstRender, 0.95)) };
}

async function main(): Promise<void> {
  const result = await measureChartRender();
  const measured = result.runs;
  const rows = measured.map((run, i) => ({
    run: i + 1,
    'merge ms': round(run.mergeMs),
    'new uPlot() ms': round(run.constructMs),
    'first render ms': round(run.firstRenderMs),
    'to next frame ms': round(run.toFrameMs),
  }));
  console.log(
    `chart: ${result.series} series × ${result.points.toLocaleString('en')} points (${result.columns.toLocaleString('en')} x values), ` +
      `${result.width}×${result.height} px, Chromium, ${RUNS} cold renders (a fresh page each)`,
  );
  console.table(rows);

  const firstRender = measured.map((r) => r.firstRenderMs).sort((a, b) => a - b);
  const merge = measured.map((r) => r.mergeMs).sort((a, b) => a - b);
  const median = quantile(firstRender, 0.5);
  const p95 = quantile(firstRender, 0.95);
  console.log(
    `first render median ${round(median)} ms, p95 ${round(p95)} ms (budget ${BUDGET_MS} ms: ${median < BUDGET_MS ? 'met' : 'MISSED'}); ` +
      `merging the 4 API series (app's mergeSeries, not in the figure) median ${round(quantile(merge, 0.5))} ms`,
  );
  console.log(
    JSON.stringify({
      bench: 'chart',
      series: result.series,
      points: result.points,
      firstRenderMsMedian: round(median),
      firstRenderMsP95: round(p95),
    }),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
