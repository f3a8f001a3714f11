/**
 * `npm run bench:lambda`: cold-start work of each Lambda — its bundle size, built exactly as the CDK app builds it
 * (esbuild, minified ESM, @aws-sdk external), and the time to import it (module init) in a fresh Node process,
 * median of several runs. Ends with one JSON line of the headline figures.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const RUNS = 7;
const entries = {
  dispatch: 'functions/poll/dispatch.ts',
  worker: 'functions/poll/worker.ts',
  login: 'functions/http/login.ts',
  devices: 'functions/http/devices.ts',
  history: 'functions/http/history.ts',
  account: 'functions/http/account.ts',
  cooks: 'functions/http/cooks.ts',
  connect: 'functions/ws/connect.ts',
  disconnect: 'functions/ws/disconnect.ts',
  message: 'functions/ws/message.ts',
} as const;

const env = {
  ...process.env,
  TABLE_NAME: 'bench',
  HISTORY_STORE: 'timestream',
  TIMESTREAM_DATABASE_NAME: 'db',
  TIMESTREAM_TABLE_NAME: 'readings',
  VAULT_KEY_ID: 'arn:aws:kms:us-east-1:111122223333:key/bench',
  WS_CALLBACK_URL: 'https://abc.execute-api.us-east-1.amazonaws.com/live',
  POLL_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/111122223333/poll',
  AWS_REGION: 'us-east-1',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main(): Promise<void> {
  // Inside the repository so the externals (@aws-sdk) resolve from node_modules, as the Lambda runtime provides them.
  const out = join(repoRoot, 'node_modules', '.cache', 'pitwatch-lambda-bench');
  mkdirSync(out, { recursive: true });
  const rows: Array<{ name: string; bytes: number; initMs: number }> = [];
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
      outfile: file,
      banner: { js: "import { createRequire as __pitwatchCreateRequire } from 'node:module';const require = __pitwatchCreateRequire(import.meta.url);" },
      logLevel: 'silent',
    });
    const probe = join(out, `probe-${name}.mjs`);
    writeFileSync(probe, `const t = performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now() - t);`);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const run = spawnSync(process.execPath, [probe], { env, encoding: 'utf8', cwd: repoRoot });
      if (run.status !== 0) throw new Error(`${name} failed to load: ${run.stderr}`);
      times.push(Number(run.stdout.trim()));
    }
    rows.push({ name, bytes: statSync(file).size, initMs: Number(median(times).toFixed(1)) });
    console.error(`${name}: ${statSync(file).size} bytes, init ${median(times).toFixed(1)} ms`);
  }
  console.log('function     bundle (KB)   module init (ms, median of 7)');
  for (const r of rows) console.log(`${r.name.padEnd(12)} ${(r.bytes / 1024).toFixed(1).padStart(10)}   ${r.initMs.toFixed(1).padStart(8)}`);
  console.log(
    JSON.stringify({
      bench: 'lambda',
      maxBundleKB: Number((Math.max(...rows.map((r) => r.bytes)) / 1024).toFixed(1)),
      maxInitMs: Math.max(...rows.map((r) => r.initMs)),
      functions: Object.fromEntries(rows.map((r) => [r.name, { bundleKB: Number((r.bytes / 1024).toFixed(1)), initMs: r.initMs }])),
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
