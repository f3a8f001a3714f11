/**
 * The alarm routes of the Pitwatch API, for the web app: rules (/alarms), their history (/alarm-events) and the
 * notification channels. Same contract as ../api/client.ts (errors from ../api/errors, every body read before it is
 * trusted), with hand-written readers instead of zod so the browser never carries it.
 */
import type { input } from 'zod';
import type {
  AlarmEventView,
  AlarmView,
  ChannelView,
  createAlarmRequestSchema,
  createChannelRequestSchema,
  UpdateAlarmRequest,
  updateChannelRequestSchema,
} from '../../../shared/api/alarm-schemas';
import type { WebConfig } from '../../../shared/api/schemas';
import { ApiError, ContractError, SessionExpiredError } from '../api/errors';
import { screenTransport, type FetchLike } from '../api/client';
import { isObject, readAlarm, readAlarmEvent, readChannel, readList } from './alarmReaders';

/** The POST /alarms body as sent (units, notify, urgent… may be left to their defaults). */
export type CreateAlarmBody = input<typeof createAlarmRequestSchema>;
export type CreateChannelBody = input<typeof createChannelRequestSchema>;
export type UpdateChannelBody = input<typeof updateChannelRequestSchema>;
export type CreatedChannel = ChannelView & { secret?: string };

export interface ChannelList {
  channels: ChannelView[];
  /** The VAPID public key browsers subscribe with. */
  vapidPublicKey: string;
  email: { available: boolean };
  sms: { available: boolean; perHour: number };
}

export interface AlarmEventPage {
  events: AlarmEventView[];
  cursor?: string;
}

export interface AlarmEventsQuery {
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

export interface AlarmApi {
  listAlarms(token: string): Promise<AlarmView[]>;
  createAlarm(token: string, body: CreateAlarmBody): Promise<AlarmView>;
  updateAlarm(token: string, alarmId: string, patch: UpdateAlarmRequest): Promise<AlarmView>;
  deleteAlarm(token: string, alarmId: string): Promise<void>;
  listAlarmEvents(token: string, query?: AlarmEventsQuery): Promise<AlarmEventPage>;
  acknowledgeAlarmEvent(token: string, eventId: string): Promise<AlarmEventView>;
  listChannels(token: string): Promise<ChannelList>;
  createChannel(token: string, body: CreateChannelBody): Promise<CreatedChannel>;
  updateChannel(token: string, channelId: string, patch: UpdateChannelBody): Promise<ChannelView>;
  deleteChannel(token: string, channelId: string): Promise<void>;
  testChannel(token: string, channelId: string): Promise<void>;
}

/** GET /alarm-links?token=: what a signed link (from an email or a webhook) would do, changing nothing. */
export interface AlarmLinkPreview {
  act: 'ack' | 'snooze' | 'verify';
  message: string;
  /** Done already: following it again changes nothing. */
  done: boolean;
}

/** The signed links need no session: the token is the credential. */
export interface AlarmLinkApi {
  previewLink(token: string): Promise<AlarmLinkPreview>;
  followLink(token: string): Promise<{ message: string }>;
}

export function createAlarmLinkApi(config: Pick<WebConfig, 'apiUrl'>, options: { fetch?: FetchLike } = {}): AlarmLinkApi {
  const fetchFn = options.fetch ?? screenTransport.browserFetch;
  const base = config.apiUrl.replace(/\/+$/, '');
  const send = async <T>(url: string, init: RequestInit, read: (body: unknown) => T | null): Promise<T> => {
    const response = await screenTransport.send(fetchFn, url, init, screenTransport.defaultTimeoutMs);
    // A link's 401/403 is a bad link, not a dead session.
    if (!response.ok) {
      const error = await screenTransport.errorFrom(response);
      throw error instanceof SessionExpiredError ? new ApiError(403, 'LINK_INVALID', 'This link is not valid.') : error;
    }
    const value = read(await response.json().catch(() => undefined));
    if (value === null) throw new ContractError('link answer');
    return value;
  };
  return {
    previewLink: (token) =>
      send(`${base}/alarm-links?token=${encodeURIComponent(token)}`, {}, (b) =>
        isObject(b) && (b.act === 'ack' || b.act === 'snooze' || b.act === 'verify') && typeof b.message === 'string' && typeof b.done === 'boolean' ? { act: b.act, message: b.message, done: b.done } : null,
      ),
    followLink: (token) =>
      send(`${base}/alarm-links`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) }, (b) =>
        isObject(b) && typeof b.message === 'string' ? { message: b.message } : null,
      ),
  };
}

