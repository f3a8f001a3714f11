import { defaultAlertsOf } from './update-cook';
import type { CookDetail, CookEvent } from '../api/cook-schemas';
import type { CookView } from '../api/schemas';
import type { ActiveCook, CookRecord } from './cook-record';

/** A cook as lists and messages show it: the record, with the live predictions and alerts while it runs. */
export function cookView(record: CookRecord, active?: ActiveCook): CookView {
  const live = record.status === 'active' ? active : undefined;
  return {
    cookId: record.cookId,
    serial: record.serial,
    status: record.status,
    name: record.name,
    tags: record.tags,
    rating: record.rating,
    startedAt: record.startedAt,
    endedAt: record.endedAt,
    pitChannel: record.pitChannel,
    probes: live?.probes ?? record.probes,
    predictions: live?.predictions ?? record.predictions,
    alerts: live?.alerts ?? record.alerts,
    defaultAlerts: defaultAlertsOf(live?.defaultAlerts ?? record.defaultAlerts),
    ...serveTimeOf(record, live),
  };
}

/** The serve time (the live item's while active), and its latest check while active. */
function serveTimeOf(record: CookRecord, live: ActiveCook | undefined): Pick<CookView, 'serveAt' | 'serveCheck'> {
  const serveAt = live ? live.serveAt : record.serveAt;
  if (!serveAt) return {};
  return { serveAt, ...(live?.serveCheck ? { serveCheck: live.serveCheck } : {}) };
}

/** What the integrations (metrics, MQTT, MCP) read of a cook in progress: its live item alone, no record needed. */
export type LiveCookView = Pick<CookView, 'serial' | 'startedAt' | 'pitChannel' | 'probes' | 'predictions' | 'alerts'>;

export function liveCookView(active: ActiveCook): LiveCookView {
  return { serial: active.serial, startedAt: active.startedAt, pitChannel: active.pitChannel, probes: active.probes, predictions: active.predictions, alerts: active.alerts ?? [] };
}

export function cookDetail(record: CookRecord, active?: ActiveCook): CookDetail {
  const events: CookEvent[] = record.status === 'active' && active ? active.events : record.events;
  return { ...cookView(record, active), notes: record.notes, events, stats: record.stats };
}
