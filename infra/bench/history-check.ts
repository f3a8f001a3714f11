/**
 * Lost readings: the history stored by a bench's polls against what the simulated devices really uploaded (the
 * simulator's ground truth), series by series over the polled window. Shared by bench:poll, bench:scale and the soak.
 */
import type { ReadingStore } from '../../shared/readings/reading';
import type { SimulatorControl } from '../../shared/thermoworks/simulator/simulator-control';
import type { PollHarness } from '../local/testing/poll-harness';
import { benchAccountId, benchSerial } from './bench-scenario';

export interface LossReport {
  series: number;
  readingsChecked: number;
  lost: number;
  duplicates: number;
  unexpected: number;
  valueMismatches: number;
  examples: string[];
}

export interface BenchShape {
  accounts: number;
  devices: number;
  probes: number;
  /** Time between two polls of an account (one simulated cycle). */
  cycleMs: number;
}

/** One device's channels to check, each from the upload `from` to the upload `to` (both included). */
export interface CheckedDevice {
  accountId: string;
  serial: string;
  channels: readonly string[];
  from: Date;
  to: Date;
}

type GroundTruth = Pick<SimulatorControl, 'groundTruth' | 'transmissions'>;

/**
 * The polled window of one device: from the upload the first poll saw to the last upload before the last poll (each
 * poll sees the last upload at most one cycle before it).
 */
export function polledWindow(simulator: GroundTruth, serial: string, cycleMs: number, firstPollAt: Date, lastPollAt: Date): { from: Date; to: Date } {
  const from = simulator.transmissions(serial, new Date(firstPollAt.getTime() - cycleMs + 1), firstPollAt).at(-1);
  const to = simulator.transmissions(serial, new Date(lastPollAt.getTime() - cycleMs + 1), lastPollAt).at(-1);
  if (!from || !to) throw new Error(`${serial} uploaded nothing in the polled window`);
  return { from, to };
}

/** Every device's stored history against the ground truth over its window. */
export async function checkDevices(simulator: GroundTruth, readings: ReadingStore, devices: readonly CheckedDevice[]): Promise<LossReport> {
  const report: LossReport = { series: 0, readingsChecked: 0, lost: 0, duplicates: 0, unexpected: 0, valueMismatches: 0, examples: [] };
  const jobs: Array<() => Promise<void>> = [];
  for (const { accountId, serial, channels, from, to } of devices) {
    for (const channel of channels) {
      jobs.push(async () => {
        const stored = await readings.query({ accountId, serial, channel, from, to: new Date(to.getTime() + 1) });
        const truth = simulator.groundTruth(serial, channel, from, to).filter((p) => p.value !== null);
        const byTime = new Map<number, number[]>();
        for (const r of stored) byTime.set(r.at.getTime(), [...(byTime.get(r.at.getTime()) ?? []), r.value]);
        const truthTimes = new Set(truth.map((p) => p.at.getTime()));
        report.series++;
        report.readingsChecked += truth.length;
        for (const p of truth) {
          const got = byTime.get(p.at.getTime());
          if (!got) {
            report.lost++;
            if (report.examples.length < 5) report.examples.push(`lost ${serial}#${channel} ${p.at.toISOString()}`);
          } else if (got[0] !== p.value) report.valueMismatches++;
        }
        for (const [t, values] of byTime) {
          if (values.length > 1) report.duplicates += values.length - 1;
          if (!truthTimes.has(t)) {
            report.unexpected++;
            if (report.examples.length < 5) report.examples.push(`unexpected ${serial}#${channel} ${new Date(t).toISOString()}`);
          }
        }
      });
    }
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < jobs.length) await jobs[next++]!();
    }),
  );
  return report;
}

/** The bench scenario's accounts (bench-scenario.ts), polled from `firstPollAt` to `lastPollAt`. */
export async function checkHistory(h: PollHarness, shape: BenchShape, firstPollAt: Date, lastPollAt: Date): Promise<LossReport> {
  const devices: CheckedDevice[] = [];
  const channels = Array.from({ length: shape.probes }, (_, c) => String(c + 1));
  for (let i = 0; i < shape.accounts; i++) {
    for (let d = 0; d < shape.devices; d++) {
      const serial = benchSerial(i, d);
      devices.push({ accountId: benchAccountId(i), serial, channels, ...polledWindow(h.simulator, serial, shape.cycleMs, firstPollAt, lastPollAt) });
    }
  }
  return checkDevices(h.simulator, h.readings, devices);
}
