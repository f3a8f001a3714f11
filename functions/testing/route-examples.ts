/**
 * A valid request for every route of the table, against a victim's data: the authorization matrix sends it with
 * the wrong credentials, and the fuzz suite breaks it in every way it knows. A route without an example fails both
 * suites, so each new route brings its example here.
 */
import type { RouteId } from '../../shared/api/route-table';

/** What the examples may refer to: the victim's own resources, created by the suite's setup. */
export interface ExampleContext {
  serial: string;
  channel: string;
  sessionId: string;
  /** One of the victim's API tokens (its id). */
  tokenId: string;
  email: string;
  now: Date;
  /** The victim's cook in progress (with `eventId` on its timeline and `shareId` shared), and an ended one. */
  cookId: string;
  endedCookId: string;
  eventId: string;
  shareId: string;
  /** The share link's token: a credential of its own kind, for one cook. */
  shareToken: string;
  /** The victim's alarm rule, one of its alarm events, and a notification channel (functions/testing/alarm-fixtures.ts). */
  alarmId: string;
  alarmEventId: string;
  channelId: string;
  /** A signed acknowledge link for `alarmEventId`: the credential of the public /alarm-links routes. */
  alarmLinkToken: string;
}

export interface RouteExample {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /**
   * True when the request names something of the victim's (a serial, a session, a cook): another user must get
   * 401/403/404. Otherwise another user gets their own data, which the matrix checks holds nothing of the victim's.
   */
  owned: boolean;
  /**
   * The route acts on the caller's own one-of-a-kind resource (their MQTT integration): another user acts on theirs,
   * which may not exist (404), and must see nothing of the victim's either way.
   */
  ownSingleton?: true;
  /** What another user gets when it is not 401/403/404 (deleting an account checks the caller's own email: 400). */
  otherUserStatus?: readonly number[];
}

/** A broker address where nothing listens (the discard port): connecting is refused at once. */
export const UNREACHABLE_BROKER = 'mqtt://127.0.0.1:9';

