/**
 * Progress lines for a long bench, on stderr (stdout carries the figures and the closing JSON line), each stamped
 * with the seconds since the bench started.
 */
export interface ProgressLog {
  (message: string): void;
  /** Seconds since the bench started. */
  readonly elapsedSeconds: () => number;
}

export function progressLog(bench: string): ProgressLog {
  const started = performance.now();
  const elapsedSeconds = (): number => (performance.now() - started) / 1000;
  return Object.assign((message: string) => console.error(`[${bench} +${elapsedSeconds().toFixed(1)}s] ${message}`), { elapsedSeconds });
}
