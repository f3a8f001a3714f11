/**
 * Each account's poll inside a batch has a time budget: a slow or failing account is cut off when it runs out
 * (its ThermoWorks calls are aborted) and recorded as failing, so the batch, and the accounts polled after it by
 * the same worker, never wait for it.
 */
import { CallerGaveUpError } from '../thermoworks/errors';

export class PollTimeBudgetExceededError extends CallerGaveUpError {
  override readonly code = 'POLL_TIME_BUDGET_EXCEEDED';
  constructor(budgetMs: number) {
    super(`ThermoWorks did not answer within the poll's ${Math.round(budgetMs / 100) / 10} s budget`, { details: { budgetMs } });
  }
}

/**
 * A bit over half the poll interval: far more than a healthy poll needs (well under a second), and the batch is
 * done well before the account's next poll is due (9 s at the 15 s cadence).
 */
export function pollTimeBudgetMs(activeIntervalSeconds: number): number {
  return Math.round(activeIntervalSeconds * 600);
}

/** Aborts with PollTimeBudgetExceededError after `budgetMs`; `done()` clears the timer. */
export function startPollTimeBudget(budgetMs: number | undefined): { signal: AbortSignal | undefined; done: () => void } {
  if (budgetMs === undefined) return { signal: undefined, done: () => undefined };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new PollTimeBudgetExceededError(budgetMs)), budgetMs);
  return { signal: controller.signal, done: () => clearTimeout(timer) };
}
