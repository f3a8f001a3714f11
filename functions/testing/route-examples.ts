/**
 * A valid request for every route of the table, against a victim's data: the authorization matrix sends it with
 * the wrong credentials, and the fuzz suite breaks it in every way it knows. A route without an example fails both
 * suites, so each new route brings its example here.
 */
import type { RouteId } from '../../shared/api/routes';

/** What the examples may refer to: the victim's own resources, created by the suite's setup. */
export interface ExampleContext {
  serial: string;
  channel: string;
  sessionId: string;
  /** One of the victim's API tokens (its id). */
  tokenId: string;
  email: string;
  now: Date;
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
