import { ValidationError } from '../../errors';
import { parseTemperatureUnit, toFahrenheit, type TemperatureUnit } from '../units';
import type { CookLog, CookLogRow } from './cook-log';

const REQUIRED_COLUMNS = ['timestamp', 'probe', 'temperature', 'unit'] as const;
const NO_READING = new Set(['', 'nan', 'null', 'none', '--', 'n/a', 'na']);
/** Epoch milliseconds: a bare integer of 11–14 digits (1973…5138). Shorter numbers are too ambiguous to guess. */
const EPOCH_MS = /^\d{11,14}$/;

/**
 * Parses a cook log CSV (`timestamp,probe,temperature,unit`, columns in any order, extra columns ignored).
 * Timestamps are ISO-8601 or epoch milliseconds; rows are returned sorted by time (stable for ties). Rows whose
 * probe read nothing are kept with an undefined temperature; anything else malformed is a ValidationError naming
 * the line, because silently skipping bad rows would quietly change the prediction.
 */
export function parseCookLog(text: string): CookLog {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerLine = lines.findIndex((line) => line.trim() !== '');
  if (headerLine < 0) throw new ValidationError('cook log is empty');
  const header = splitCsvLine(lines[headerLine] as string).map((h) => h.trim().toLowerCase());
  const column = Object.fromEntries(REQUIRED_COLUMNS.map((name) => [name, header.indexOf(name)])) as Record<
    (typeof REQUIRED_COLUMNS)[number],
    number
  >;
  const missing = REQUIRED_COLUMNS.filter((name) => column[name] < 0);
  if (missing.length > 0) {
    throw new ValidationError(`cook log header lacks ${missing.join(', ')} (expected timestamp,probe,temperature,unit)`);
  }

  const rows: CookLogRow[] = [];
  const unitCounts: Record<TemperatureUnit, number> = { F: 0, C: 0 };
  for (let n = headerLine + 1; n < lines.length; n += 1) {
    const line = lines[n] as string;
    if (line.trim() === '') continue;
    const lineNumber = n + 1;
    const cells = splitCsvLine(line);
    const cell = (name: (typeof REQUIRED_COLUMNS)[number]): string => (cells[column[name]] ?? '').trim();
    const timestampText = cell('timestamp');
    const atMs = parseTimestamp(timestampText);
    if (atMs === undefined) throw new ValidationError(`line ${lineNumber}: unreadable timestamp "${timestampText}"`);
    const probe = cell('probe');
    if (probe === '') throw new ValidationError(`line ${lineNumber}: empty probe name`);
    const unit = parseTemperatureUnit(cell('unit'));
    if (unit === undefined) throw new ValidationError(`line ${lineNumber}: unknown unit "${cell('unit')}"`);
    const temperatureText = cell('temperature');
    let temperatureF: number | undefined;
    if (!NO_READING.has(temperatureText.toLowerCase())) {
      const value = Number(temperatureText);
      if (!Number.isFinite(value)) {
        throw new ValidationError(`line ${lineNumber}: temperature "${temperatureText}" is not a number`);
      }
      temperatureF = toFahrenheit(value, unit);
      unitCounts[unit] += 1;
    }
    rows.push({ index: rows.length, timestampText, atMs, probe, temperatureText, temperatureF });
  }
  if (rows.length === 0) throw new ValidationError('cook log has a header but no readings');
  rows.sort((a, b) => a.atMs - b.atMs || a.index - b.index);
  return {
    unit: unitCounts.C > unitCounts.F ? 'C' : 'F',
    rows,
    probes: [...new Set(rows.map((r) => r.probe))],
  };
}

export function parseTimestamp(text: string): number | undefined {
  if (EPOCH_MS.test(text)) return Number(text);
  // ISO-8601 only: Date.parse accepts many locale formats we would rather reject than misread.
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return undefined;
  // A zone-less time is taken as UTC so results do not depend on the machine's zone.
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(text) || text.length === 10 ? text : `${text.replace(' ', 'T')}Z`;
  const ms = Date.parse(zoned);
  return Number.isFinite(ms) ? ms : undefined;
}

/** Minimal RFC-4180 split: quoted cells may hold commas and doubled quotes. */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        current += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(current);
      current = '';
    } else current += ch;
  }
  cells.push(current);
  return cells;
}
