/**
 * `npm run bench:predict`: ETA accuracy of the done-time model against the linear baseline, on simulated cooks and
 * on the real cook logs kept in the repository (`real-cooks/`, with their sources). Prints a table per corpus, then one
 * JSON line. A corpus that is missing or empty stops the bench with exit code 1: its figures never change silently.
 * Options: `--cooks <dir>` scores another directory of real logs; `--hide-pit` also scores the real logs with their
 * pit probe hidden (how the model does for cooks without one); `--verbose` prints every cook, and on which side of the
 * 80 % interval the truth fell when it missed.
 */
import path from 'node:path';
import type { BenchCook } from './bench-cook';
import { checkpointMisses, summariseCorpus, type CorpusSummary } from './corpus-summary';
import { evaluateCook, type CookScore } from './evaluate-cook';
import { MissingCorpusError, realCookLogsDir, realCorpus } from './real-corpus';
import { realPersonalCorpus, simulatedPersonalCorpus, type PersonalCorpus } from './personal-corpus';
import { simulatedCorpus } from './simulated-corpus';

const args = process.argv.slice(2);
const cooksOption = args.indexOf('--cooks');
const realDirectory =
  cooksOption >= 0 && args[cooksOption + 1] !== undefined
    ? path.resolve(args[cooksOption + 1] as string)
    : realCookLogsDir;
const verbose = args.includes('--verbose');
const hidePit = args.includes('--hide-pit');

function runCorpus(label: string, cooks: BenchCook[], groupBy?: (cook: BenchCook) => string): CorpusSummary {
  const scores: CookScore[] = cooks.map(evaluateCook);
  if (verbose) {
    for (const s of scores) {
      const f = (xs: readonly number[]): string => xs.map((x) => (100 * x).toFixed(0).padStart(4)).join(' ');
      console.log(
        `  ${s.name.padEnd(52)} model ${f(s.modelErrorAt)} | baseline ${f(s.baselineErrorAt)} | all ${(100 * s.modelMeanError).toFixed(0)}/${(100 * s.baselineMeanError).toFixed(0)} | cover ${s.covered}/${s.intervals}${s.stallDetection ? ' stall' : ''}`,
      );
    }
  }
  const summary = summariseCorpus(cooks, scores);
  printSummary(label, summary);
  if (verbose) {
    const misses = checkpointMisses(scores);
    console.log(
      `  80 % interval misses at 25 / 50 / 75 %: truth sooner than the interval ${misses.earlier.join(' / ')} %, later ${misses.later.join(' / ')} %`,
    );
  }
  if (groupBy !== undefined) printGroups(cooks, scores, groupBy);
  return summary;
}

/** One compact line per group (e.g. per cut) so a corpus figure can be traced to where it comes from. */
function printGroups(cooks: BenchCook[], scores: CookScore[], groupBy: (cook: BenchCook) => string): void {
  console.log('  by group — model 25/50/75 % (baseline 25/50/75 %)');
  const groups = [...new Set(cooks.map(groupBy))];
  for (const group of groups) {
    const members = cooks.map((c, i) => ({ c, s: scores[i] as CookScore })).filter((x) => groupBy(x.c) === group);
    const s = summariseCorpus(
      members.map((m) => m.c),
      members.map((m) => m.s),
    );
    const triple = (a: number, b: number, c: number): string => [a, b, c].map((x) => x.toFixed(0).padStart(3)).join(' /');
    console.log(
      `    ${group.padEnd(10)} n=${String(s.cooks).padStart(2)}  ${triple(s.mape25, s.mape50, s.mape75)}   (${triple(s.baselineMape25, s.baselineMape50, s.baselineMape75)})`,
    );
  }
}

