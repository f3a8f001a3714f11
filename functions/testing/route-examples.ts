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
  /** The victim's alarm rule, one of its events, and a notification channel (functions/testing/alarm-fixtures.ts). */
  alarmId: string;
  eventId: string;
  channelId: string;
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
  getAccount: () => ({ owned: false }),
  listDevices: () => ({ owned: false }),
  deviceHistory: (ctx) => ({
    params: { serial: ctx.serial },
    query: { channel: ctx.channel, from: hoursAgo(ctx.now, 1), to: ctx.now.toISOString(), maxPoints: '100' },
    owned: true,
  }),
  startCook: (ctx) => ({ body: { serial: ctx.serial, probes: [{ channel: '2', presetId: 'brisket' }] }, owned: true }),
  listCooks: () => ({ owned: false }),
  endCook: (ctx) => ({ params: { serial: ctx.serial }, owned: true }),
  putMqttIntegration: () => ({ body: { url: UNREACHABLE_BROKER, username: 'pitwatch', password: 'broker-secret' }, owned: false, ownSingleton: true }),
  getMqttIntegration: () => ({ owned: false, ownSingleton: true }),
  removeMqttIntegration: () => ({ owned: false, ownSingleton: true }),
  testMqttIntegration: () => ({ owned: false, ownSingleton: true }),
  createAlarm: (ctx) => ({ body: { serial: ctx.serial, channel: ctx.channel, kind: 'above', threshold: 203, units: 'F', notify: [ctx.channelId] }, owned: true }),
  listAlarms: (ctx) => ({ query: { serial: ctx.serial }, owned: false }),
  updateAlarm: (ctx) => ({ params: { alarmId: ctx.alarmId }, body: { threshold: 205, snoozeMinutes: 10 }, owned: true }),
  deleteAlarm: (ctx) => ({ params: { alarmId: ctx.alarmId }, owned: true }),
  listAlarmEvents: (ctx) => ({ query: { from: hoursAgo(ctx.now, 24), to: ctx.now.toISOString(), limit: '20' }, owned: false }),
  acknowledgeAlarmEvent: (ctx) => ({ params: { eventId: ctx.eventId }, owned: true }),
  createNotificationChannel: () => ({ body: { type: 'webhook', url: 'https://hooks.example.com/pitwatch', name: 'matrix hook' }, owned: false }),
  listNotificationChannels: () => ({ owned: false }),
  updateNotificationChannel: (ctx) => ({ params: { channelId: ctx.channelId }, body: { name: 'renamed', quietHours: { start: '22:00', end: '07:00', timeZone: 'America/Chicago' } }, owned: true }),
  deleteNotificationChannel: (ctx) => ({ params: { channelId: ctx.channelId }, owned: true }),
  testNotificationChannel: (ctx) => ({ params: { channelId: ctx.channelId }, owned: true }),
  metrics: () => ({ owned: false }),
  openApi: () => ({ owned: false }),
};

/** The URL path of a route with its parameters filled in (each percent-encoded, as a browser would). */
export function pathOf(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no example value for {${name}} in ${template}`);
    return encodeURIComponent(value);
  });
}
