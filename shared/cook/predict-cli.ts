/** `npm run predict -- --input cook.csv --probe meat1 --target 203 [--pit pit]`: see predict-command.ts. */
import { readFileSync } from 'node:fs';
import { ValidationError } from '../errors';
import { parseCookLog } from './cook-log/parse-cook-log';
import { parsePredictArgs, predictFromLog, PREDICT_USAGE } from './predict-command';

function main(argv: readonly string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${PREDICT_USAGE}\n`);
    return 0;
  }
  try {
    const args = parsePredictArgs(argv);
    let text: string;
    try {
      text = readFileSync(args.input, 'utf8');
    } catch (error) {
      throw new ValidationError(`cannot read ${args.input}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    const lines = predictFromLog(parseCookLog(text), args);
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
