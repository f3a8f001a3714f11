import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import { parseCookLog } from './cook-log/parse-cook-log';
import { newtonTemperatureAfter } from './prediction/newton-heating';
import { learnFromHistory, parsePredictArgs, PREDICT_HEADER, predictFromLog } from './predict-command';
import { fToC } from './units';

const START_MS = Date.UTC(2024, 4, 1, 12);

/** A two-hour chicken cook (Newton toward 325 °F) with a pit probe, written as a logger would. */
function chickenLog(unit: 'F' | 'C' = 'F', options: { pit?: boolean; minutes?: number } = {}): string {
  const lines = ['timestamp,probe,temperature,unit'];
  const show = (f: number): string => (unit === 'F' ? f : fToC(f)).toFixed(1);
  for (let minute = 0; minute <= (options.minutes ?? 120); minute += 1) {
    const at = new Date(START_MS + minute * 60_000).toISOString();
    lines.push(`${at},meat1,${show(newtonTemperatureAfter(40, 325, 0.5, minute / 60))},${unit}`);
    if (options.pit !== false) lines.push(`${START_MS + minute * 60_000},pit,${show(325)},${unit}`);
  }
  return lines.join('\n');
}

const args = { input: 'x.csv', probe: 'meat1', target: 165 };

describe('parsePredictArgs', () => {
  it('reads --name value and --name=value forms', () => {
    expect(parsePredictArgs(['--input', 'a.csv', '--probe=meat1', '--target', '203', '--pit', 'pit'])).toEqual({
      input: 'a.csv',
      probe: 'meat1',
      target: 203,
      pit: 'pit',
    });
  });

  it('reads --history, --events and --set-point', () => {
    expect(parsePredictArgs(['--input', 'a.csv', '--probe', 'meat1', '--target', '203', '--history', 'past', '--events=e.json', '--set-point', '250'])).toEqual({
      input: 'a.csv',
      probe: 'meat1',
      target: 203,
      history: 'past',
      events: 'e.json',
      setPoint: 250,
    });
    expect(() => parsePredictArgs(['--input', 'a.csv', '--probe', 'meat1', '--target', '1', '--set-point', 'hot'])).toThrow(/--set-point/);
  });

  it('rejects missing, unknown and malformed arguments', () => {
    expect(() => parsePredictArgs(['--input', 'a.csv', '--probe', 'meat1'])).toThrow(ValidationError);
    expect(() => parsePredictArgs(['--input', 'a.csv', '--probe', 'meat1', '--target', 'hot'])).toThrow(/not a number/);
    expect(() => parsePredictArgs(['--input', 'a.csv', '--probe', 'meat1', '--target', '1', '--colour', 'red'])).toThrow(/unknown option/);
    expect(() => parsePredictArgs(['--input', '--probe', 'meat1'])).toThrow(/needs a value/);
    expect(() => parsePredictArgs(['--input', 'a.csv', '--probe', 'meat1', '--target', '1', '--meat', 'tofu'])).toThrow(/--meat/);
  });
});

describe('predictFromLog', () => {
  it('writes the header and one line per reading of the probe, in time order, echoing the input', () => {
    const lines = predictFromLog(parseCookLog(chickenLog()), args);
    expect(lines[0]).toBe(PREDICT_HEADER);
    expect(lines).toHaveLength(1 + 121);
    expect(lines[1]).toMatch(/^2024-05-01T12:00:00.000Z,40.0,,,,unknown$/);
    const cells = lines[60]!.split(',');
    expect(cells).toHaveLength(6);
    const [eta, low, high] = cells.slice(2, 5).map(Number) as [number, number, number];
    // Analytic answer at 59 min: ln(285/160)/0.5 h − 59 min.
    const truth = (Math.log(285 / 160) / 0.5) * 3600 - 59 * 60;
    expect(Math.abs(eta - truth) / truth).toBeLessThan(0.05);
    expect(low).toBeLessThanOrEqual(eta);
    expect(high).toBeGreaterThanOrEqual(eta);
    expect(cells[5]).toBe('heating');
    expect(lines.at(-1)).toMatch(/,0,0,0,done$/);
  });

  it('never peeks: each line is the same whether or not the rest of the log exists', () => {
    const full = predictFromLog(parseCookLog(chickenLog()), args);
    const truncated = predictFromLog(parseCookLog(chickenLog('F', { minutes: 70 })), args);
    expect(truncated).toEqual(full.slice(0, truncated.length));
  });

  it('is deterministic and unit-agnostic: a °C file with a °C target gives the same ETAs', () => {
    const fahrenheit = predictFromLog(parseCookLog(chickenLog('F')), args);
    const celsius = predictFromLog(parseCookLog(chickenLog('C')), { ...args, target: fToC(165) });
    const etas = (lines: string[]): string[] => lines.slice(1).map((l) => l.split(',').slice(2).join(','));
    const close = etas(celsius).map((row, i) => {
      const a = row.split(',').slice(0, 3).map(Number);
      const b = (etas(fahrenheit)[i] as string).split(',').slice(0, 3).map(Number);
      return a.every((x, j) => Math.abs(x - (b[j] as number)) <= Math.max(60, 0.03 * (b[j] as number)));
    });
    expect(close.every(Boolean)).toBe(true);
    expect(predictFromLog(parseCookLog(chickenLog()), args)).toEqual(predictFromLog(parseCookLog(chickenLog()), args));
  });

  it('still predicts without a pit probe, and refuses probes the log does not have', () => {
    const lines = predictFromLog(parseCookLog(chickenLog('F', { pit: false })), args);
    expect(lines[60]!.split(',')[2]).not.toBe('');
    expect(() => predictFromLog(parseCookLog(chickenLog()), { ...args, probe: 'meat9' })).toThrow(/not in the log/);
    expect(() => predictFromLog(parseCookLog(chickenLog()), { ...args, pit: 'smoker' })).toThrow(/not in the log/);
    expect(() => predictFromLog(parseCookLog(chickenLog()), { ...args, probe: 'pit' })).toThrow(/is the pit probe/);
  });
});

