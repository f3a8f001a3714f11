/**
 * `npm run bench:api`: cook records on the local stack (the real handlers behind the local gateway, DynamoDB Local,
 * the local S3 stand-in).
 * - `GET /cooks/{cookId}/readings` for a 12 h, 4-probe cook at one reading per 15 s: p50 / p95 over many requests
 *   (target p95 < 150 ms);
 * - the export of a 48 h, 4-probe cook at one reading per 2 s (345,600 rows): time to the link, and the process's
 *   peak RSS and heap during it above what they were before, beside the same for a quarter of it (12 h at 2 s,
 *   86,400 rows), so "memory flat, not proportional to rows" can be read off two numbers. The link is then
 *   downloaded and its rows counted.
 * The history is written straight to the table first (DynamoDB Local takes minutes for 345,600 rows).
 * `BENCH_EXPORT_HOURS=12` runs a shorter large export. Ends with one JSON line of the headline figures.
 */
import { startLocalStack } from '../local/local-stack';
import { seedLongCook } from '../local/testing/long-cook';
import { progressLog } from './progress-log';

const READ_SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
const EXPORT_HOURS = Number(process.env.BENCH_EXPORT_HOURS ?? 48);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

async function main(): Promise<void> {
  process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
  const log = progressLog('bench:api');
  const stack = await startLocalStack({ port: 0, autoDispatch: false });
  try {
    const login = await fetch(`${stack.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'demo@pitwatch.local', password: 'pitwatch' }),
    });
    const { sessionToken } = (await login.json()) as { sessionToken: string };
    const auth = { authorization: `Bearer ${sessionToken}` };
    const base = { dynamoEndpoint: stack.dynamoEndpoint, tableName: 'pitwatch-local', accountId: 'acct-demo-0001', channels: 4 };

    log('writing a 12 h cook, 4 probes, one reading per 15 s');
    const twelve = await seedLongCook({ ...base, serial: 'BENCH-12H', cookId: 'bench-12h', startMs: Date.UTC(2026, 9, 1, 8), hours: 12, stepSeconds: 15 });
    const readingsUrl = `${stack.url}/api/cooks/bench-12h/readings?maxPoints=720`;
    const durations: number[] = [];
    for (let i = 0; i < READ_SAMPLES + 10; i++) {
      const t = performance.now();
      const res = await fetch(readingsUrl, { headers: auth });
      if (res.status !== 200) throw new Error(`readings answered ${res.status}`);
      await res.arrayBuffer();
      if (i >= 10) durations.push(performance.now() - t); // the first few warm the handler and DynamoDB Local
    }
    const readings = { p50: Math.round(percentile(durations, 50)), p95: Math.round(percentile(durations, 95)) };
    console.log(`GET /cooks/{cookId}/readings, 12 h × 4 probes @ 15 s (${twelve.rows} rows), ${READ_SAMPLES} requests: p50 ${readings.p50} ms, p95 ${readings.p95} ms`);

    /** One export: time to the link, peak RSS above the RSS before it (sampled every 10 ms), rows downloaded. */
    const exportOnce = async (cookId: string) => {
      const before = process.memoryUsage();
      let peak = before.rss;
      let peakHeap = before.heapUsed;
      const sampler = setInterval(() => {
        const now = process.memoryUsage();
        peak = Math.max(peak, now.rss);
        peakHeap = Math.max(peakHeap, now.heapUsed);
      }, 10);
      const t = performance.now();
      const res = await fetch(`${stack.url}/api/cooks/${cookId}/export?format=csv`, { headers: auth });
      const link = (await res.json()) as { url: string; bytes: number };
      const seconds = (performance.now() - t) / 1000;
      clearInterval(sampler);
      // Count rows as the file streams in, without holding it.
      let rows = -1;
      const reader = (await fetch(link.url)).body!.getReader();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) for (const byte of chunk.value) if (byte === 10) rows++;
      return { seconds: Math.round(seconds * 10) / 10, peakRssAboveBaselineMb: mb(peak - before.rss), peakHeapAboveBaselineMb: mb(peakHeap - before.heapUsed), baselineRssMb: mb(before.rss), rows, bytes: link.bytes };
    };
    const describe = (what: string, e: Awaited<ReturnType<typeof exportOnce>>) =>
      `export ${what}: ${e.rows} rows, ${mb(e.bytes)} MB in ${e.seconds} s; peak RSS +${e.peakRssAboveBaselineMb} MB over ${e.baselineRssMb} MB, peak heap +${e.peakHeapAboveBaselineMb} MB`;
    log('writing a quarter of the large cook: 12 h, 4 probes, one reading per 2 s');
    const quarter = await seedLongCook({ ...base, serial: 'BENCH-QUARTER', cookId: 'bench-quarter', startMs: Date.UTC(2026, 9, 3, 8), hours: Math.max(1, EXPORT_HOURS / 4), stepSeconds: 2 });
    const small = await exportOnce('bench-quarter');
    console.log(describe(`${EXPORT_HOURS / 4} h × 4 @ 2 s`, small));
    if (small.rows !== quarter.rows) throw new Error(`exported ${small.rows} rows of ${quarter.rows}`);

    log(`writing a ${EXPORT_HOURS} h cook, 4 probes, one reading per 2 s (${EXPORT_HOURS * 1800 * 4} rows): DynamoDB Local takes a while`);
    const large = await seedLongCook({ ...base, serial: 'BENCH-LARGE', cookId: 'bench-large', startMs: Date.UTC(2026, 9, 5, 8), hours: EXPORT_HOURS, stepSeconds: 2 });
    log(`written: ${large.rows} rows; exporting`);
    const big = await exportOnce('bench-large');
    console.log(describe(`${EXPORT_HOURS} h × 4 @ 2 s`, big));
    if (big.rows !== large.rows) throw new Error(`exported ${big.rows} rows of ${large.rows}`);

    console.log(
      JSON.stringify({
        bench: 'api',
        readingsP50Ms: readings.p50,
        readingsP95Ms: readings.p95,
        readingsRows: twelve.rows,
        exportRows: big.rows,
        exportSeconds: big.seconds,
        exportMb: mb(big.bytes),
        exportPeakRssAboveBaselineMb: big.peakRssAboveBaselineMb,
        exportPeakHeapAboveBaselineMb: big.peakHeapAboveBaselineMb,
        quarterExportRows: small.rows,
        quarterExportSeconds: small.seconds,
        quarterExportPeakRssAboveBaselineMb: small.peakRssAboveBaselineMb,
        quarterExportPeakHeapAboveBaselineMb: small.peakHeapAboveBaselineMb,
      }),
    );
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
