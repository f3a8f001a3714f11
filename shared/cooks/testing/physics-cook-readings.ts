/** Tests only: a cook made by the cook physics, as the history store would hold it (pit on one channel, meat on others). */
import { createCookSimulation } from '../../cook/physics';
import type { CookScenario } from '../../cook/physics/cook-scenario';
import type { Reading } from '../../readings/reading';

export interface PhysicsCookOptions {
  accountId: string;
  serial: string;
  startMs: number;
  /** How long the readings run. */
  hours: number;
  pitChannel: string;
  meatChannels: readonly string[];
  /** Seconds between readings (60: what a cook's per-minute series holds). */
  stepSeconds?: number;
  scenario: Partial<CookScenario> & Pick<CookScenario, 'seed' | 'meat'>;
}

export function physicsCookReadings(options: PhysicsCookOptions): { readings: Reading[]; simulation: ReturnType<typeof createCookSimulation> } {
  const simulation = createCookSimulation({ pitSetpointF: 250, initialMeatF: 38, ambientF: 65, probes: options.meatChannels.length, ...options.scenario });
  const step = options.stepSeconds ?? 60;
  const readings: Reading[] = [];
  const { accountId, serial } = options;
  for (let s = 0; s < options.hours * 3600; s += step) {
    const sample = simulation.sampleAt(s);
    const at = new Date(options.startMs + s * 1000);
    readings.push({ accountId, serial, channel: options.pitChannel, value: sample.pitF, units: 'F', at });
    options.meatChannels.forEach((channel, i) => readings.push({ accountId, serial, channel, value: sample.meatF[i] as number, units: 'F', at }));
  }
  return { readings, simulation };
}
