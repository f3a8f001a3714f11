/**
 * `npm run simulator -- [--scenario <file.json|file.ts>] [--port <p>] [--host <h>] [--time-scale <n>] [--seed <n>]`
 * Starts the ThermoWorks simulator and prints the environment that points Pitwatch at it.
 */
import { parseArgs } from 'node:util';
import { startSimulator } from './index';
import { loadScenarioFile } from './load-scenario';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string' },
      port: { type: 'string', default: '9000' },
      host: { type: 'string', default: '127.0.0.1' },
      'time-scale': { type: 'string', default: '1' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.error('usage: npm run simulator -- [--scenario <file>] [--port 9000] [--host 127.0.0.1] [--time-scale 1] [--seed n]');
    return;
  }
  const timeScale = Number(values['time-scale']);
  const port = Number(values.port);
  if (!(timeScale > 0) || !Number.isInteger(port) || port < 0) throw new Error('--time-scale must be > 0 and --port an integer');
  const sim = await startSimulator({
    port,
    host: values.host,
    timeScale,
    ...(values.scenario ? { scenario: (await loadScenarioFile(values.scenario)) as never } : {}),
    ...(values.seed ? { seed: Number(values.seed) } : {}),
  });
  console.error(`ThermoWorks simulator on ${sim.url} (time ×${timeScale}, seed ${sim.scenario.seed})`);
  for (const account of sim.accounts()) {
    console.error(`  ${account.email}: ${account.devices.map((d) => `${d.label} [${d.kind} ${d.serial}]`).join(', ')}`);
  }
  console.error(`Admin: ${sim.url}/__admin/state  (see simulator/admin-routes.ts)`);
  // The environment on stdout so `eval "$(npm run -s simulator)"`-style use works.
  for (const [key, value] of Object.entries(sim.env)) console.log(`export ${key}=${value}`);
  const shutdown = () => void sim.stop().then(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