const hoursAgo = (now: Date, h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();

export const routeExamples: Record<RouteId, (ctx: ExampleContext) => RouteExample> = {
  login: (ctx) => ({ body: { email: ctx.email, password: 'pitwatch' }, owned: false }),
  logout: () => ({ owned: false }),
  listSessions: () => ({ owned: false }),
  revokeOtherSessions: () => ({ owned: false }),
  revokeSession: (ctx) => ({ params: { sessionId: ctx.sessionId }, owned: true }),
  createApiToken: () => ({ body: { name: 'matrix tool', scopes: ['read'] }, owned: false }),
  listApiTokens: () => ({ owned: false }),
  revokeApiToken: (ctx) => ({ params: { tokenId: ctx.tokenId }, owned: true }),
  getSettings: () => ({ owned: false }),
  updateSettings: () => ({ body: { units: 'C' }, owned: false }),
  getAccount: () => ({ owned: false }),
  listDevices: () => ({ owned: false }),
  deviceHistory: (ctx) => ({
    params: { serial: ctx.serial },
    query: { channel: ctx.channel, from: hoursAgo(ctx.now, 1), to: ctx.now.toISOString(), maxPoints: '100' },
    owned: true,
  }),
  exportAccount: () => ({ owned: false }),
  deleteAccount: (ctx) => ({ body: { confirm: ctx.email }, owned: true, otherUserStatus: [400] }),
  startCook: (ctx) => ({ body: { serial: ctx.serial, probes: [{ channel: '2', presetId: 'brisket' }] }, owned: true }),
  listCooks: () => ({ query: { status: 'active', minRating: '1', limit: '10' }, owned: false }),
  compareCooks: (ctx) => ({ query: { ids: `${ctx.cookId},${ctx.endedCookId}` }, owned: true }),
  planCook: (ctx) => ({ body: { presetId: 'brisket', weightKg: 6, pitTemp: 250, serveAt: new Date(ctx.now.getTime() + 20 * 3_600_000).toISOString(), timeZone: 'America/Chicago' }, owned: false }),
  getCook: (ctx) => ({ params: { cookId: ctx.cookId }, owned: true }),
  patchCook: (ctx) => ({ params: { cookId: ctx.cookId }, body: { notes: 'written by the matrix' }, owned: true }),
  deleteCook: (ctx) => ({ params: { cookId: ctx.endedCookId }, owned: true }),
  endCook: (ctx) => ({ params: { cookId: ctx.cookId }, owned: true }),
  addCookEvent: (ctx) => ({ params: { cookId: ctx.cookId }, body: { kind: 'note', text: 'written by the matrix' }, owned: true }),
  removeCookEvent: (ctx) => ({ params: { cookId: ctx.cookId, eventId: ctx.eventId }, owned: true }),
  cookReadings: (ctx) => ({ params: { cookId: ctx.cookId }, query: { maxPoints: '100' }, owned: true }),
  exportCook: (ctx) => ({ params: { cookId: ctx.cookId }, query: { format: 'csv' }, owned: true }),
  createShare: (ctx) => ({ params: { cookId: ctx.cookId }, body: { expiresInHours: 1 }, owned: true }),
  listShares: (ctx) => ({ params: { cookId: ctx.cookId }, owned: true }),
  revokeShare: (ctx) => ({ params: { cookId: ctx.cookId, shareId: ctx.shareId }, owned: true }),
  getSharedCook: (ctx) => ({ params: { token: ctx.shareToken }, query: { maxPoints: '100' }, owned: false }),
  putMqttIntegration: () => ({ body: { url: UNREACHABLE_BROKER, username: 'pitwatch', password: 'broker-secret' }, owned: false, ownSingleton: true }),
  getMqttIntegration: () => ({ owned: false, ownSingleton: true }),
  removeMqttIntegration: () => ({ owned: false, ownSingleton: true }),
  testMqttIntegration: () => ({ owned: false, ownSingleton: true }),
  createAlarm: (ctx) => ({ body: { serial: ctx.serial, channel: ctx.channel, kind: 'above', threshold: 203, units: 'F', notify: [ctx.channelId] }, owned: true }),
  listAlarms: (ctx) => ({ query: { serial: ctx.serial }, owned: false }),
  updateAlarm: (ctx) => ({ params: { alarmId: ctx.alarmId }, body: { threshold: 205, snoozeMinutes: 10 }, owned: true }),
  deleteAlarm: (ctx) => ({ params: { alarmId: ctx.alarmId }, owned: true }),
  listAlarmEvents: (ctx) => ({ query: { from: hoursAgo(ctx.now, 24), to: ctx.now.toISOString(), limit: '20' }, owned: false }),
  acknowledgeAlarmEvent: (ctx) => ({ params: { eventId: ctx.alarmEventId }, owned: true }),
  createNotificationChannel: () => ({ body: { type: 'webhook', url: 'https://hooks.example.com/pitwatch', name: 'matrix hook' }, owned: false }),
  listNotificationChannels: () => ({ owned: false }),
  updateNotificationChannel: (ctx) => ({ params: { channelId: ctx.channelId }, body: { name: 'renamed', quietHours: { start: '22:00', end: '07:00', timeZone: 'America/Chicago' } }, owned: true }),
  deleteNotificationChannel: (ctx) => ({ params: { channelId: ctx.channelId }, owned: true }),
  testNotificationChannel: (ctx) => ({ params: { channelId: ctx.channelId }, owned: true }),
  previewAlarmLink: (ctx) => ({ query: { token: ctx.alarmLinkToken }, owned: false }),
  followAlarmLink: (ctx) => ({ body: { token: ctx.alarmLinkToken }, owned: false }),
  metrics: () => ({ owned: false }),
  openApi: () => ({ owned: false }),
};

/** For a caller whose examples aim at no cook. */
export const NO_COOKS: Pick<ExampleContext, 'cookId' | 'endedCookId' | 'eventId' | 'shareId' | 'shareToken'> = { cookId: '', endedCookId: '', eventId: '', shareId: '', shareToken: '' };

/**
 * The victim's cook records for the examples to aim at, made through the API as a user would: a cook started and
 * ended, then a cook in progress with a note on its timeline and a share link.
 */
export async function createVictimCooks(api: string, token: string, serial: string): Promise<Pick<ExampleContext, 'cookId' | 'endedCookId' | 'eventId' | 'shareId' | 'shareToken'>> {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${api}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const start = () => call<{ cookId: string }>('POST', '/cooks', { serial, probes: [{ channel: '2', presetId: 'brisket' }] });
  // One active cook per device: a cook an earlier caller left running is ended first.
  const running = await call<{ cooks: Array<{ cookId: string; serial: string }> }>('GET', '/cooks?status=active&limit=100');
  for (const cook of running.cooks.filter((c) => c.serial === serial)) await call('POST', `/cooks/${cook.cookId}/end`);
  const ended = await start();
  await call('POST', `/cooks/${ended.cookId}/end`);
  const active = await start();
  const detail = await call<{ events: Array<{ eventId: string; text?: string }> }>('POST', `/cooks/${active.cookId}/events`, { kind: 'note', text: 'victim note' });
  const event = detail.events.find((e) => e.text === 'victim note')!;
  const share = await call<{ shareId: string; url: string }>('POST', `/cooks/${active.cookId}/shares`, { expiresInHours: 24 });
  return { cookId: active.cookId, endedCookId: ended.cookId, eventId: event.eventId, shareId: share.shareId, shareToken: share.url.split('/share/')[1]! };
}

/** The URL path of a route with its parameters filled in (each percent-encoded, as a browser would). */
export function pathOf(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no example value for {${name}} in ${template}`);
    return encodeURIComponent(value);
  });
}
