/**
 * How often Pitwatch polls ThermoWorks: the one source for the dispatcher, the worker (its gap threshold), the CDK
 * stack and the local stack. `POLL_INTERVAL_SECONDS` (`npm start -- --poll-interval`) overrides the active interval
 * for every function alike; nothing else sets a cadence.
 */
export interface PollCadence {
  /** Seconds between polls of an active account: the dispatcher spreads a minute's polls with SQS delays. */
  activeIntervalSeconds: number;
  /** An account with no new reading for this long is idle. */
  idleAfterMinutes: number;
  /** Idle accounts are polled every this many minutes (staggered by user). */
  idleEveryMinutes: number;
}

/**
 * Every 15 s while something is happening. Idle accounts every 5 minutes: a cook that starts is noticed within 5
 * minutes and then followed every 15 s; polling idle devices every minute was most of an idle device's monthly cost
 * (bench:cost).
 */
export const pollCadence: Readonly<PollCadence> = Object.freeze({ activeIntervalSeconds: 15, idleAfterMinutes: 30, idleEveryMinutes: 5 });

/** The cadence with the configured active interval (POLL_INTERVAL_SECONDS) in place of the default. */
export function cadenceWith(activeIntervalSeconds: number): PollCadence {
  return { ...pollCadence, activeIntervalSeconds };
}
