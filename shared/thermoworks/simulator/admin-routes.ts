/**
 * `/__admin/...`: the control surface over HTTP, for driving a running simulator from a shell or another
 * process. Unauthenticated on purpose — the simulator listens on 127.0.0.1 by default and is a test tool.
 *
 *   GET    /__admin/state
 *   GET    /__admin/requests                      DELETE /__admin/requests
 *   GET    /__admin/faults/{email|*}              PUT (replace) / PATCH (merge) with a fault config, DELETE
 *   DELETE /__admin/faults                        clear every fault
 *   POST   /__admin/accounts/{email}/{expire-id-tokens|revoke-refresh-tokens|disable|enable|delete|restore}
 *   POST   /__admin/devices/{serial}/{offline|online}
 *   POST   /__admin/devices/{serial}/channels/{n}/{unplug|plug}
 *   GET    /__admin/ground-truth/{serial}/{channel}?from=ISO&to=ISO   (default: the last simulated hour)
 */
import type { SimRequest } from './firebase-routes';
import type { SimResponse } from './google-errors';
import { faultConfigSchema } from './scenario';
import type { SimulatorControl } from './simulator-control';

export type AdminApi = SimulatorControl;

const done = (body: unknown = { ok: true }): SimResponse => ({ status: 200, body });
const problem = (status: number, message: string): SimResponse => ({ status, body: { error: { code: status, message } } });

export async function handleAdmin(control: AdminApi, req: SimRequest): Promise<SimResponse> {
  try {
    return route(control, req);
  } catch (error) {
    return problem(400, error instanceof Error ? error.message : String(error));
  }
}

function route(control: AdminApi, req: SimRequest): SimResponse {
  const [, area, a, b, c, d] = req.segments;
  const m = req.method;
  if (area === 'state' && m === 'GET') return done({ now: control.now().toISOString(), accounts: control.accounts() });
  if (area === 'requests') {
    if (m === 'DELETE') {
      control.clearRequests();
      return done();
    }
    return done(control.requests());
  }
  if (area === 'faults') {
    if (a === undefined && m === 'DELETE') {
      control.clearFaults();
      return done();
    }
    if (a === undefined) return problem(404, 'faults/{email|*}');
    if (m === 'GET') return done(control.faults(a));
    if (m === 'DELETE') {
      control.clearFaults(a);
      return done();
    }
    const parsed = faultConfigSchema.safeParse(parseJson(req.body));
    if (!parsed.success) return problem(400, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    if (m === 'PUT') control.setFaults(a, parsed.data);
    else if (m === 'PATCH' || m === 'POST') control.addFaults(a, parsed.data);
    else return problem(405, m);
    return done(control.faults(a));
  }
  if (area === 'accounts' && a && m === 'POST') {
    const actions: Record<string, () => void> = {
      'expire-id-tokens': () => control.expireIdTokens(a),
      'revoke-refresh-tokens': () => control.revokeRefreshTokens(a),
      disable: () => control.setUserDisabled(a, true),
      enable: () => control.setUserDisabled(a, false),
      delete: () => control.setUserDeleted(a, true),
      restore: () => control.setUserDeleted(a, false),
    };
    const action = b === undefined ? undefined : actions[b];
    if (!action) return problem(404, `unknown account action ${b}`);
    action();
    return done();
  }
  if (area === 'devices' && a && m === 'POST') {
    if (b === 'offline' || b === 'online') {
      control.setDeviceOnline(a, b === 'online');
      return done();
    }
    if (b === 'channels' && c && (d === 'unplug' || d === 'plug')) {
      control.setProbeConnected(a, c, d === 'plug');
      return done();
    }
    return problem(404, 'devices/{serial}/(offline|online|channels/{n}/(unplug|plug))');
  }
  if (area === 'ground-truth' && a && b && m === 'GET') {
    const to = req.query.get('to') ? new Date(req.query.get('to') as string) : control.now();
    const from = req.query.get('from') ? new Date(req.query.get('from') as string) : new Date(to.getTime() - 3_600_000);
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return problem(400, 'from/to must be ISO dates');
    return done(control.groundTruth(a, b, from, to));
  }
  return problem(404, `unknown admin endpoint ${m} /${req.segments.join('/')}`);
}

function parseJson(text: string): unknown {
  try {
    return text.trim() === '' ? {} : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}
