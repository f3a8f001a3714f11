import { parseCookLog } from '../cook-log/parse-cook-log';
import type { MeatKind } from '../meat-kind';
import { createCookSimulation, type CookScenario } from '../physics';
import { createSeededRandom } from '../physics/seeded-random';
import type { BenchCook } from './bench-cook';
import { writeMessyCookLog, type MessyLogOptions } from './simulated-cook-log';

/**
 * The simulated corpus: every cut at the pit temperatures people use for it, stall strengths from none to a long
 * brisket stall, some wrapped, some with lid peeks or a fire slowly running out of fuel, written as messy logs.
 * Deterministic: the same corpus every run.
 */
interface CutPlan {
  readonly meat: MeatKind;
  readonly targetF: number;
  readonly pitsF: readonly number[];
  readonly stallStrengths: readonly (number | undefined)[];
}

const PLANS: readonly CutPlan[] = [
  { meat: 'brisket', targetF: 203, pitsF: [225, 250, 275, 300], stallStrengths: [0.3, 0.7, 1, 1.4] },
  { meat: 'pork-butt', targetF: 200, pitsF: [225, 250, 275, 300], stallStrengths: [0.4, 0.8, 1.2, 0.6] },
  { meat: 'ribs', targetF: 198, pitsF: [225, 250, 275], stallStrengths: [0, 0.45, 0.8] },
  { meat: 'chicken', targetF: 165, pitsF: [275, 325, 350], stallStrengths: [undefined] },
  { meat: 'turkey', targetF: 165, pitsF: [275, 325], stallStrengths: [undefined, 0.3] },
  { meat: 'steak', targetF: 130, pitsF: [225, 250], stallStrengths: [undefined] },
  { meat: 'salmon', targetF: 145, pitsF: [200, 225], stallStrengths: [undefined] },
];

const CADENCES: readonly MessyLogOptions['cadence'][] = ['fixed-15s', 'jittered-30s', 'fixed-60s', 'on-change'];
const EPOCH_START_MS = Date.UTC(2025, 5, 1, 6, 0, 0);

export function simulatedCorpus(cooksPerCut = 10): BenchCook[] {
  const cooks: BenchCook[] = [];
  let seed = 1000;
  for (const plan of PLANS) {
    for (let i = 0; i < cooksPerCut; i += 1) {
      seed += 1;
      const random = createSeededRandom(seed * 7919);
      const pitF = plan.pitsF[i % plan.pitsF.length] as number;
      const stallStrength = plan.stallStrengths[i % plan.stallStrengths.length];
      const bigCut = plan.meat === 'brisket' || plan.meat === 'pork-butt';
      const scenario: CookScenario = {
        seed,
        meat: plan.meat,
        pitSetpointF: pitF,
        initialMeatF: 34 + random.next() * 12,
        ambientF: 45 + random.next() * 40,
        probes: 1 + (i % 3),
        ...(stallStrength !== undefined ? { stallStrength } : {}),
        ...(bigCut && i % 3 === 2 ? { wrapAtF: 160 + random.next() * 8 } : {}),
        ...(i % 2 === 1 ? { lidOpenEveryMinutes: 30 + random.next() * 60 } : {}),
        ...(bigCut && i % 4 === 3 ? { fuelHalfLifeHours: 14 + random.next() * 6 } : {}),
      };
      const cook = simulatedBenchCook(`${plan.meat}@${pitF}#${i}`, scenario, plan.targetF, {
        unit: i % 4 === 1 ? 'C' : 'F',
        withPit: i % 4 !== 2,
        cadence: CADENCES[(i + seed) % CADENCES.length] as MessyLogOptions['cadence'],
        epochTimestamps: i % 2 === 0,
      });
      if (cook !== undefined) cooks.push(cook); // undefined: never got there (fuel ran out), nothing to score
    }
  }
  return cooks;
}

/**
 * One simulated cook written as a messy log, with its truth: when the probe reached the target, its stall, its wrap.
 * Undefined when it never reaches the target.
 */
export function simulatedBenchCook(
  name: string,
  scenario: CookScenario,
  targetF: number,
  log: Pick<MessyLogOptions, 'unit' | 'withPit' | 'cadence' | 'epochTimestamps'>,
): BenchCook | undefined {
  const sim = createCookSimulation(scenario);
  const reachSeconds = sim.groundTruth.reachSeconds(targetF, 0);
  if (reachSeconds === undefined) return undefined;
  const text = writeMessyCookLog(sim, { seed: scenario.seed, epochStartMs: EPOCH_START_MS, endSeconds: reachSeconds + 10 * 60, ...log });
  const truth = sim.groundTruth;
  return {
    name,
    log: parseCookLog(text),
    probe: 'meat1',
    ...(log.withPit ? { pitProbe: 'pit' } : {}),
    targetF,
    startMs: EPOCH_START_MS,
    reachMs: EPOCH_START_MS + reachSeconds * 1000,
    stall:
      truth.stallStartSeconds !== undefined && truth.stallEndSeconds !== undefined
        ? { startMs: EPOCH_START_MS + truth.stallStartSeconds * 1000, endMs: EPOCH_START_MS + truth.stallEndSeconds * 1000 }
        : null,
    ...(truth.wrapSeconds !== undefined ? { wrappedAtMs: EPOCH_START_MS + truth.wrapSeconds * 1000 } : {}),
  };
}
