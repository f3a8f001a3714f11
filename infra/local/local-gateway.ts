/**
 * The local stand-in for API Gateway and CloudFront, on one origin:
 * - `/api/*`: HTTP API — requests become payload-2.0 events for the same Lambda handlers;
 * - `/ws`: WebSocket API — `$connect` / `$default` / `$disconnect` events with `requestContext.connectionId`, and the
 *   `ping` route answered by the gateway itself, as its mock integration is in AWS (shared/live/heartbeat-route.ts);
 * - `/@connections/{id}`: the management API (POST to send, DELETE to close, GET to describe), so the handlers'
 *   `@aws-sdk/client-apigatewaymanagementapi` code runs unchanged with only its endpoint overridden;
 * - `/config.json` and the built web app (the S3 + CloudFront part).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import type { Socket } from 'node:net';
import type { Context } from 'aws-lambda';
import { WebSocket, WebSocketServer } from 'ws';
import type { WebConfig } from '../../shared/api/schemas';
import type { ScaledClockSettings } from '../../shared/clock';
import { errorResponse } from '../../shared/http/responses';
import { NotFoundError, PayloadTooLargeError, UpstreamUnavailableError } from '../../shared/errors';
import { decodeSegment, matchRoute } from '../../shared/api/match-route';
import { PING_ROUTE_KEY, PONG_FRAME, selectRoute } from '../../shared/live/heartbeat-route';
import { headersOf, httpApiEvent, queryOf } from './http-api-event';
import { lambdaContext } from './lambda-context';

/** API Gateway's own limits, kept so nothing works locally that would fail in AWS. */
const MAX_HTTP_BODY_BYTES = 10 * 1024 * 1024;
const MAX_WS_MESSAGE_BYTES = 128 * 1024;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- handlers are middy-wrapped with varied event types
export type LambdaHandler = (event: any, context: Context) => Promise<unknown>;

export interface GatewayHandlers {
  httpRoutes: Record<string, LambdaHandler>;
  webSocket: { connect: LambdaHandler; disconnect: LambdaHandler; message: LambdaHandler };
  /** AWS JSON-protocol services emulated on the same origin (the poll queue), keyed by x-amz-target prefix. */
  awsJson?: Record<string, (target: string, body: string) => { statusCode: number; body: string }>;
  /** Local-only pages (`/dev/mail`, `/dev/sms`): what the stack's stand-ins for SES and SNS were given. */
  devPages?: Record<string, () => { contentType: string; body: string }>;
}

export interface LocalGatewayOptions {
  port: number;
  host?: string;
  webDist: string;
  /** The simulated clock the web app must follow (served in /config.json). */
  clock?: ScaledClockSettings;
  log?: (message: string) => void;
}

interface Result {
  statusCode?: number;
  headers?: Record<string, string | number | boolean>;
  body?: string;
  isBase64Encoded?: boolean;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Reads a request body up to `limit` bytes. Past it, API Gateway answers 413 itself: so do we, before the rest
 * arrives (an early answer, then the connection closes), rather than resetting the connection.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new PayloadTooLargeError(`The request body is larger than ${limit} bytes.`, { details: { limitBytes: limit } }));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        reject(new PayloadTooLargeError(`The request body is larger than ${limit} bytes.`, { details: { limitBytes: limit } }));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, result: Result): void {
  const body = result.body === undefined ? '' : result.body;
  res.writeHead(result.statusCode ?? 200, Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)])));
  res.end(result.isBase64Encoded ? Buffer.from(body, 'base64') : body);
}

function connectionIdFor(): string {
  // API Gateway connection ids are 12-character base64-ish strings ending in '='.
  return `${randomBytes(8).toString('base64').replace(/[+/]/g, 'A').slice(0, 11)}=`;
}

