/**
 * What the service worker does with an alarm's Web Push (payload written by shared/notify/web-push-notifier.ts):
 * the notification it shows, with "Acknowledge" and "Snooze 10 min" buttons when the payload carries their signed
 * tokens, and what a click on it does. Pure (no worker globals), so it is unit-tested; sw.ts wires it to the events.
 */

export interface AlarmPushPayload {
  title: string;
  body: string;
  urgent: boolean;
  tag: string;
  url: string | null;
  eventId: string | null;
  /** POST {token} here (the API's /alarm-links) to act without signing in. */
  linkUrl: string | null;
  ackToken: string | null;
  snoozeToken: string | null;
}

const text = (value: unknown, fallback: string | null): string | null => (typeof value === 'string' && value !== '' ? value : fallback);

/** The push's JSON, or a plain notice when it is not ours (a push must always show something). */
export function readPushPayload(data: unknown): AlarmPushPayload {
  const o = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  return {
    title: text(o.title, 'Pitwatch alarm')!,
    body: text(o.body, 'Open Pitwatch to see what rang.')!,
    urgent: o.urgent === true,
    tag: text(o.tag, 'pitwatch-alarm')!,
    url: text(o.url, null),
    eventId: text(o.eventId, null),
    linkUrl: text(o.linkUrl, null),
    ackToken: text(o.ackToken, null),
    snoozeToken: text(o.snoozeToken, null),
  };
}

export const ACK_ACTION = 'ack';
export const SNOOZE_ACTION = 'snooze';

/** Notification options as a plain object (the worker passes it to showNotification). */
export function alarmNotification(payload: AlarmPushPayload): { title: string; options: NotificationOptions & { actions?: Array<{ action: string; title: string }>; renotify?: boolean } } {
  const actions: Array<{ action: string; title: string }> = [];
  if (payload.linkUrl !== null && payload.ackToken !== null) actions.push({ action: ACK_ACTION, title: 'Acknowledge' });
  if (payload.linkUrl !== null && payload.snoozeToken !== null) actions.push({ action: SNOOZE_ACTION, title: 'Snooze 10 min' });
  return {
    title: payload.title,
    options: {
      body: payload.body,
      tag: payload.tag,
      // A repeat (escalation) of the same event replaces the notification and rings again.
      renotify: true,
      requireInteraction: payload.urgent,
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-192.png',
      data: payload,
      actions,
    },
  };
}

export type ClickOutcome = { kind: 'link'; url: string; token: string } | { kind: 'open'; path: string };

/** A button posts its signed token; the body (or a button without a token) opens the alarm history. */
export function clickOutcome(action: string, data: unknown): ClickOutcome {
  const payload = readPushPayload(data);
  const token = action === ACK_ACTION ? payload.ackToken : action === SNOOZE_ACTION ? payload.snoozeToken : null;
  if (token !== null && payload.linkUrl !== null) return { kind: 'link', url: payload.linkUrl, token };
  return { kind: 'open', path: '/alarm-events' };
}
