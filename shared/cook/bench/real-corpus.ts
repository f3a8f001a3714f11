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

export function realCorpus(directory: string): BenchCook[] {
  if (!existsSync(directory)) return [];
  const cooks: BenchCook[] = [];
  for (const file of readdirSync(directory).filter((f) => f.endsWith('.csv')).sort()) {
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
  return cooks;
}

function middle(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] as number;
}
