/**
 * What a signed-in cook does with cook records: list them, read one, edit it, add and remove timeline events, end
 * it (stats computed from the device history), delete it. Every call names the caller's account: another account's
 * cook id is simply not found. Changes are announced to the account's open pages as `cook` messages.
 */
import type { AddCookEventRequest, CookDetail, ListCooksQuery, PatchCookRequest } from '../api/cook-schemas';
import { MAX_EVENTS_PER_COOK } from '../api/cook-schemas';
import type { CookMessage, CookView } from '../api/schemas';
import { assertNotTooFarAhead } from '../api/wire-formats';
import type { Clock } from '../clock';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import type { IdGenerator } from '../ids';
import { pushToAccountPages } from '../live/push-to-pages';
import type { Reading, ReadingStore } from '../readings/reading';
import { decodeCookCursor, encodeCookCursor } from './cook-cursor';
import { newCookEvent } from './cook-events';
import { cookChannels, type ActiveCook, type CookProbe, type CookRecord } from './cook-record';
import { computeCookStats } from './cook-stats';
import { forgetDeletedCook, learnFromEndedCook, readPersonalPriors, type PersonalLearning } from './learn-from-ended-cook';
import type { PersonalPriorsStore } from './personal-priors-store';
import type { CookStore } from './cook-store';
import { cookDetail, cookView } from './cook-views';
import { assertServeAtAhead } from './serve-check';
import { targetFahrenheit } from './start-cook';
import { updateCook } from './update-cook';
import type { LiveSockets } from '../live/live-connections';

export interface CookDependencies {
  cooks: CookStore;
  readings: ReadingStore;
  clock: Clock;
  ids: IdGenerator;
  /** Where `cook` messages go: the account's open pages (not share links). Absent: nothing is announced. */
  live?: LiveSockets;
  /** The account's personal priors: a cook's end learns into them. Absent: nothing is learned. */
  personalPriors?: PersonalPriorsStore;
  log?: PersonalLearning['log'];
}

/** What a cook's end and deletion need to update the personal priors; undefined when the deployment keeps none. */
function personalLearning(deps: CookDependencies): PersonalLearning | undefined {
  return deps.personalPriors ? { personalPriors: deps.personalPriors, clock: deps.clock, ...(deps.log ? { log: deps.log } : {}) } : undefined;
}

export async function requireCook(accountId: string, cookId: string, cooks: CookStore): Promise<{ record: CookRecord; active?: ActiveCook }> {
  const record = await cooks.getRecord(accountId, cookId);
  if (!record) throw new NotFoundError(`No cook ${cookId}.`);
  if (record.status !== 'active') return { record };
  const active = await cooks.getActive(accountId, record.serial);
  return active && active.cookId === cookId ? { record, active } : { record };
}

export async function listCooks(accountId: string, query: ListCooksQuery, deps: Pick<CookDependencies, 'cooks' | 'clock'>): Promise<{ cooks: CookView[]; cursor?: string }> {
  assertNotTooFarAhead(deps.clock.now(), { from: query.from, to: query.to });
  const words = query.q?.toLowerCase().split(/\s+/).filter((w) => w.length > 0);
  const page = await deps.cooks.listRecords(
    accountId,
    {
      ...(query.status ? { status: query.status } : {}),
      ...(query.from ? { from: new Date(query.from).toISOString() } : {}),
      ...(query.to ? { to: new Date(query.to).toISOString() } : {}),
      ...(query.tag ? { tag: query.tag.toLowerCase() } : {}),
      ...(words && words.length > 0 ? { words } : {}),
      ...(query.minRating !== undefined ? { minRating: query.minRating } : {}),
    },
    query.limit,
    query.cursor ? decodeCookCursor(query.cursor) : undefined,
  );
  const active = page.records.some((r) => r.status === 'active') ? await deps.cooks.listActive(accountId) : [];
  const byId = new Map(active.map((a) => [a.cookId, a]));
  return { cooks: page.records.map((r) => cookView(r, byId.get(r.cookId))), ...(page.next ? { cursor: encodeCookCursor(page.next) } : {}) };
}

