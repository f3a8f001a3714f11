/**
 * Lost readings: the history stored by a bench's polls against what the simulated devices really uploaded (the
 * simulator's ground truth), series by series over the polled window. Shared by bench:poll and bench:scale.
 */
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

export async function checkHistory(h: PollHarness, shape: BenchShape, firstPollAt: Date, lastPollAt: Date): Promise<LossReport> {
  const report: LossReport = { series: 0, readingsChecked: 0, lost: 0, duplicates: 0, unexpected: 0, valueMismatches: 0, examples: [] };
  const jobs: Array<() => Promise<void>> = [];
  for (let i = 0; i < shape.accounts; i++) {
    for (let d = 0; d < shape.devices; d++) {
      const serial = benchSerial(i, d);
      // The polled window: from the upload the first poll saw to the last upload before the last poll.
      const from = h.simulator.transmissions(serial, new Date(firstPollAt.getTime() - shape.cycleMs + 1), firstPollAt).at(-1);
      const to = h.simulator.transmissions(serial, new Date(lastPollAt.getTime() - shape.cycleMs + 1), lastPollAt).at(-1);
      if (!from || !to) throw new Error(`${serial} uploaded nothing in the polled window`);
      for (let c = 1; c <= shape.probes; c++) {
        const channel = String(c);
        jobs.push(async () => {
          const stored = await h.readings.query({ accountId: benchAccountId(i), serial, channel, from, to: new Date(to.getTime() + 1) });
          const truth = h.simulator.groundTruth(serial, channel, from, to).filter((p) => p.value !== null);
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
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < jobs.length) await jobs[next++]!();
    }),
  );
  return report;
}
