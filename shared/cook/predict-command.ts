import { ValidationError } from '../errors';
import type { CookLog, CookLogRow } from './cook-log/cook-log';
import { replayCookLog } from './cook-log/replay-cook-log';
import { isMeatKind, MEAT_KINDS, type MeatKind } from './meat-kind';
import { summariseEndedCook } from './personal/ended-cook-summary';
import { describePersonalPriors, EMPTY_PERSONAL_PRIORS, learnFromCook, personalCutPriors, personalPitBand } from './personal/personal-priors';
import type { DoneTimePrediction } from './prediction/done-time-prediction';
import type { CookTimelineEvent } from './timeline/cook-timeline-event';
import { toFahrenheit } from './units';

/**
 * `npm run predict`, minus the process: argument parsing and the replay of a cook log through a CookSession,
 * one output line per reading of the watched probe, each computed from readings up to its own timestamp only.
 * With `--history <dir>`, the cook logs in it are the account's past cooks: the replay uses the personal priors
 * learned from them (and their pit band when the log has no pit probe). With `--events <file>`, the cook's timeline
 * (a JSON array of `{kind, at, text?, probe?, endedAt?}`) is applied as the replay reaches each event. With
 * `--set-point`, the pit the cook set narrows the pit when there is no pit probe.
 */
export interface PredictArgs {
  readonly input: string;
  readonly probe: string;
  /** In the log's unit. */
  readonly target: number;
  readonly pit?: string;
  readonly meat?: MeatKind;
  /** A folder of past cook logs to learn personal priors from. */
  readonly history?: string;
  /** A JSON file of timeline events. */
  readonly events?: string;
  /** The pit set-point, in the log's unit. */
  readonly setPoint?: number;
}

/** What the files named by --history and --events hold, read by the CLI. */
export interface PredictContext {
  readonly history?: ReadonlyArray<{ readonly name: string; readonly log: CookLog }>;
  readonly events?: readonly CookTimelineEvent[];
}

export const PREDICT_USAGE =
  'usage: npm run predict -- --input <cook.csv> --probe <name> --target <temperature in the file unit> [--pit <name>] [--meat <kind>] [--history <dir of past cook logs>] [--events <events.json>] [--set-point <pit temperature>]';

const OPTIONS = ['input', 'probe', 'target', 'pit', 'meat', 'history', 'events', 'set-point'] as const;

export const PREDICT_HEADER = 'timestamp,temperature,eta_seconds,eta_low_seconds,eta_high_seconds,phase';

export function parsePredictArgs(argv: readonly string[]): PredictArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) throw new ValidationError(`unexpected argument "${arg}"`);
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    if (!(OPTIONS as readonly string[]).includes(name)) throw new ValidationError(`unknown option --${name}`);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) {
      throw new ValidationError(`--${name} needs a value`);
    }
    values.set(name, value);
  }
  const input = values.get('input');
  const probe = values.get('probe');
  const targetText = values.get('target');
  if (input === undefined || probe === undefined || targetText === undefined) {
    throw new ValidationError('--input, --probe and --target are required');
  }
  const target = Number(targetText);
  if (!Number.isFinite(target)) throw new ValidationError(`--target "${targetText}" is not a number`);
  const meat = values.get('meat');
  if (meat !== undefined && !isMeatKind(meat)) {
    throw new ValidationError(`--meat must be one of ${MEAT_KINDS.join(', ')}`);
  }
  const pit = values.get('pit');
  const history = values.get('history');
  const events = values.get('events');
  const setPointText = values.get('set-point');
  const setPoint = setPointText === undefined ? undefined : Number(setPointText);
  if (setPoint !== undefined && !Number.isFinite(setPoint)) throw new ValidationError(`--set-point "${setPointText}" is not a number`);
  return {
    input,
    probe,
    target,
    ...(pit !== undefined ? { pit } : {}),
    ...(meat !== undefined ? { meat } : {}),
    ...(history !== undefined ? { history } : {}),
    ...(events !== undefined ? { events } : {}),
    ...(setPoint !== undefined ? { setPoint } : {}),
  };
}

