/**
 * When a cook ends, what it showed goes into the account's personal priors (shared/cook/personal/personal-priors.ts),
 * so the next cook of its kind is predicted and planned with them. One summary per kind of meat in the cook (its
 * probes of one cut are one piece: summariseEndedCook takes their medians), made from the cook's per-minute series
 * (which holds the hours before a cook started mid-way, seeded from history) or, for a channel without one, its
 * stored readings. The cook's id makes it idempotent: learning the same cook again replaces it.
 *
 * Learning never fails the end of a cook: the cook has ended by then; a failure is logged and the priors stay as
 * they were.
 */
import { summariseEndedCook } from '../cook/personal/ended-cook-summary';
import { learnFromCook, type EndedCookSummary, type PersonalPriors } from '../cook/personal/personal-priors';
import { cookKindKey, type CookKind } from '../cook/prediction/cut-priors';
import type { ProbeReading } from '../cook/probe-reading';
import type { Clock } from '../clock';
import type { Reading } from '../readings/reading';
import { timelineOf } from './cook-events';
import type { ActiveCook, CookRecord } from './cook-record';
import { updatePersonalPriors, type PersonalPriorsRead, type PersonalPriorsStore } from './personal-priors-store';
import { appendToSeries } from './update-cook';

const MINUTE_MS = 60_000;

export interface PersonalLearning {
  personalPriors: PersonalPriorsStore;
  clock: Clock;
  log?: { warn(message: string, detail: Record<string, unknown>): void };
}

type Series = ActiveCook['series'];

function channelReadings(channel: string, series: Series, readings: ReadonlyMap<string, readonly Reading[]>): ProbeReading[] {
  const minutes = series[channel] !== undefined && series[channel].length > 0 ? series[channel] : appendToSeries([], readings.get(channel) ?? []);
  return minutes.map(([m, v]) => ({ atMs: m + MINUTE_MS / 2, temperatureF: v }));
}

/** A summary that says nothing of the heating, nor whether it stalled (a cook ended minutes in), teaches nothing. */
const teachesSomething = (s: EndedCookSummary) => s.heatingK !== undefined || s.stalled !== undefined;

/** What the ended cook showed, one summary per kind of meat in it. Pure. */
export function endedCookSummaries(
  cook: Pick<CookRecord, 'cookId' | 'probes' | 'pitChannel' | 'events' | 'endedAt'>,
  series: Series,
  readings: ReadonlyMap<string, readonly Reading[]>,
): EndedCookSummary[] {
  if (cook.endedAt === null) return [];
  const endedAtMs = Date.parse(cook.endedAt);
  const pitReadings = cook.pitChannel ? channelReadings(cook.pitChannel, series, readings) : [];
  const groups = new Map<string, { kind: CookKind; channels: string[] }>();
  for (const probe of cook.probes) {
    const kind: CookKind = { targetF: probe.targetF, ...(probe.meat ? { meat: probe.meat } : {}) };
    const key = cookKindKey(kind);
    const group = groups.get(key) ?? { kind, channels: [] };
    group.channels.push(probe.channel);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map(({ kind, channels }) =>
      summariseEndedCook({
        cookId: cook.cookId,
        kind,
        meatProbes: channels.map((channel) => ({ probe: channel, readings: channelReadings(channel, series, readings) })),
        ...(pitReadings.length > 0 ? { pitReadings } : {}),
        events: timelineOf(cook.events.filter((e) => e.probe === undefined || channels.includes(e.probe))),
        endedAtMs,
      }),
    )
    .filter(teachesSomething);
}

/**
 * Learns the ended cook into the account's priors (a conditional write, retried on a race). Never throws. `read`:
 * what the cook's end already read of them (readPersonalPriors), not read again.
 */
export async function learnFromEndedCook(
  final: CookRecord,
  series: Series,
  readings: ReadonlyMap<string, readonly Reading[]>,
  deps: PersonalLearning,
  read?: PersonalPriorsRead,
): Promise<PersonalPriors | undefined> {
  try {
    const summaries = endedCookSummaries(final, series, readings);
    if (summaries.length === 0) return undefined;
    return await updatePersonalPriors(final.accountId, (current) => summaries.reduce(learnFromCook, current), { personalPriors: deps.personalPriors, now: () => deps.clock.now() }, read);
  } catch (error) {
    deps.log?.warn('Personal priors not updated; the cook ended all the same', { cookId: final.cookId, error: error instanceof Error ? error.message : String(error) });
    return undefined;
  }
}

/**
 * The account's priors for a read that must not fail its caller (a cook's end, its stats): undefined on failure.
 * The read is kept whole (with its revision) so learning afterwards writes on it without reading again.
 */
export async function readPersonalPriors(accountId: string, deps: Pick<PersonalLearning, 'personalPriors' | 'log'>): Promise<PersonalPriorsRead | undefined> {
  try {
    return { stored: await deps.personalPriors.get(accountId) };
  } catch (error) {
    deps.log?.warn('Personal priors not read; using the usual priors', { accountId, error: error instanceof Error ? error.message : String(error) });
    return undefined;
  }
}

/** The state without one cook: a deleted cook record is forgotten by the priors too. Pure. */
export function withoutCook(state: PersonalPriors, cookId: string): PersonalPriors {
  const kinds = Object.entries(state.kinds)
    .map(([key, cooks]) => [key, cooks.filter((c) => c.cookId !== cookId)] as const)
    .filter(([, cooks]) => cooks.length > 0);
  return { version: 1, kinds: Object.fromEntries(kinds) };
}

/** Forgets a deleted cook (a write only when the priors hold it). Never throws: the cook is deleted either way. */
export async function forgetDeletedCook(accountId: string, cookId: string, deps: PersonalLearning): Promise<void> {
  try {
    const stored = await deps.personalPriors.get(accountId);
    if (!stored || !Object.values(stored.priors.kinds).some((cooks) => cooks.some((c) => c.cookId === cookId))) return;
    await updatePersonalPriors(accountId, (current) => withoutCook(current, cookId), { personalPriors: deps.personalPriors, now: () => deps.clock.now() }, { stored });
  } catch (error) {
    deps.log?.warn('Personal priors still hold a deleted cook', { cookId, error: error instanceof Error ? error.message : String(error) });
  }
}
