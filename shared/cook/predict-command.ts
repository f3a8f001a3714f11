import { ValidationError } from '../errors';
import type { CookLog, CookLogRow } from './cook-log/cook-log';
import { replayCookLog } from './cook-log/replay-cook-log';
import { isMeatKind, MEAT_KINDS, type MeatKind } from './meat-kind';
import type { DoneTimePrediction } from './prediction/done-time-prediction';
import { toFahrenheit } from './units';

/**
 * `npm run predict`, minus the process: argument parsing and the replay of a cook log through a CookSession,
 * one output line per reading of the watched probe, each computed from readings up to its own timestamp only.
 */
export interface PredictArgs {
  readonly input: string;
  readonly probe: string;
  /** In the log's unit. */
  readonly target: number;
  readonly pit?: string;
  readonly meat?: MeatKind;
}

export const PREDICT_USAGE =
  'usage: npm run predict -- --input <cook.csv> --probe <name> --target <temperature in the file unit> [--pit <name>] [--meat <kind>]';

export const PREDICT_HEADER = 'timestamp,temperature,eta_seconds,eta_low_seconds,eta_high_seconds,phase';

export function parsePredictArgs(argv: readonly string[]): PredictArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) throw new ValidationError(`unexpected argument "${arg}"`);
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    if (!['input', 'probe', 'target', 'pit', 'meat'].includes(name)) throw new ValidationError(`unknown option --${name}`);
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
  return { input, probe, target, ...(pit !== undefined ? { pit } : {}), ...(meat !== undefined ? { meat } : {}) };
}

/** Replays the log; returns the output lines, header first. */
export function predictFromLog(log: CookLog, args: PredictArgs): string[] {
  if (!log.probes.includes(args.probe)) {
    throw new ValidationError(`probe "${args.probe}" is not in the log (probes: ${log.probes.join(', ')})`);
  }
  if (args.pit !== undefined && !log.probes.includes(args.pit)) {
    throw new ValidationError(`pit probe "${args.pit}" is not in the log (probes: ${log.probes.join(', ')})`);
  }
  const pitProbe = args.pit ?? log.probes.find((p) => p.toLowerCase() === 'pit');
  if (pitProbe === args.probe) throw new ValidationError(`probe "${args.probe}" is the pit probe`);
  const targetF = toFahrenheit(args.target, log.unit);
  const setup = {
    ...(pitProbe !== undefined ? { pitProbe } : {}),
    meatProbes: [{ probe: args.probe, targetF, ...(args.meat ? { meat: args.meat } : {}) }],
  };
  const lines = [PREDICT_HEADER];
  for (const { row, prediction } of replayCookLog(log, setup, args.probe)) lines.push(formatLine(row, prediction));
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
