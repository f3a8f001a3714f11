/**
 * `npm start`: the whole system locally, no AWS account. Options:
 *   --persist             keep data under .data/ (in memory otherwise)
 *   --scenario <file>     ThermoWorks simulator scenario (default: the two demo accounts)
 *   --time-scale <n>      run simulated time n× faster (e.g. 30): the simulator, the poll pipeline, cooks and the
 *                         web app all follow the one simulated clock (see local-stack.ts)
 *   --poll-interval <s>   seconds of real time between polls of an active account (default: poll-cadence.ts, as in
 *                         AWS; printed at start)
 *   --mqtt-url <url>      publish to Home Assistant through this MQTT broker: mqtt://[user:password@]host[:port]
 *   --mqtt-prefix <p>     Home Assistant's discovery prefix (default homeassistant)
 *   PORT=<n>              listen port (default 3000)
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pollCadence } from '../../shared/polling/poll-cadence';
import { loadScenarioFile } from '../../shared/thermoworks/simulator/load-scenario';
import { ensureJava, JavaMissingError } from './java';
import { startLocalStack } from './local-stack';

const repoRoot = resolve(import.meta.dirname, '..', '..');

async function ensureWebBuild(): Promise<void> {
  if (existsSync(join(repoRoot, 'web', 'dist', 'index.html'))) return;
  console.log('Building the web app (first run)…');
  const { build } = await import('vite');
  await build({ configFile: join(repoRoot, 'web', 'vite.config.ts'), logLevel: 'warn' });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      persist: { type: 'boolean', default: false },
      scenario: { type: 'string' },
      'time-scale': { type: 'string' },
      'poll-interval': { type: 'string' },
      'mqtt-url': { type: 'string' },
      'mqtt-prefix': { type: 'string' },
    },
    strict: true,
  });
  const port = Number(process.env.PORT ?? 3000);
  const timeScale = values['time-scale'] === undefined ? undefined : Number(values['time-scale']);
  const pollIntervalSeconds = values['poll-interval'] === undefined ? undefined : Number(values['poll-interval']);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${process.env.PORT}`);
  if (timeScale !== undefined && !(timeScale > 0)) throw new Error('--time-scale must be a positive number');
  if (pollIntervalSeconds !== undefined && !(pollIntervalSeconds > 0)) throw new Error('--poll-interval must be a positive number');

  ensureJava(); // before anything slow: a missing Java should cost the user one line, not a build first
  await ensureWebBuild();
  const started = Date.now();
  const stack = await startLocalStack({
    port,
    ...(values.persist ? { persistDir: join(repoRoot, '.data') } : {}),
    ...(values.scenario ? { scenario: (await loadScenarioFile(values.scenario)) as never } : {}),
    ...(timeScale ? { timeScale } : {}),
    ...(pollIntervalSeconds ? { pollIntervalSeconds } : {}),
    ...(values['mqtt-url'] ? { mqttUrl: values['mqtt-url'] } : {}),
    ...(values['mqtt-prefix'] ? { mqttDiscoveryPrefix: values['mqtt-prefix'] } : {}),
    seedDemoCooks: true,
    log: (message) => console.log(`  ${message}`),
  });
  console.log(`\nPitwatch is running at ${stack.url}  (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const pollEvery = pollIntervalSeconds ?? pollCadence.activeIntervalSeconds;
  const scale = stack.clock.scale;
  console.log(`Active accounts are polled every ${pollEvery} s${scale === 1 ? '' : `; simulated time runs ${scale}× faster (${pollEvery * scale} simulated s between polls)`}.`);
  // Simulated accounts only: these are the scenario's made-up credentials, never a real ThermoWorks password.
  const accounts = stack.simulator.scenario.accounts.filter((a) => !a.disabled);
  console.log(`Sign in with ${accounts.map((a) => `${a.email} / ${a.password}`).join('  or  ')}`);
  console.log('Press Ctrl-C to stop.\n');

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    stack.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof JavaMissingError) console.error(error.message);
  else console.error(`Pitwatch failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