function printSummary(label: string, s: CorpusSummary): void {
  console.log(`\n${label} (${s.cooks} cooks) — mean |ETA error| as % of remaining time`);
  console.log('                      25 %     50 %     75 %   all 10–90 %');
  console.log(`  model            ${cell(s.mape25)} ${cell(s.mape50)} ${cell(s.mape75)}   ${cell(s.mapeAll)}`);
  console.log(`  linear baseline  ${cell(s.baselineMape25)} ${cell(s.baselineMape50)} ${cell(s.baselineMape75)}   ${cell(s.baselineMapeAll)}`);
  console.log(
    `  80 % interval coverage: ${s.coverage80} % overall; ${s.coverage25} / ${s.coverage50} / ${s.coverage75} % at 25 / 50 / 75 % (ETA given on ${s.answered} % of readings)`,
  );
  if (s.stall) {
    console.log(
      `  stall detection: precision ${s.stall.precision} %, recall ${s.stall.recall} % (${s.stall.detected} detected / ${s.stall.trueStalls} true), mean delay ${s.stall.meanDelayMinutes} min`,
    );
  }
}

function cell(value: number): string {
  return `${value.toFixed(1)} %`.padStart(8);
}

const simulatedCooks = simulatedCorpus();
const simulated = runCorpus('simulated', simulatedCooks, (cook) => cook.name.split('@')[0] ?? cook.name);
// The wrapped cooks again, now with the cook saying "wrapped" at the moment it happened (timeline event).
const wrappedCooks = simulatedCooks.filter((cook) => cook.wrappedAtMs !== undefined);
const wrappedSilent = runCorpus('simulated, wrapped, no event', wrappedCooks);
const wrappedTold = runCorpus(
  'simulated, wrapped, "wrapped" event',
  wrappedCooks.map((cook) => ({ ...cook, events: [{ kind: 'wrapped' as const, atMs: cook.wrappedAtMs as number }] })),
);
let real: BenchCook[];
try {
  real = realCorpus(realDirectory);
} catch (error) {
  if (!(error instanceof MissingCorpusError)) throw error;
  console.error(`bench:predict: ${error.message}`);
  process.exit(1);
}
const headline: Record<string, unknown> = {
  bench: 'predict',
  simulated: headlineOf(simulated),
  wrappedNoEvent: headlineOf(wrappedSilent),
  wrappedEvent: headlineOf(wrappedTold),
};
headline.real = headlineOf(runCorpus(`real (${path.relative(process.cwd(), realDirectory) || realDirectory})`, real));
if (hidePit) {
  const blind = real.map(({ pitProbe: _hidden, ...cook }) => cook);
  headline.realPitHidden = headlineOf(runCorpus('real, pit probe hidden', blind));
}

/** The personal corpus: the same cooks without and with the priors learned from their family's other cooks. */
function runPersonal(label: string, corpus: PersonalCorpus): Record<string, unknown> {
  const plain = runCorpus(`${label}, today's priors`, corpus.plain);
  const personal = runCorpus(`${label}, personal priors (leave one out)`, corpus.personal);
  const gain = (a: number, b: number): string => `${(a - b).toFixed(1)} pt`;
  console.log(
    `  personal-prior gain at 25 / 50 / 75 %: ${gain(plain.mape25, personal.mape25)} / ${gain(plain.mape50, personal.mape50)} / ${gain(plain.mape75, personal.mape75)}; over 10–90 %: ${gain(plain.mapeAll, personal.mapeAll)}`,
  );
  return { plain: headlineOf(plain), personal: headlineOf(personal) };
}

headline.personalReal = runPersonal('personal, real families', realPersonalCorpus(real));
if (hidePit) headline.personalRealPitHidden = runPersonal('personal, real families, pit probe hidden', realPersonalCorpus(real, { hidePit: true }));
headline.personalSimulated = runPersonal('personal, simulated families', simulatedPersonalCorpus());
console.log(JSON.stringify(headline));

function headlineOf(s: CorpusSummary): Record<string, number> {
  return {
    cooks: s.cooks,
    mape25: s.mape25,
    mape50: s.mape50,
    mape75: s.mape75,
    baselineMape25: s.baselineMape25,
    baselineMape50: s.baselineMape50,
    baselineMape75: s.baselineMape75,
    mapeAll: s.mapeAll,
    baselineMapeAll: s.baselineMapeAll,
    coverage80: s.coverage80,
    coverage25: s.coverage25,
    coverage50: s.coverage50,
    coverage75: s.coverage75,
    ...(s.stall
      ? { stallPrecision: s.stall.precision, stallRecall: s.stall.recall, stallDelayMinutes: s.stall.meanDelayMinutes }
      : {}),
  };
}
