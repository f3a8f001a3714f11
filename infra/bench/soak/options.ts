/**
 * `npm run soak -- [--hours 12] [--time-scale 60] [--seed 15]`: how long a cook is simulated, how much faster than
 * real time, and the seed of the fault schedule. 12 h at 60× is 12 minutes of wall time; `--hours 1` is one minute.
 */
import { parseArgs } from 'node:util';

export interface SoakOptions {
  hours: number;
  timeScale: number;
  seed: number;
}

export function parseSoakOptions(argv: readonly string[]): SoakOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: { hours: { type: 'string', default: '12' }, 'time-scale': { type: 'string', default: '60' }, seed: { type: 'string', default: '15' } },
    strict: true,
  });
  const hours = Number(values.hours);
  const timeScale = Number(values['time-scale']);
  const seed = Number(values.seed);
  if (!(hours > 0)) throw new Error('--hours must be a positive number');
  if (!(timeScale >= 1)) throw new Error('--time-scale must be at least 1');
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  return { hours, timeScale, seed };
}
