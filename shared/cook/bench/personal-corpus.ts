import type { CookLog } from '../cook-log/cook-log';
import type { MeatKind } from '../meat-kind';
import { summariseEndedCook } from '../personal/ended-cook-summary';
import { EMPTY_PERSONAL_PRIORS, learnFromCook, personalCutPriors, personalPitBand, type EndedCookSummary } from '../personal/personal-priors';
import type { CookScenario } from '../physics';
import { createSeededRandom } from '../physics/seeded-random';
import type { CookTimelineEvent } from '../timeline/cook-timeline-event';
import type { CookKind } from '../prediction/cut-priors';
import type { BenchCook } from './bench-cook';
import { simulatedBenchCook } from './simulated-corpus';
import type { MessyLogOptions } from './simulated-cook-log';

/**
 * The personal corpus: cooks predicted with the priors learned from the same family's other cooks ("leave one
 * out"), where a family is one person with one smoker. Each cook comes twice, without and with its personal priors
 * (and, when it has no pit probe, the pit band of the family's other cooks as a hint), so the gain is measured on
 * the same cooks.
 * - Real families: the repository's real logs, grouped by the family prefix of their file name (`tempfit-…`,
 *   `dbj-…`, see real-cooks/SOURCES.md). A cook is one file; all its meat probes are one piece.
 * - Simulated families: cooks that share a smoker (set-point, lid habit, whether they wrap) and a cut's wetness
 *   (stall strength, ±10 % from cook to cook), so the gain can be shown where the truth is known.
 */
export interface PersonalCorpus {
  readonly plain: BenchCook[];
  readonly personal: BenchCook[];
}

interface FamilyCook {
  /** The cook's meat probes, as scored. */
  readonly cooks: BenchCook[];
  readonly summary: EndedCookSummary;
}

/**
 * The cut of each real log, as its source says (real-cooks/SOURCES.md): what the cook would have picked as a preset,
 * so a cook learns its cut priors and its pit band from its own cut (personal-priors.ts). A log not listed (or a
 * `--cooks` folder) is known by its target only, and learns from its family's other collagen cooks.
 */
const REAL_LOG_CUTS: Readonly<Record<string, MeatKind>> = {
  'tempfit-overnight-4probe-2021-11-13': 'brisket',
  'tempfit-pork-shoulder-2022-03-28': 'pork-butt',
  'dbj-porkshoulder-2024-03-30': 'pork-butt',
};

/**
 * Families of real logs: `tempfit-overnight-….csv` belongs to family `tempfit`. With `hidePit`, the scored cooks
 * lose their pit probe (the family's past cooks keep theirs: they were what they were).
 */
export function realPersonalCorpus(real: readonly BenchCook[], options: { hidePit?: boolean } = {}): PersonalCorpus {
  const byFile = new Map<string, BenchCook[]>();
  for (const cook of real) {
    const file = cook.name.split(':')[0] as string;
    byFile.set(file, [...(byFile.get(file) ?? []), cook]);
  }
  const families = new Map<string, FamilyCook[]>();
  for (const [file, cooks] of byFile) {
    const first = cooks[0] as BenchCook;
    const family = file.split('-')[0] as string;
    const meat = REAL_LOG_CUTS[file];
    const kind = { targetF: first.targetF, ...(meat !== undefined ? { meat } : {}) };
    const summary = summariseLog(file, first.log, first.pitProbe, kind);
    const labelled = cooks.map((cook) => ({ ...cook, ...(meat !== undefined ? { meat } : {}) }));
    const scored = options.hidePit ? labelled.map(({ pitProbe: _hidden, ...cook }) => cook) : labelled;
    families.set(family, [...(families.get(family) ?? []), { cooks: scored, summary }]);
  }
  return leaveOneOut([...families.values()]);
}

const FAMILY_CUTS: ReadonlyArray<{ meat: MeatKind; targetF: number }> = [
  { meat: 'brisket', targetF: 203 },
  { meat: 'pork-butt', targetF: 200 },
  { meat: 'ribs', targetF: 198 },
];
const SET_POINTS_F = [225, 250, 275] as const;
/** Minute-ish cadences: the family corpus measures what past cooks teach, the main corpus covers messy cadences. */
const CADENCES: readonly MessyLogOptions['cadence'][] = ['jittered-30s', 'fixed-60s'];

