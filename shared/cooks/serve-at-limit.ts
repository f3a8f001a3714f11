/**
 * How far ahead a serve time may be set: a cook's series holds two days (MAX_SERIES_MINUTES). Plain data, apart from
 * serve-check.ts (which carries the predictor), so the web app's form checks the same limit without loading it.
 */
export const SERVE_AT_MAX_AHEAD_MS = 48 * 3_600_000;