export async function getCook(accountId: string, cookId: string, deps: Pick<CookDependencies, 'cooks'>): Promise<CookDetail> {
  const { record, active } = await requireCook(accountId, cookId, deps.cooks);
  return cookDetail(record, active);
}

/** Pushes a `cook` message to the account's own pages (share links never get them). Never fails the request. */
export async function announceCook(accountId: string, change: CookMessage['change'], cook: CookView, deps: Pick<CookDependencies, 'live'>): Promise<void> {
  if (!deps.live) return;
  await pushToAccountPages(accountId, { type: 'cook', change, serial: cook.serial, cook }, deps.live);
}

function probeIssue(path: string, message: string): ValidationError {
  return new ValidationError('Request is invalid.', { details: { issues: [{ path, message }] } });
}

export async function patchCook(accountId: string, cookId: string, patch: PatchCookRequest, deps: CookDependencies): Promise<CookDetail> {
  let { record, active } = await requireCook(accountId, cookId, deps.cooks);
  const now = deps.clock.now().toISOString();
  // Refused before anything is written: a bad serve time leaves the rest of the patch unapplied too.
  const serveAt = patch.serveAt === undefined || patch.serveAt === null ? patch.serveAt : new Date(patch.serveAt).toISOString();
  if (serveAt !== undefined && (record.status !== 'active' || !active)) throw new ConflictError('The serve time can only change while the cook is running.');
  if (serveAt) assertServeAtAhead(serveAt, deps.clock.now());
  const probes: CookProbe[] | undefined = patch.probes && (active?.probes ?? record.probes).map((p) => ({ ...p }));
  if (patch.probes && probes) {
    patch.probes.forEach((change, i) => {
      const probe = probes.find((p) => p.channel === change.channel);
      if (!probe) throw probeIssue(`probes.${i}.channel`, `channel ${change.channel} is not a probe of this cook`);
      if (change.target !== undefined) {
        if (record.status !== 'active') throw new ConflictError('Targets can only change while the cook is running.');
        probe.targetF = targetFahrenheit(change.target, change.units ?? probe.units);
        probe.presetId = null;
      }
      if (change.units !== undefined) probe.units = change.units;
      if (change.label !== undefined) probe.label = change.label;
    });
    if (!(await deps.cooks.updateProbes(record, probes, now))) throw new ConflictError('The cook changed meanwhile (it ended): try again.');
  }
  if (patch.defaultAlerts) {
    const merged = { ...(active?.defaultAlerts ?? record.defaultAlerts ?? {}), ...patch.defaultAlerts };
    if (!(await deps.cooks.updateDefaultAlerts(record, merged, now))) throw new ConflictError('The cook changed meanwhile (it ended): try again.');
  }
  // A new serve time, or new targets for a cook that has one: checked at once from the cook's stored series (no new
  // readings) and the targets as patched, so the answer already says on track or late for what was just asked.
  const checkedServeAt = serveAt !== undefined ? serveAt : probes && active?.serveAt;
  if (checkedServeAt !== undefined && active) {
    const check = checkedServeAt === null ? undefined : updateCook({ ...active, ...(probes ? { probes } : {}), serveAt: checkedServeAt }, [], deps.clock.now()).cook.serveCheck;
    if (!(await deps.cooks.updateServeAt(record, checkedServeAt, check, now))) throw new ConflictError('The cook changed meanwhile (it ended): try again.');
  }
  const { probes: _probes, defaultAlerts: _defaultAlerts, serveAt: _serveAt, ...metadata } = patch;
  if (Object.keys(metadata).length > 0) {
    const change = { ...metadata, ...(metadata.tags ? { tags: [...new Set(metadata.tags.map((t) => t.toLowerCase()))] } : {}) };
    if (!(await deps.cooks.updateMetadata(accountId, cookId, change, now))) throw new NotFoundError(`No cook ${cookId}.`);
  }
  ({ record, active } = await requireCook(accountId, cookId, deps.cooks));
  const detail = cookDetail(record, active);
  await announceCook(accountId, 'updated', cookView(record, active), deps);
  return detail;
}

