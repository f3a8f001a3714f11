import { fromFahrenheit, type TemperatureUnit } from '../units';
import type { CookSimulation } from '../physics';
import { createSeededRandom } from '../physics/seeded-random';

/**
 * Writes a simulated cook as the messy CSV a real logger would produce, so the bench exercises the same parsing and
 * robustness paths as real files: irregular or "on change" cadence, dropouts, duplicate timestamps, glitch spikes,
 * a probe that reads nothing for a while, °C files, epoch-ms or ISO timestamps, and sometimes no pit probe.
 */
export interface MessyLogOptions {
  readonly seed: number;
  readonly epochStartMs: number;
  readonly endSeconds: number;
  readonly unit: TemperatureUnit;
  readonly withPit: boolean;
  readonly cadence: 'fixed-15s' | 'fixed-60s' | 'jittered-30s' | 'on-change';
  readonly epochTimestamps: boolean;
}

export function writeMessyCookLog(sim: CookSimulation, options: MessyLogOptions): string {
  const random = createSeededRandom(options.seed ^ 0x2545f491);
  const lines = ['timestamp,probe,temperature,unit'];
  // One or two dropouts (Wi-Fi, battery) of 10–45 minutes somewhere in the cook.
  const dropouts = Array.from({ length: 1 + Math.floor(random.next() * 2) }, () => {
    const start = (0.1 + 0.8 * random.next()) * options.endSeconds;
    return { start, end: start + (10 + 35 * random.next()) * 60 };
  });
  const silentProbe = { start: (0.2 + 0.6 * random.next()) * options.endSeconds, minutes: 5 + 10 * random.next() };
  const lastWritten = new Map<string, { value: number; at: number }>();
  const stamp = (seconds: number): string => {
    const ms = options.epochStartMs + Math.round(seconds * 1000);
    return options.epochTimestamps ? String(ms) : new Date(ms).toISOString().replace('.000Z', 'Z');
  };
  const write = (seconds: number, probe: string, valueF: number | undefined): void => {
    const text =
      valueF === undefined ? '' : String(Math.round(fromFahrenheit(valueF, options.unit) * 10) / 10);
    lines.push(`${stamp(seconds)},${probe},${text},${options.unit}`);
  };

  let t = 0;
  while (t <= options.endSeconds) {
    if (!dropouts.some((d) => t >= d.start && t < d.end)) {
      const sample = sim.sampleAt(t);
      const channels: Array<[string, number]> = sample.meatF.map((v, i) => [`meat${i + 1}`, v]);
      if (options.withPit) channels.push(['pit', sample.pitF]);
      for (const [probe, rawValue] of channels) {
        let value: number | undefined = rawValue;
        if (probe === 'meat1' && t >= silentProbe.start && t < silentProbe.start + silentProbe.minutes * 60) {
          value = undefined;
        } else if (random.next() < 0.003) {
          // Glitch: a sentinel or a wild spike, as flaky probe jacks produce.
          value = random.next() < 0.5 ? (random.next() < 0.5 ? -40 : 572) : rawValue + (random.next() - 0.5) * 120;
        }
        if (options.cadence === 'on-change' && value !== undefined) {
          const previous = lastWritten.get(probe);
          if (previous && Math.abs(previous.value - value) < 0.3 && t - previous.at < 600) continue;
          lastWritten.set(probe, { value, at: t });
        }
        write(t, probe, value);
        if (random.next() < 0.01) write(t, probe, value); // duplicate row, same timestamp
      }
    }
    t += nextStep(options.cadence, random.next());
  }
  // Loggers do not always write in order: shuffle a few neighbouring rows (the header stays first).
  for (let i = 2; i < lines.length; i += 1) {
    if (random.next() < 0.005) [lines[i - 1], lines[i]] = [lines[i] as string, lines[i - 1] as string];
  }
  return `${lines.join('\n')}\n`;
}

function nextStep(cadence: MessyLogOptions['cadence'], u: number): number {
  switch (cadence) {
    case 'fixed-15s':
      return 15;
    case 'fixed-60s':
      return 60;
    case 'jittered-30s':
      return 20 + 20 * u;
    case 'on-change':
      return 10;
  }
}
