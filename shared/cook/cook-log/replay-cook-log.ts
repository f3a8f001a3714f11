import { CookSession, type CookSessionSetup } from '../cook-session';
import type { PitEvent } from '../pit-health/pit-event';
import type { DoneTimePrediction } from '../prediction/done-time-prediction';
import { sortTimeline, type CookTimelineEvent } from '../timeline/cook-timeline-event';
import type { CookLog, CookLogRow } from './cook-log';

export interface ReplayedReading {
  readonly row: CookLogRow;
  readonly prediction: DoneTimePrediction;
}

export interface ReplayOptions {
  /** Pit events, handed over as they complete. */
  readonly onPitEvent?: (event: PitEvent) => void;
  /** What the cook said happened (wrapped, probe moved, lid open…): each applied once the replay reaches it. */
  readonly events?: readonly CookTimelineEvent[];
  /**
   * Predict at most this often (the poll worker stores a prediction a minute): readings in between are yielded with
   * the latest prediction. Default 0: every reading gets its own.
   */
  readonly predictEveryMs?: number;
}

/**
 * Replays a cook log through a fresh CookSession as if live: readings go in in time order, and every reading of
 * `probe` gets the prediction made at its timestamp from readings up to that timestamp only (readings sharing the
 * timestamp included: they arrived together). Timeline events go in as the replay reaches their instant.
 */
export function* replayCookLog(
  log: CookLog,
  setup: CookSessionSetup,
  probe: string,
  options: ReplayOptions = {},
): Generator<ReplayedReading> {
  const session = new CookSession(setup);
  const rows = log.rows;
  const events = sortTimeline(options.events ?? []);
  let nextEvent = 0;
  let latest: DoneTimePrediction | undefined;
  for (let start = 0; start < rows.length; ) {
    const atMs = (rows[start] as CookLogRow).atMs;
    while (nextEvent < events.length && (events[nextEvent] as CookTimelineEvent).atMs <= atMs) {
      session.applyEvent(events[nextEvent] as CookTimelineEvent);
      nextEvent += 1;
    }
    let end = start;
    while (end < rows.length && (rows[end] as CookLogRow).atMs === atMs) end += 1;
    // Readings that arrived together: the pit's first, so the meat's are judged against the pit as of that instant.
    const group = rows.slice(start, end).sort((a, b) => Number(b.probe === setup.pitProbe) - Number(a.probe === setup.pitProbe));
    for (const row of group) {
      if (row.temperatureF === undefined) continue;
      for (const event of session.ingest(row.probe, { atMs, temperatureF: row.temperatureF })) options.onPitEvent?.(event);
    }
    const watched = group.filter((row) => row.probe === probe);
    if (watched.length > 0) {
      if (latest === undefined || atMs - latest.atMs >= (options.predictEveryMs ?? 0)) latest = session.predict(probe, atMs);
      for (const row of watched) yield { row, prediction: latest };
    }
    start = end;
  }
}
