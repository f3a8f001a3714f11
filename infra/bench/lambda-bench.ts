/**
 * `npm run bench:lambda`: cold-start work of each Lambda — its bundle size, built exactly as the CDK app builds it
 * (esbuild, minified ESM, @aws-sdk external), and the time to import it (module init) in a fresh Node process,
 * median of several runs. Ends with one JSON line of the headline figures.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const RUNS = 7;
/** Every Lambda handler: each file directly under these folders of functions/ is one function's entry. */
const HANDLER_FOLDERS = ['poll', 'http', 'ws', 'notify', 'mqtt'];
const entries: Record<string, string> = Object.fromEntries(
  HANDLER_FOLDERS.flatMap((folder) =>
    readdirSync(join(repoRoot, 'functions', folder))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .sort()
      .map((f) => [f.replace(/\.ts$/, ''), `functions/${folder}/${f}`]),
  ),
);

const env = {
  ...process.env,
  TABLE_NAME: 'bench',
  HISTORY_STORE: 'timestream',
  TIMESTREAM_DATABASE_NAME: 'db',
  TIMESTREAM_TABLE_NAME: 'readings',
  VAULT_KEY_ID: 'arn:aws:kms:us-east-1:111122223333:key/bench',
  WS_CALLBACK_URL: 'https://abc.execute-api.us-east-1.amazonaws.com/live',
  POLL_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/111122223333/poll',
  MQTT_PUBLISH_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/111122223333/mqtt',
  SHARE_EXPIRY_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/111122223333/share-expiry',
  NOTIFY_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/111122223333/notify',
  EXPORT_BUCKET: 'bench-exports',
  PUBLIC_WEB_URL: 'https://pit.example.com',
  AWS_REGION: 'us-east-1',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median over RUNS fresh Node processes of the time to import `modules` in turn (ms, one decimal). */
function medianImportMs(probeFile: string, modules: readonly string[], failure: string): number {
  writeFileSync(probeFile, `const t = performance.now(); ${modules.map((m) => `await import(${JSON.stringify(m)});`).join(' ')} console.log(performance.now() - t);`);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const run = spawnSync(process.execPath, [probeFile], { env, encoding: 'utf8', cwd: repoRoot });
    if (run.status !== 0) throw new Error(`${failure}: ${run.stderr}`);
    times.push(Number(run.stdout.trim()));
  }
  return Number(median(times).toFixed(1));
}

async function main(): Promise<void> {
  // Inside the repository so the externals (@aws-sdk) resolve from node_modules, as the Lambda runtime provides them.
  const out = join(repoRoot, 'node_modules', '.cache', 'pitwatch-lambda-bench');
  mkdirSync(out, { recursive: true });
  const rows: Array<{ name: string; bytes: number; initMs: number; sdkMs: number; sdkPackages: string[] }> = [];
  for (const [name, entry] of Object.entries(entries)) {
    const file = join(out, `${name}.mjs`);
    await build({
      entryPoints: [join(repoRoot, entry)],
      bundle: true,
      minify: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      external: ['@aws-sdk/*'],
      // As infra/constructs/pitwatch-function.ts bundles them: packages' ESM builds first, Node's own stream module.
      mainFields: ['module', 'main'],
      alias: { 'readable-stream': 'stream' },
      outfile: file,
      banner: { js: "import { createRequire as __pitwatchCreateRequire } from 'node:module';const require = __pitwatchCreateRequire(import.meta.url);" },
      logLevel: 'silent',
    });
    const initMs = medianImportMs(join(out, `probe-${name}.mjs`), [file], `${name} failed to load`);
    // What bounds it: the same fresh process importing only the AWS SDK packages the bundle imports (the runtime
    // provides them; they are not in the bundle), so init minus this is our own code, zod, middy and Powertools.
    const sdkPackages = [...new Set([...readFileSync(file, 'utf8').matchAll(/from\s*"(@aws-sdk\/[^"]+)"/g)].map((m) => m[1] as string))].sort();
    // Imported on first use, not at init (shared/aws adapters of clients only some requests need): not in either figure.
    const lazyPackages = [...new Set([...readFileSync(file, 'utf8').matchAll(/import\(\s*"(@aws-sdk\/[^"]+)"\s*\)/g)].map((m) => m[1] as string))].sort();
    const sdkMs = medianImportMs(join(out, `probe-sdk-${name}.mjs`), sdkPackages, `${name}'s SDK imports failed to load`);
    const row = { name, bytes: statSync(file).size, initMs, sdkMs, sdkPackages };
    rows.push(row);
    console.error(`${name}: ${row.bytes} bytes, init ${row.initMs} ms, of which the AWS SDK imports alone ${row.sdkMs} ms (${sdkPackages.join(', ') || 'none'})${lazyPackages.length ? `; on first use: ${lazyPackages.join(', ')}` : ''}`);
  }
  console.log(`function         bundle (KB)   module init (ms, median of ${RUNS})   AWS SDK imports alone (ms)`);
  for (const r of rows) console.log(`${r.name.padEnd(16)} ${(r.bytes / 1024).toFixed(1).padStart(10)}   ${r.initMs.toFixed(1).padStart(8)}   ${r.sdkMs.toFixed(1).padStart(8)}`);
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (init times are wall clock: a busy machine inflates them)`);
  console.log(
    JSON.stringify({
      bench: 'lambda',
      maxBundleKB: Number((Math.max(...rows.map((r) => r.bytes)) / 1024).toFixed(1)),
      maxInitMs: Math.max(...rows.map((r) => r.initMs)),
      functionsCount: rows.length,
      loadAverage: loadavg().map((l) => Number(l.toFixed(1))),
      functions: Object.fromEntries(rows.map((r) => [r.name, { bundleKB: Number((r.bytes / 1024).toFixed(1)), initMs: r.initMs, sdkImportMs: r.sdkMs }])),
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
