/**
 * The web app's one "now", in epoch milliseconds. Every clock reading in the app goes through here, so simulated time
 * (`--time-scale`, a `clock` in /config.json) is one change away.
 */
export function now(): number {
  return Date.now();
}