export class LocalGateway {
  private readonly server: Server;
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_WS_MESSAGE_BYTES });
  private readonly sockets = new Map<string, { socket: WebSocket; connectedAt: Date; sourceIp: string }>();
  private readonly log: (message: string) => void;
  private readonly webDist: string;
  private handlers: GatewayHandlers | undefined;
  private readonly pendingHandlers = new Set<Promise<unknown>>();
  url = '';

  constructor(private readonly options: LocalGatewayOptions) {
    this.log = options.log ?? (() => undefined);
    this.webDist = resolve(options.webDist);
    this.server = createServer((req, res) => {
      this.route(req, res).catch((error: unknown) => {
        this.log(`gateway error: ${error instanceof Error ? error.stack : String(error)}`);
        if (!res.headersSent) send(res, errorResponse(error));
      });
    });
    // Requests Node's HTTP parser refuses (a chunked GET, a bad header) still get the documented error body.
    this.server.on('clientError', (error, socket) => {
      if (!socket.writable) return socket.destroy();
      const body = JSON.stringify({ error: { code: 'VALIDATION_FAILED', message: 'The HTTP request is malformed.' } });
      socket.end(`HTTP/1.1 400 Bad Request\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
      this.log(`client error: ${error.message}`);
    });
    this.server.on('upgrade', (req, socket, head) => {
      this.upgrade(req, socket as Socket, head).catch((error: unknown) => {
        this.log(`websocket upgrade error: ${String(error)}`);
        socket.destroy();
      });
    });
  }

  async listen(): Promise<string> {
    const host = this.options.host ?? '127.0.0.1';
    await new Promise<void>((resolveListen, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port, host, () => resolveListen());
    });
    const address = this.server.address();
    const port = typeof address === 'object' && address ? address.port : this.options.port;
    this.url = `http://${host === '0.0.0.0' || host === '127.0.0.1' ? 'localhost' : host}:${port}`;
    return this.url;
  }

  private track(promise: Promise<unknown>): void {
    this.pendingHandlers.add(promise);
    void promise.finally(() => this.pendingHandlers.delete(promise));
  }

  /** Handlers are mounted after listen(): they read the gateway's own URL from the environment at import. */
  mount(handlers: GatewayHandlers): void {
    this.handlers = handlers;
  }

  private get mounted(): GatewayHandlers {
    if (!this.handlers) throw new UpstreamUnavailableError('Pitwatch is still starting. Try again in a moment.');
    return this.handlers;
  }

  get port(): number {
    const address = this.server.address();
    return typeof address === 'object' && address ? address.port : 0;
  }

  async close(): Promise<void> {
    const closed = [...this.sockets.values()].map(({ socket }) => new Promise((resolveClose) => {
      socket.once('close', resolveClose);
      socket.terminate();
    }));
    await Promise.all(closed);
    // $disconnect handlers still write to DynamoDB: let them finish before the stores go away.
    await Promise.allSettled([...this.pendingHandlers]);
    this.sockets.clear();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolveClose) => this.server.close(() => resolveClose()));
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();
    const target = req.headers['x-amz-target'];
    if (method === 'POST' && typeof target === 'string') return this.awsJson(req, res, target);
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return this.httpApi(req, res, url, method);
    if (url.pathname.startsWith('/@connections/')) return this.management(req, res, url, method);
    const devPage = method === 'GET' ? this.handlers?.devPages?.[url.pathname] : undefined;
    if (devPage) {
      const page = devPage();
      return send(res, { statusCode: 200, headers: { 'content-type': page.contentType, 'cache-control': 'no-store' }, body: page.body });
    }
    if (url.pathname === '/config.json') {
      const host = req.headers.host ?? `localhost:${this.port}`;
      const config: WebConfig = { apiUrl: `http://${host}/api`, wsUrl: `ws://${host}/ws`, ...(this.options.clock ? { clock: this.options.clock } : {}) };
      return send(res, {
        statusCode: 200,
        headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
        body: JSON.stringify(config),
      });
    }
    return this.staticFile(res, url);
  }

  private async httpApi(req: IncomingMessage, res: ServerResponse, url: URL, method: string): Promise<void> {
    const path = url.pathname.slice('/api'.length) || '/';
    const match = matchRoute(Object.keys(this.mounted.httpRoutes), method, path);
    if (!match) {
      // API Gateway answers unknown routes itself with 404 {"message":"Not Found"}; we answer in our documented shape.
      return send(res, errorResponse(new NotFoundError(`No route ${method} ${path}`)));
    }
    const { routeKey, pathParameters } = match;
    const handler = this.mounted.httpRoutes[routeKey]!;
    const body = await readBody(req, MAX_HTTP_BODY_BYTES).catch((error: unknown) => {
      // Answer at once and close: the client may still be sending, and we will not read the rest.
      res.setHeader('connection', 'close');
      throw error;
    });
    const event = httpApiEvent({ req, url, path, routeKey, body, ...(pathParameters ? { pathParameters } : {}) });
    const started = Date.now();
    const result = (await handler(event, lambdaContext(routeKey))) as Result;
    this.log(`${routeKey} -> ${result.statusCode ?? 200} (${Date.now() - started} ms)`);
    send(res, result);
  }

  private async awsJson(req: IncomingMessage, res: ServerResponse, target: string): Promise<void> {
    const service = Object.entries(this.mounted.awsJson ?? {}).find(([prefix]) => target.startsWith(prefix));
    if (!service) return send(res, { statusCode: 400, body: JSON.stringify({ __type: 'UnknownOperationException' }) });
    const body = await readBody(req, 256 * 1024);
    const result = service[1](target, body.toString('utf8'));
    send(res, { ...result, headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': randomBytes(8).toString('hex') } });
  }

  private async management(req: IncomingMessage, res: ServerResponse, url: URL, method: string): Promise<void> {
    const connectionId = decodeSegment(url.pathname.slice('/@connections/'.length));
    const entry = this.sockets.get(connectionId);
    if (!entry || entry.socket.readyState !== WebSocket.OPEN) {
      return send(res, { statusCode: 410, headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'GoneException' }, body: '{"message":"Gone"}' });
    }
    if (method === 'POST') {
      const body = await readBody(req, MAX_WS_MESSAGE_BYTES);
      entry.socket.send(body.toString('utf8'));
      return send(res, { statusCode: 200, body: '' });
    }
    if (method === 'DELETE') {
      entry.socket.close(1000, 'Closed by server');
      return send(res, { statusCode: 204, body: '' });
    }
    if (method === 'GET') {
      return send(res, {
        statusCode: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ConnectedAt: entry.connectedAt.toISOString(), Identity: { SourceIp: entry.sourceIp } }),
      });
    }
    return send(res, { statusCode: 405, body: '' });
  }

  private wsEvent(eventType: 'CONNECT' | 'MESSAGE' | 'DISCONNECT', routeKey: string, connectionId: string, extra: Record<string, unknown>) {
    const now = new Date();
    return {
      requestContext: {
        routeKey,
        eventType,
        connectionId,
        messageId: eventType === 'MESSAGE' ? randomBytes(8).toString('base64') : undefined,
        extendedRequestId: randomBytes(8).toString('hex'),
        requestTime: now.toUTCString(),
        messageDirection: 'IN',
        stage: 'live',
        connectedAt: this.sockets.get(connectionId)?.connectedAt.getTime() ?? now.getTime(),
        requestTimeEpoch: now.getTime(),
        requestId: randomBytes(8).toString('hex'),
        domainName: `localhost:${this.port}`,
        apiId: 'local',
      },
      isBase64Encoded: false,
      ...extra,
    };
  }

  private async upgrade(req: IncomingMessage, socket: Socket, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/ws') {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    const connectionId = connectionIdFor();
    const connectEvent = this.wsEvent('CONNECT', '$connect', connectionId, {
      headers: headersOf(req),
      queryStringParameters: queryOf(url),
    });
    const result = (await this.mounted.webSocket.connect(connectEvent, lambdaContext('ws-connect'))) as Result;
    const status = result?.statusCode ?? 200;
    if (status < 200 || status >= 300) {
      // API Gateway refuses the upgrade with the status $connect returned.
      socket.end(`HTTP/1.1 ${status} Refused\r\ncontent-type: application/json\r\n\r\n${result.body ?? ''}`);
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.sockets.set(connectionId, { socket: ws, connectedAt: new Date(), sourceIp: req.socket.remoteAddress ?? '127.0.0.1' });
      ws.on('message', (data, isBinary) => {
        const body = isBinary ? Buffer.from(data as Buffer).toString('base64') : data.toString();
        // The `ping` route's mock integration, as API Gateway runs it: the gateway answers, no handler runs.
        if (!isBinary && selectRoute(body) === PING_ROUTE_KEY) {
          ws.send(PONG_FRAME);
          return;
        }
        const event = this.wsEvent('MESSAGE', '$default', connectionId, { body, isBase64Encoded: isBinary });
        this.track(this.mounted.webSocket.message(event, lambdaContext('ws-message')).catch((error: unknown) => this.log(`$default failed: ${String(error)}`)));
      });
      ws.on('close', () => {
        this.sockets.delete(connectionId);
        const event = this.wsEvent('DISCONNECT', '$disconnect', connectionId, {});
        this.track(this.mounted.webSocket.disconnect(event, lambdaContext('ws-disconnect')).catch((error: unknown) => this.log(`$disconnect failed: ${String(error)}`)));
      });
    });
  }

  private staticFile(res: ServerResponse, url: URL): void {
    const relative = normalize(decodeSegment(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(this.webDist, relative);
    if (!file.startsWith(this.webDist)) return send(res, { statusCode: 403, body: 'Forbidden' });
    if (!existsSync(file) || statSync(file).isDirectory()) {
      // A missing file (a name with an extension) is a 404; any other path is a screen of the app (SPA fallback).
      if (extname(relative) !== '') return send(res, { statusCode: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Not found' });
      file = join(this.webDist, 'index.html');
    }
    if (!existsSync(file)) {
      return send(res, { statusCode: 503, headers: { 'content-type': 'text/plain' }, body: 'The web app is not built yet: run `npm run build:web`.' });
    }
    const immutable = file.includes(`${join(this.webDist, 'assets')}`);
    res.writeHead(200, {
      'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    res.end(readFileSync(file));
  }
}
