/**
 * Every alarm delivered exactly once per channel: the events the API lists for the account against the webhook
 * receipts the receiver accepted, per alarm event id, after retries. A receipt for an event the API does not list
 * counts against it too.
 */
import type { PitwatchApi } from './pitwatch-api';
import type { WebhookReceiver } from './webhook-receiver';

export interface AlarmReport {
  events: number;
  /** Events whose webhook delivery took more than one attempt. */
  retried: number;
  deliveredOnce: number;
  neverDelivered: string[];
  deliveredTwice: string[];
  unknownReceipts: number;
  exactlyOnce: boolean;
}

export interface EventView {
  eventId: string;
  resolvedAt: string | null;
  deliveries: Array<{ channelId: string; status: string; attempts: number }>;
}

/** The account's alarm events, oldest first, through GET /alarm-events. */
export async function listAlarmEvents(api: PitwatchApi, token: string): Promise<EventView[]> {
  const events: EventView[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.call<{ events: EventView[]; cursor?: string }>(token, 'GET', `/alarm-events?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    events.push(...page.events);
    cursor = page.cursor;
  } while (cursor);
  return events;
}

export async function checkAlarms(api: PitwatchApi, token: string, receiver: WebhookReceiver, channelId: string): Promise<AlarmReport> {
  const events = await listAlarmEvents(api, token);
  const known = new Set(events.map((e) => e.eventId));
  const report: AlarmReport = { events: events.length, retried: 0, deliveredOnce: 0, neverDelivered: [], deliveredTwice: [], unknownReceipts: 0, exactlyOnce: false };
  for (const e of events) {
    const n = receiver.accepted.get(e.eventId) ?? 0;
    const retried = e.deliveries.find((d) => d.channelId === channelId)?.attempts ?? 0;
    if (retried > 1) report.retried++;
    if (n === 1) report.deliveredOnce++;
    else if (n === 0) report.neverDelivered.push(e.eventId);
    else report.deliveredTwice.push(e.eventId);
  }
  for (const [eventId, n] of receiver.accepted) if (!known.has(eventId)) report.unknownReceipts += n;
  // No event at all proves nothing: the check fails rather than pass vacuously.
  report.exactlyOnce = events.length > 0 && report.deliveredOnce === events.length && report.unknownReceipts === 0;
  return report;
}