/**
 * The personal priors a replay would have had: every past log summarised as an ended cook of the same kind (its
 * meat probes one piece, its `pit` probe the pit), learned in time order. Returns the priors and what they say.
 */
export function learnFromHistory(
  history: ReadonlyArray<{ readonly name: string; readonly log: CookLog }>,
  kind: { targetF: number; meat?: MeatKind },
): { state: ReturnType<typeof learnFromCook>; basedOn: string | undefined } {
  const summaries = history.map(({ name, log }) => {
    const pitProbe = log.probes.find((p) => p.toLowerCase() === 'pit');
    const readings = (probe: string) =>
      log.rows.filter((r) => r.probe === probe && r.temperatureF !== undefined).map((r) => ({ atMs: r.atMs, temperatureF: r.temperatureF as number }));
    return summariseEndedCook({
      cookId: name,
      kind,
      meatProbes: log.probes.filter((p) => p !== pitProbe).map((probe) => ({ probe, readings: readings(probe) })),
      ...(pitProbe !== undefined ? { pitReadings: readings(pitProbe) } : {}),
      endedAtMs: log.rows.at(-1)?.atMs ?? 0,
    });
  });
  const state = summaries.sort((a, b) => a.endedAtMs - b.endedAtMs).reduce(learnFromCook, EMPTY_PERSONAL_PRIORS);
  return { state, basedOn: describePersonalPriors(state, kind) };
}

/** Replays the log; returns the output lines, header first. */
export function predictFromLog(log: CookLog, args: PredictArgs, context: PredictContext = {}): string[] {
  if (!log.probes.includes(args.probe)) {
    throw new ValidationError(`probe "${args.probe}" is not in the log (probes: ${log.probes.join(', ')})`);
  }
  if (args.pit !== undefined && !log.probes.includes(args.pit)) {
    throw new ValidationError(`pit probe "${args.pit}" is not in the log (probes: ${log.probes.join(', ')})`);
  }
  const pitProbe = args.pit ?? log.probes.find((p) => p.toLowerCase() === 'pit');
  if (pitProbe === args.probe) throw new ValidationError(`probe "${args.probe}" is the pit probe`);
  const targetF = toFahrenheit(args.target, log.unit);
  const kind = { targetF, ...(args.meat ? { meat: args.meat } : {}) };
  const learned = context.history !== undefined && context.history.length > 0 ? learnFromHistory(context.history, kind).state : undefined;
  const band = learned !== undefined ? personalPitBand(learned, kind) : undefined;
  const setPointF = args.setPoint !== undefined ? toFahrenheit(args.setPoint, log.unit) : undefined;
  const pitHint = { ...(setPointF !== undefined ? { setPointF } : {}), ...(band !== undefined ? { pastPitBand: band } : {}) };
  const setup = {
    ...(pitProbe !== undefined ? { pitProbe } : {}),
    meatProbes: [{ probe: args.probe, targetF, ...(args.meat ? { meat: args.meat } : {}), ...(learned ? { priors: personalCutPriors(learned, kind, setPointF) } : {}) }],
    ...(Object.keys(pitHint).length > 0 ? { pitHint } : {}),
  };
  // Events name a probe or none (the whole cook); a probe not watched here is another probe's event.
  const events = (context.events ?? []).filter((e) => e.probe === undefined || e.probe === args.probe);
  const lines = [PREDICT_HEADER];
  for (const { row, prediction } of replayCookLog(log, setup, args.probe, { events })) lines.push(formatLine(row, prediction));
  return lines;
}

function formatLine(row: CookLogRow, prediction: DoneTimePrediction): string {
  const eta = prediction.eta;
  const cells = eta ? [eta.seconds, eta.lowSeconds, eta.highSeconds].map(String) : ['', '', ''];
  const phase = eta === undefined && prediction.phase === 'heating' ? 'unknown' : prediction.phase;
  return [csvCell(row.timestampText), csvCell(row.temperatureText), ...cells, phase].join(',');
}

function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
