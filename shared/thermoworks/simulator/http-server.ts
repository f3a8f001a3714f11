/**
 * node:http plumbing: read the request, route it, apply the account's injected faults (latency, hang, 5xx,
 * 429, damaged answers), write Google-style JSON. Hung requests are remembered so stop() can end them.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AdminApi } from './admin-routes';
import { handleAdmin } from './admin-routes';
import { damage } from './faults';
import { matchRoute, type SimRequest } from './firebase-routes';
import { TOO_MANY_ATTEMPTS } from './identity';
import { authError, resourceExhausted, rpcError, unavailable, type SimResponse } from './google-errors';
import type { SimulatedService } from './scenario';
import type { SimulatorWorld } from './simulator-world';

export interface RequestRecord {
  /** Clock time (not simulated). */
  at: Date;
  method: string;
  /** Path without the query string (so no API key). */
  path: string;
  service: SimulatedService | 'admin' | 'unknown';
  account?: string;
  status: number | 'hung' | 'reset';
  fault?: string;
}

const MAX_BODY_BYTES = 1_000_000;
const MAX_LOG = 10_000;

/** Requests are appended to `log`, which the control surface reads. */
export function createSimulatorServer(world: SimulatorWorld, admin: AdminApi, now: () => Date, log: RequestRecord[]): Server {
  const record = (r: RequestRecord) => {
    log.push(r);
    if (log.length > MAX_LOG) log.splice(0, log.length - MAX_LOG);
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      send(res, rpcError(500, 'INTERNAL', 'Internal error encountered.'));
      console.error('[simulator] request failed:', error);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    let segments: string[];
    try {
      segments = url.pathname.split('/').filter((s) => s !== '').map(decodeURIComponent);
    } catch {
      send(res, rpcError(400, 'INVALID_ARGUMENT', 'Malformed URL.'));
      return;
    }
    const request: SimRequest = { method: req.method ?? 'GET', segments, query: url.searchParams, headers: req.headers, body };
    const base = { at: now(), method: request.method, path: url.pathname };

    if (segments[0] === '__admin') {
      const response = await handleAdmin(admin, request);
      record({ ...base, service: 'admin', status: response.status });
      send(res, response);
      return;
    }

    const route = matchRoute(world, request);
    if (!route) {
      record({ ...base, service: 'unknown', status: 404 });
      send(res, rpcError(404, 'NOT_FOUND', `Method not found: ${request.method} ${url.pathname}`));
      return;
    }
    const account = route.account();
    const decision = world.faults.decide(account?.email, route.service);
    const entry: RequestRecord = { ...base, service: route.service, account: account?.email, status: 0 };
    if (decision.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, decision.latencyMs));

    const action = decision.action;
    if (action.kind !== 'none') entry.fault = action.kind;
    if (action.kind === 'hang') {
      // Never answer; the client's timeout must fire. stop() closes the socket.
      record({ ...entry, status: 'hung' });
      return;
    }
    if (action.kind === 'reset') {
      record({ ...entry, status: 'reset' });
      req.socket.destroy();
      return;
    }
    let response: SimResponse;
    if (action.kind === 'error') response = unavailable(action.status);
    else if (action.kind === 'rate-limit') response = resourceExhausted(action.retryAfterSeconds);
    else if (action.kind === 'too-many-attempts') {
      response = authError(TOO_MANY_ATTEMPTS);
    } else {
      response = route.handle();
      if (action.kind === 'malformed' && response.status >= 200 && response.status < 300) {
        const damaged = damage(response.body, action.how);
        response = { ...response, text: damaged.text, contentType: damaged.contentType };
      }
    }
    record({ ...entry, status: response.status });
    send(res, response);
  }

  return server;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, response: SimResponse): void {
  if (res.headersSent || res.destroyed) return;
  // Google front ends pretty-print JSON with two spaces.
  const text = response.text ?? JSON.stringify(response.body, null, 2);
  res.writeHead(response.status, {
    'content-type': response.contentType ?? 'application/json; charset=UTF-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-cache, no-store, max-age=0, must-revalidate',
    ...response.headers,
  });
  res.end(text);
}