export async function addCookEvent(accountId: string, cookId: string, input: AddCookEventRequest, deps: CookDependencies): Promise<CookDetail> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const { record, active } = await requireCook(accountId, cookId, deps.cooks);
    const events = active?.events ?? record.events;
    if (events.length >= MAX_EVENTS_PER_COOK) throw new ConflictError(`A cook holds at most ${MAX_EVENTS_PER_COOK} events.`);
    const now = deps.clock.now();
    const event = newCookEvent(input, active?.probes ?? record.probes, record.startedAt, { ids: deps.ids, now });
    if (record.endedAt && event.at > record.endedAt) throw probeIssue('at', 'after the cook ended');
    // The cook may end between the read and the write: then the event goes on the (now final) record.
    if (!(await deps.cooks.putEvent(record, event, now.toISOString()))) continue;
    const after = await requireCook(accountId, cookId, deps.cooks);
    await announceCook(accountId, 'updated', cookView(after.record, after.active), deps);
    return cookDetail(after.record, after.active);
  }
  throw new ConflictError('The cook changed meanwhile: try again.');
}

export async function removeCookEvent(accountId: string, cookId: string, eventId: string, deps: CookDependencies): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const { record, active } = await requireCook(accountId, cookId, deps.cooks);
    const events = active?.events ?? record.events;
    if (!events.some((e) => e.eventId === eventId)) throw new NotFoundError(`No event ${eventId} on this cook.`);
    if (await deps.cooks.removeEvent(record, eventId, deps.clock.now().toISOString())) {
      const after = await requireCook(accountId, cookId, deps.cooks);
      await announceCook(accountId, 'updated', cookView(after.record, after.active), deps);
      return;
    }
  }
  throw new ConflictError('The cook changed meanwhile: try again.');
}

/** Each of the cook's channels over [from, to), from the device history. */
export async function cookReadings(record: Pick<CookRecord, 'accountId' | 'serial' | 'probes' | 'pitChannel'>, from: Date, to: Date, readings: ReadingStore): Promise<Map<string, Reading[]>> {
  const channels = cookChannels(record);
  const series = await Promise.all(channels.map((channel) => readings.query({ accountId: record.accountId, serial: record.serial, channel, from, to })));
  return new Map(channels.map((c, i) => [c, series[i]!]));
}

export async function endCook(accountId: string, cookId: string, deps: CookDependencies): Promise<CookDetail> {
  const { record, active } = await requireCook(accountId, cookId, deps.cooks);
  if (record.status === 'ended' || !active) throw new ConflictError('This cook has already ended.');
  const endedAt = deps.clock.now().toISOString();
  const readings = await cookReadings({ ...record, probes: active.probes, pitChannel: active.pitChannel }, new Date(record.startedAt), new Date(endedAt), deps.readings);
  const learning = personalLearning(deps);
  // The stats see the priors as they were before this cook: what it is about to teach must not feed on itself.
  const read = learning ? await readPersonalPriors(accountId, learning) : undefined;
  const stats = computeCookStats({ startedAt: record.startedAt, probes: active.probes, pitChannel: active.pitChannel, events: active.events }, endedAt, readings, read?.stored?.priors);
  const final: CookRecord = {
    ...record,
    status: 'ended',
    endedAt,
    probes: active.probes,
    pitChannel: active.pitChannel,
    events: active.events,
    predictions: active.predictions,
    alerts: active.alerts ?? [],
    stats,
    updatedAt: endedAt,
  };
  if (!(await deps.cooks.end(active, final))) throw new ConflictError('This cook has already ended.');
  if (learning) await learnFromEndedCook(final, active.series, readings, learning, read);
  await announceCook(accountId, 'ended', cookView(final), deps);
  return cookDetail(final);
}

export async function deleteCook(accountId: string, cookId: string, deps: CookDependencies): Promise<void> {
  const { record, active } = await requireCook(accountId, cookId, deps.cooks);
  await deps.cooks.delete(record);
  // What it taught goes with it: a botched cook deleted no longer skews the next one's predictions.
  const learning = personalLearning(deps);
  if (learning && record.status === 'ended') await forgetDeletedCook(accountId, cookId, learning);
  if (record.status === 'active') await announceCook(accountId, 'ended', cookView({ ...record, status: 'ended', endedAt: deps.clock.now().toISOString() }, active), deps);
}