/** `families` families of `cooksPerFamily` simulated cooks each; deterministic. */
export function simulatedPersonalCorpus(families = 8, cooksPerFamily = 5): PersonalCorpus {
  const all: FamilyCook[][] = [];
  for (let f = 0; f < families; f += 1) {
    const random = createSeededRandom(50_000 + f * 104_729);
    const cut = FAMILY_CUTS[f % FAMILY_CUTS.length] as { meat: MeatKind; targetF: number };
    const setPointF = SET_POINTS_F[Math.floor(random.next() * SET_POINTS_F.length)] as number;
    // The family's cut and rub: how wet its surface is, from a barely-there stall to a long one.
    const wetness = 0.3 + random.next() * 1.2;
    const wraps = f % 3 === 2;
    const lidEveryMinutes = random.next() < 0.5 ? 40 + random.next() * 50 : undefined;
    const withPit = f % 4 !== 3;
    const members: FamilyCook[] = [];
    for (let c = 0; c < cooksPerFamily; c += 1) {
      const seed = 60_000 + f * 100 + c;
      const scenario: CookScenario = {
        seed,
        meat: cut.meat,
        pitSetpointF: setPointF + Math.round((random.next() - 0.5) * 20),
        initialMeatF: 34 + random.next() * 12,
        ambientF: 45 + random.next() * 40,
        probes: 1,
        stallStrength: wetness * (1 + 0.1 * random.normal()),
        ...(wraps ? { wrapAtF: 160 + random.next() * 8 } : {}),
        ...(lidEveryMinutes !== undefined ? { lidOpenEveryMinutes: lidEveryMinutes } : {}),
      };
      const cook = simulatedBenchCook(`family${f}-${cut.meat}@${setPointF}#${c}`, scenario, cut.targetF, {
        unit: 'F',
        withPit,
        cadence: CADENCES[(f + c) % CADENCES.length] as MessyLogOptions['cadence'],
        epochTimestamps: true,
      });
      if (cook === undefined) continue;
      // A family that wraps says so in the app.
      const events: CookTimelineEvent[] = cook.wrappedAtMs !== undefined ? [{ kind: 'wrapped', atMs: cook.wrappedAtMs }] : [];
      const told = events.length > 0 ? { ...cook, events } : cook;
      const summary = summariseLog(cook.name, cook.log, cook.pitProbe, { targetF: cut.targetF }, events, c);
      members.push({ cooks: [told], summary });
    }
    all.push(members);
  }
  return leaveOneOut(all);
}

function summariseLog(
  name: string,
  log: CookLog,
  pitProbe: string | undefined,
  kind: CookKind,
  events: readonly CookTimelineEvent[] = [],
  order = 0,
): EndedCookSummary {
  const readings = (probe: string) =>
    log.rows.filter((r) => r.probe === probe && r.temperatureF !== undefined).map((r) => ({ atMs: r.atMs, temperatureF: r.temperatureF as number }));
  const meat = log.probes.filter((p) => p !== pitProbe && p.startsWith('meat'));
  const endedAtMs = (log.rows.at(-1)?.atMs ?? 0) + order;
  return summariseEndedCook({
    cookId: name,
    kind,
    meatProbes: meat.map((probe) => ({ probe, readings: readings(probe) })),
    ...(pitProbe !== undefined ? { pitReadings: readings(pitProbe) } : {}),
    events,
    endedAtMs,
  });
}

function leaveOneOut(families: readonly FamilyCook[][]): PersonalCorpus {
  const plain: BenchCook[] = [];
  const personal: BenchCook[] = [];
  for (const members of families) {
    for (const member of members) {
      const state = members.filter((m) => m !== member).reduce((s, m) => learnFromCook(s, m.summary), EMPTY_PERSONAL_PRIORS);
      for (const cook of member.cooks) {
        const kind = { targetF: cook.targetF, ...(cook.meat !== undefined ? { meat: cook.meat } : {}) };
        const band = personalPitBand(state, kind);
        plain.push(cook);
        personal.push({
          ...cook,
          priors: personalCutPriors(state, kind),
          ...(cook.pitProbe === undefined && band !== undefined ? { pitHint: { pastPitBand: band } } : {}),
        });
      }
    }
  }
  return { plain, personal };
}
