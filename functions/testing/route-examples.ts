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
}

const hoursAgo = (now: Date, h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();

export const routeExamples: Record<RouteId, (ctx: ExampleContext) => RouteExample> = {
  login: (ctx) => ({ body: { email: ctx.email, password: 'pitwatch' }, owned: false }),
  logout: () => ({ owned: false }),
  listSessions: () => ({ owned: false }),
  revokeOtherSessions: () => ({ owned: false }),
  revokeSession: (ctx) => ({ params: { sessionId: ctx.sessionId }, owned: true }),
  getSettings: () => ({ owned: false }),
  updateSettings: () => ({ body: { units: 'C' }, owned: false }),
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
};

/** The URL path of a route with its parameters filled in (each percent-encoded, as a browser would). */
export function pathOf(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no example value for {${name}} in ${template}`);
    return encodeURIComponent(value);
  });
}