export function createAlarmApi(config: Pick<WebConfig, 'apiUrl'>, options: { fetch?: FetchLike } = {}): AlarmApi {
  const fetchFn = options.fetch ?? screenTransport.browserFetch;
  const base = config.apiUrl.replace(/\/+$/, '');
  const id = encodeURIComponent;

  async function call<T>(token: string, method: string, path: string, what: string, read: (body: unknown) => T | null, body?: unknown): Promise<T> {
    const init: RequestInit = body === undefined ? { method, headers: screenTransport.bearer(token) } : { method, headers: screenTransport.json(token), body: JSON.stringify(body) };
    const response = await screenTransport.send(fetchFn, `${base}${path}`, init, screenTransport.defaultTimeoutMs);
    if (!response.ok) throw await screenTransport.errorFrom(response);
    let json: unknown;
    try {
      json = await response.json();
    } catch (cause) {
      throw new ContractError(what, { cause });
    }
    const value = read(json);
    if (value === null) throw new ContractError(what);
    return value;
  }

  const field = <T>(name: string, read: (v: unknown) => T | null) => (body: unknown) => (isObject(body) ? read(body[name]) : null);
  const done = (name: string) => (body: unknown) => (isObject(body) && body[name] === true ? undefined : null);

  return {
    listAlarms: (token) => call(token, 'GET', '/alarms', 'alarm list', field('alarms', (v) => readList(v, readAlarm))),
    createAlarm: (token, body) => call(token, 'POST', '/alarms', 'alarm', readAlarm, body),
    updateAlarm: (token, alarmId, patch) => call(token, 'PATCH', `/alarms/${id(alarmId)}`, 'alarm', readAlarm, patch),
    deleteAlarm: (token, alarmId) => call(token, 'DELETE', `/alarms/${id(alarmId)}`, 'deletion', done('deleted')),
    listAlarmEvents: (token, query = {}) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
      const search = params.size > 0 ? `?${params.toString()}` : '';
      return call(token, 'GET', `/alarm-events${search}`, 'alarm history', (body) => {
        if (!isObject(body)) return null;
        const events = readList(body.events, readAlarmEvent);
        if (events === null || (body.cursor !== undefined && typeof body.cursor !== 'string')) return null;
        return typeof body.cursor === 'string' ? { events, cursor: body.cursor } : { events };
      });
    },
    acknowledgeAlarmEvent: (token, eventId) => call(token, 'POST', `/alarm-events/${id(eventId)}/ack`, 'alarm event', readAlarmEvent),
    listChannels: (token) =>
      call(token, 'GET', '/notification-channels', 'notification channels', (body) => {
        if (!isObject(body) || typeof body.vapidPublicKey !== 'string' || !isObject(body.email) || !isObject(body.sms)) return null;
        const channels = readList(body.channels, readChannel);
        if (channels === null) return null;
        return {
          channels,
          vapidPublicKey: body.vapidPublicKey,
          email: { available: body.email.available === true },
          sms: { available: body.sms.available === true, perHour: typeof body.sms.perHour === 'number' ? body.sms.perHour : 0 },
        };
      }),
    createChannel: (token, body) => call(token, 'POST', '/notification-channels', 'notification channel', readChannel, body),
    updateChannel: (token, channelId, patch) => call(token, 'PATCH', `/notification-channels/${id(channelId)}`, 'notification channel', readChannel, patch),
    deleteChannel: (token, channelId) => call(token, 'DELETE', `/notification-channels/${id(channelId)}`, 'deletion', done('deleted')),
    testChannel: (token, channelId) => call(token, 'POST', `/notification-channels/${id(channelId)}/test`, 'test', done('queued')),
  };
}

/** The server's per-field messages of a 400 (`details.issues[{path, message}]`), by top-level field. */
export function fieldIssues(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.details === undefined) return {};
  const issues = error.details.issues;
  if (!Array.isArray(issues)) return {};
  const byField: Record<string, string> = {};
  for (const issue of issues) {
    if (!isObject(issue) || typeof issue.path !== 'string' || typeof issue.message !== 'string') continue;
    const name = issue.path.split('.')[0] ?? '';
    byField[name] ??= issue.message;
  }
  return byField;
}
