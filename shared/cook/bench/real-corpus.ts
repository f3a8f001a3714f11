import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCookLog } from '../cook-log/parse-cook-log';
import type { BenchCook } from './bench-cook';

/**
 * Real recorded cooks: every meat probe of every CSV in the directory. The truth is when the probe really got
 * there, for a target of 190 °F — or a little under the highest it reached, for probes that stopped short — read off
 * a 3-reading running median so a single glitch cannot fake an arrival. Stalls are not labelled in real logs.
 */
const REAL_TARGET_F = 190;

/** The repository's own real cook logs, kept with their sources (`real-cooks/SOURCES.md`). */
export const realCookLogsDir = path.resolve(import.meta.dirname, 'real-cooks');

/** A corpus the bench was asked to score is not there: its figures would change without a word, so it stops. */
export class MissingCorpusError extends Error {
  override name = 'MissingCorpusError';
}

export function realCorpus(directory: string): BenchCook[] {
  if (!existsSync(directory)) throw new MissingCorpusError(`no cook-log folder at ${directory}`);
  const files = readdirSync(directory).filter((f) => f.endsWith('.csv')).sort();
  if (files.length === 0) throw new MissingCorpusError(`no .csv cook logs in ${directory}`);
  const cooks: BenchCook[] = [];
  for (const file of files) {
    const log = parseCookLog(readFileSync(path.join(directory, file), 'utf8'));
    const pitProbe = log.probes.find((p) => p.toLowerCase() === 'pit');
    for (const probe of log.probes.filter((p) => p !== pitProbe)) {
      const readings = log.rows.filter((r) => r.probe === probe && r.temperatureF !== undefined);
      const smoothed = readings.map((r, i) => ({
        atMs: r.atMs,
        valueF: middle(readings.slice(Math.max(0, i - 2), i + 1).map((x) => x.temperatureF as number)),
      }));
      const highest = Math.max(...smoothed.map((s) => s.valueF));
      const targetF = Math.min(REAL_TARGET_F, highest - 0.5);
      const reach = smoothed.find((s) => s.valueF >= targetF);
      const first = readings[0];
      if (reach === undefined || first === undefined || targetF < 120) continue;
      cooks.push({
        name: `${file.replace(/\.csv$/, '')}:${probe}`,
        log,
        probe,
        ...(pitProbe !== undefined ? { pitProbe } : {}),
        targetF,
        startMs: first.atMs,
        reachMs: reach.atMs,
      });
    }
  }
  if (cooks.length === 0) throw new MissingCorpusError(`no meat probe in ${directory} reaches a usable target`);
  return cooks;
}

function middle(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] as number;
}
