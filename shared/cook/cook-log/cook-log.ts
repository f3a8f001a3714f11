import type { TemperatureUnit } from '../units';

/** One row of a cook log as written: the raw text is kept so tools can echo it back untouched. */
export interface CookLogRow {
  /** Position in the file (0 = first data row), to keep ties stable. */
  readonly index: number;
  readonly timestampText: string;
  readonly atMs: number;
  readonly probe: string;
  readonly temperatureText: string;
  /** Undefined when the probe read nothing (empty, "NaN", "null", "--"). */
  readonly temperatureF: number | undefined;
}

export interface CookLog {
  /** The unit most rows are written in: targets and output follow it. */
  readonly unit: TemperatureUnit;
  /** Rows sorted by time (stable), every probe mixed. */
  readonly rows: readonly CookLogRow[];
  readonly probes: readonly string[];
}
