/**
 * Simulator scenarios generated for the benches: many accounts with unique emails, uids, account ids and serials,
 * each device uploading every `uploadSeconds` (recording = transmit) so that one poll per upload sees every point.
 */
import type { ScenarioInput } from '../../shared/thermoworks/simulator';

export interface BenchScenarioOptions {
  accounts: number;
  devicesPerAccount: number;
  probesPerDevice: number;
  /** Recording = transmit interval of every device. */
  uploadSeconds: number;
  startAt: string;
  seed?: number;
}

export const benchEmail = (i: number): string => `cook${String(i).padStart(5, '0')}@bench.local`;
export const benchAccountId = (i: number): string => `acct-${String(i).padStart(5, '0')}`;
export const benchSerial = (i: number, d: number): string => `BENCH-${String(i).padStart(5, '0')}-${d}`;

/** Steady channels (cheap for the simulator to compute, unlike the cook physics model), each at its own level. */
export function benchScenario(o: BenchScenarioOptions): ScenarioInput {
  return {
    seed: o.seed ?? 4,
    startAt: o.startAt,
    accounts: Array.from({ length: o.accounts }, (_, i) => ({
      email: benchEmail(i),
      password: `pw-${i}`,
      uid: `uid-${String(i).padStart(5, '0')}`,
      accountId: benchAccountId(i),
      devices: Array.from({ length: o.devicesPerAccount }, (_, d) => ({
        serial: benchSerial(i, d),
        label: `Bench ${i}/${d}`,
        device: 'datalogger',
        type: 'node',
        recordingIntervalSeconds: o.uploadSeconds,
        transmitIntervalSeconds: o.uploadSeconds,
        // The document states the recording interval, so a one-minute spacing is not mistaken for a gap.
        documentIntervals: true,
        archives: { everySeconds: 3600, historySeconds: 86_400 },
        channels: Array.from({ length: o.probesPerDevice }, (_, c) => ({
          number: String(c + 1),
          label: `Probe ${c + 1}`,
          source: { kind: 'steady' as const, value: 150 + 10 * c + (i % 50), swing: 5 },
        })),
      })),
    })),
  };
}