describe('predictFromLog with a timeline and past cooks', () => {
  /** A collagen-target curve: Newton toward 250 °F from 40 °F, 4 hours, no pit probe. */
  const slowLog = (): string => {
    const lines = ['timestamp,probe,temperature,unit'];
    for (let minute = 0; minute <= 240; minute += 1) {
      lines.push(`${START_MS + minute * 60_000},meat1,${newtonTemperatureAfter(40, 250, 0.3, minute / 60).toFixed(1)},F`);
    }
    return lines.join('\n');
  };
  const slow = { input: 'x.csv', probe: 'meat1', target: 195 };
  const phases = (lines: string[]): string[] => lines.slice(1).map((l) => l.split(',')[5] as string);

  it('applies the events as the replay reaches them, only the watched probe’s or the whole cook’s', () => {
    const wrapAt = START_MS + 120 * 60_000;
    const told = predictFromLog(parseCookLog(slowLog()), slow, { events: [{ kind: 'wrapped', atMs: wrapAt }] });
    expect(phases(told).slice(0, 120)).not.toContain('post_stall');
    expect(phases(told).slice(121)).toContain('post_stall');
    const other = predictFromLog(parseCookLog(slowLog()), slow, { events: [{ kind: 'wrapped', atMs: wrapAt, probe: 'meat2' }] });
    expect(other).toEqual(predictFromLog(parseCookLog(slowLog()), slow));
  });

  it('learns from past cooks (and their pit band, with no pit probe here) and says so', () => {
    const past = [{ name: 'past.csv', log: parseCookLog(chickenLog('F')) }];
    const learned = learnFromHistory(past, { targetF: 165 });
    expect(learned.basedOn).toMatch(/^based on your last (cook like this|poultry cook): pit about 325 °F$/);
    const plain = predictFromLog(parseCookLog(chickenLog('F', { pit: false })), args);
    const personal = predictFromLog(parseCookLog(chickenLog('F', { pit: false })), args, { history: past });
    expect(personal).not.toEqual(plain);
    expect(personal[0]).toBe(PREDICT_HEADER);
  });
});

describe('predict CLI', () => {
  const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), 'predict-cli.ts');
  const run = (argv: string[]) => spawnSync(process.execPath, ['--import', 'tsx', cli, ...argv], { encoding: 'utf8' });

  it('exits 2 with a clear message on bad arguments or a bad file', () => {
    const missing = run(['--probe', 'meat1']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--input, --probe and --target are required/);
    const nofile = run(['--input', '/nonexistent/cook.csv', '--probe', 'meat1', '--target', '165']);
    expect(nofile.status).toBe(2);
    expect(nofile.stderr).toMatch(/cannot read/);
    const dir = mkdtempSync(path.join(tmpdir(), 'pitwatch-predict-'));
    const garbage = path.join(dir, 'bad.csv');
    writeFileSync(garbage, 'hello,world\n1,2\n');
    const bad = run(['--input', garbage, '--probe', 'meat1', '--target', '165']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/header/);
  });

  it('exits 2 on a bad events file or an empty history folder', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pitwatch-predict-'));
    const file = path.join(dir, 'cook.csv');
    writeFileSync(file, chickenLog());
    const events = path.join(dir, 'events.json');
    writeFileSync(events, JSON.stringify([{ kind: 'sauced', at: '2024-05-01T12:30:00Z' }]));
    const bad = run(['--input', file, '--probe', 'meat1', '--target', '165', '--events', events]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--events .*kind/);
    const empty = mkdtempSync(path.join(tmpdir(), 'pitwatch-history-'));
    const none = run(['--input', file, '--probe', 'meat1', '--target', '165', '--history', empty]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/holds no \.csv cook logs/);
  });

  it('replays with the history and the events, saying what it learned', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pitwatch-predict-'));
    const history = mkdtempSync(path.join(tmpdir(), 'pitwatch-history-'));
    writeFileSync(path.join(history, 'last-week.csv'), chickenLog());
    const file = path.join(dir, 'cook.csv');
    writeFileSync(file, chickenLog('F', { pit: false }));
    const events = path.join(dir, 'events.json');
    writeFileSync(events, JSON.stringify([{ kind: 'lid-open', at: '2024-05-01T12:30:00Z', endedAt: '2024-05-01T12:33:00Z', text: 'peek' }]));
    const result = run(['--input', file, '--probe', 'meat1', '--target', '165', '--history', history, '--events', events]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/based on your last .*: pit about 325 °F/);
    expect(result.stdout.trim().split('\n')).toHaveLength(122);
  });

  it('writes the predictions to stdout', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pitwatch-predict-'));
    const file = path.join(dir, 'cook.csv');
    writeFileSync(file, chickenLog());
    const result = run(['--input', file, '--probe', 'meat1', '--target', '165']);
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(PREDICT_HEADER);
    expect(result.stdout.trim().split('\n')).toHaveLength(122);
  });
});
