/**
 * `npm run predict -- --input cook.csv --probe meat1 --target 203 [--pit pit] [--history <dir>] [--events <file>]`:
 * see predict-command.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ValidationError } from '../errors';
import { parseCookLog } from './cook-log/parse-cook-log';
import { learnFromHistory, parsePredictArgs, predictFromLog, PREDICT_USAGE, type PredictContext } from './predict-command';
import { cookTimelineInputSchema } from './timeline/cook-timeline-event';
import { toFahrenheit } from './units';

function read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new ValidationError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

function readHistory(dir: string): NonNullable<PredictContext['history']> {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort();
  } catch (error) {
    throw new ValidationError(`cannot read --history ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (files.length === 0) throw new ValidationError(`--history ${dir} holds no .csv cook logs`);
  return files.map((f) => {
    try {
      return { name: f, log: parseCookLog(read(path.join(dir, f))) };
    } catch (error) {
      if (error instanceof ValidationError) throw new ValidationError(`--history ${f}: ${error.message}`);
      throw error;
    }
  });
}

function readEvents(file: string): NonNullable<PredictContext['events']> {
  let json: unknown;
  try {
    json = JSON.parse(read(file));
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    throw new ValidationError(`--events ${file} is not JSON`);
  }
  const parsed = cookTimelineInputSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ValidationError(`--events ${file}: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'not a list of events'}`);
  }
  return parsed.data;
}

function main(argv: readonly string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${PREDICT_USAGE}\n`);
    return 0;
  }
  try {
    const args = parsePredictArgs(argv);
    const log = parseCookLog(read(args.input));
    const context: PredictContext = {
      ...(args.history !== undefined ? { history: readHistory(args.history) } : {}),
      ...(args.events !== undefined ? { events: readEvents(args.events) } : {}),
    };
    if (context.history !== undefined) {
      const kind = { targetF: toFahrenheit(args.target, log.unit), ...(args.meat ? { meat: args.meat } : {}) };
      const { basedOn } = learnFromHistory(context.history, kind);
      process.stderr.write(`predict: ${basedOn ?? `nothing learned from ${context.history.length} past cooks`}\n`);
    }
    const lines = predictFromLog(log, args, context);
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ValidationError) {
      process.stderr.write(`predict: ${error.message}\n${PREDICT_USAGE}\n`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
