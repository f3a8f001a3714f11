/**
 * The soak's rolling faults, on a seeded schedule. Faults run in four lanes (ThermoWorks, the stack's own parts, the
 * live sockets, alarms), one fault at a time per lane, so faults of different lanes overlap as they would in life.
 * Each lane plays every one of its kinds once per round, in a seeded order; a 12 h run has three rounds. Times are
 * real seconds from the start of the run (faults belong to the network, which runs on real time).
 */
import { seededRandom } from '../../../shared/thermoworks/simulator/seeded-random';

export type FaultKind =
  | 'thermoworks-5xx'
  | 'thermoworks-429'
  | 'thermoworks-latency'
  | 'thermoworks-resets'
  | 'token-revoked'
  | 'dynamodb-restart'
  | 'worker-crash'
  | 'websocket-churn'
  | 'webhook-failing'
  | 'probe-unplugged';

const lanes: ReadonlyArray<readonly FaultKind[]> = [
  ['thermoworks-5xx', 'thermoworks-429', 'thermoworks-latency', 'thermoworks-resets', 'token-revoked'],
  ['dynamodb-restart', 'worker-crash'],
  ['websocket-churn'],
  ['webhook-failing', 'probe-unplugged'],
];

export interface ScheduledFault {
  kind: FaultKind;
  /** Faults of one lane run one after the other (the soak waits for one to heal before the next). */
  lane: number;
  /** Real seconds from the start of the run. */
  atSeconds: number;
  /** How long the fault lasts (real seconds; 0 for one-off faults such as a restart). */
  seconds: number;
  /** Which account the fault hits: an index into the soak's accounts, or 'everyone' (ThermoWorks faults). */
  target: number | 'everyone';
  /** Drawn size: an error share (5xx), a latency in ms, seconds between socket drops (churn). */
  size: number;
  retryAfterSeconds?: number;
}

export interface ScheduleInput {
  runSeconds: number;
  /** Real seconds between two polls of an account. */
  pollIntervalSeconds: number;
  hours: number;
  accounts: number;
  seed: number;
}

/** Faults stop this far before the end, so the last of them heals before the checks. */
const QUIET_END_SHARE = 0.15;
const WARM_UP_SECONDS = 5;

export function faultSchedule(input: ScheduleInput): ScheduledFault[] {
  const random = seededRandom(input.seed);
  const between = (lo: number, hi: number) => lo + (hi - lo) * random();
  const rounds = Math.max(1, Math.round(input.hours / 4));
  const end = input.runSeconds * (1 - QUIET_END_SHARE);
  const span = Math.max(1, end - WARM_UP_SECONDS);
  const p = input.pollIntervalSeconds;
  const faults: ScheduledFault[] = [];
  for (const [lane, kinds] of lanes.entries()) {
    const laneStart = faults.length;
    const slots = rounds * kinds.length;
    const slot = span / slots;
    for (let round = 0; round < rounds; round++) {
      const order = shuffled(kinds, random);
      order.forEach((kind, i) => {
        const slotStart = WARM_UP_SECONDS + (round * kinds.length + i) * slot;
        const atSeconds = round1(slotStart + between(0, 0.25) * slot);
        const room = Math.max(slot * 0.7, p);
        const target = kind.startsWith('thermoworks-') && random() < 0.25 ? 'everyone' : Math.floor(random() * input.accounts);
        const fault = (seconds: number, size: number, extra: Partial<ScheduledFault> = {}): ScheduledFault => ({ kind, lane, atSeconds, seconds: round1(seconds), target, size, ...extra });
        switch (kind) {
          case 'thermoworks-5xx':
            faults.push(fault(Math.min(room, between(1, 2.5) * p), round1(between(0.5, 0.95))));
            break;
          case 'thermoworks-429':
            faults.push(fault(Math.min(room, between(0.5, 1.5) * p), 0, { retryAfterSeconds: Math.round(between(2, 10)) }));
            break;
          case 'thermoworks-latency':
            faults.push(fault(Math.min(room, between(1, 2) * p), Math.round(between(2_000, 8_000))));
            break;
          case 'thermoworks-resets':
            faults.push(fault(Math.min(room, between(0.5, 1.5) * p), 0));
            break;
          case 'token-revoked':
            // Re-linked through the API after the poller has seen the revocation (a few polls later).
            faults.push(fault(Math.min(room, between(2, 3) * p), 0));
            break;
          case 'dynamodb-restart':
          case 'worker-crash':
            faults.push(fault(0, 0));
            break;
          case 'websocket-churn':
            faults.push(fault(Math.min(room, between(1, 3) * p), Math.round(between(2, 4))));
            break;
          case 'probe-unplugged':
          case 'webhook-failing':
            // Unplugged until the alarm fires, plugged back until it resolves (about 2 polls each): an estimate,
            // the soak waits for both.
            faults.push({ ...fault(5 * p, 0), target: 0 });
            break;
        }
      });
    }
    // One fault at a time in a lane: a fault that would start before the previous one ended waits for it.
    for (let i = laneStart + 1; i < faults.length; i++) {
      const previous = faults[i - 1]!;
      faults[i]!.atSeconds = round1(Math.max(faults[i]!.atSeconds, previous.atSeconds + previous.seconds + 1));
    }
  }
  return faults.sort((a, b) => a.atSeconds - b.atSeconds);
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
