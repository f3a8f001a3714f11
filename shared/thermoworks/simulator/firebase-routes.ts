/**
 * The endpoints of PROTOCOL.md on one origin: Identity Toolkit sign-in, Secure Token refresh, webConfig,
 * Firestore reads (documents, runQuery, listings) and Storage downloads. Each route names its service (for
 * fault targeting), the account a request belongs to (for per-account faults), and its answer.
 */
import type { IncomingHttpHeaders } from 'node:http';
import * as z from 'zod';
import type { DeviceTimeline } from './device-timeline';
import {
  archiveDocument,
  archiveFile,
  archiveFilename,
  channelDocument,
  deviceDocument,
  documentsRoot,
  userDocument,
  type FirestoreDocumentJson,
} from './documents';
import { nanoTime } from './firestore-encoding';
import { HISTORY_FUNCTION, historyFunctionAnswer } from './history-function';
import {
  authError,
  badApiKey,
  documentNotFound,
  invalidArgument,
  missingApiKey,
  permissionDenied,
  refererBlocked,
  rpcError,
  storageError,
  unauthenticated,
  type SimResponse,
} from './google-errors';
import type { ScenarioAccount, SimulatedService } from './scenario';
import type { SimulatorWorld } from './simulator-world';

export interface SimRequest {
  method: string;
  /** Path segments, percent-decoded. */
  segments: string[];
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Route {
  service: SimulatedService;
  account(): ScenarioAccount | undefined;
  handle(): SimResponse;
}

const THERMOWORKS_REFERER = 'https://cloud.thermoworks.com/';

const ok = (body: unknown): SimResponse => ({ status: 200, body });

function jsonBody(req: SimRequest): unknown {
  try {
    return JSON.parse(req.body) as unknown;
  } catch {
    return undefined;
  }
}

/** Secure Token also accepts a form-encoded body, as the real endpoint does. */
function formOrJson(req: SimRequest): Record<string, unknown> {
  const json = jsonBody(req);
  if (typeof json === 'object' && json !== null) return json as Record<string, unknown>;
  return Object.fromEntries(new URLSearchParams(req.body));
}

function bearer(req: SimRequest): string | undefined {
  const header = req.headers.authorization;
  const match = /^(?:Bearer|Firebase)\s+(.+)$/i.exec(header ?? '');
  return match?.[1]?.trim();
}

/** API key and referrer checks of the key-restricted endpoints (sign-in, refresh, webConfig). */
function keyProblem(world: SimulatorWorld, req: SimRequest, key: string | undefined): SimResponse | undefined {
  if (key === undefined || key === '') return missingApiKey();
  if (key !== world.scenario.apiKey) return badApiKey();
  const referer = req.headers.referer;
  if (world.scenario.requireReferer && !(referer ?? '').startsWith(THERMOWORKS_REFERER)) return refererBlocked(referer);
  return undefined;
}

export function matchRoute(world: SimulatorWorld, req: SimRequest): Route | undefined {
  const s = req.segments;
  const path = s.join('/');

  if (req.method === 'POST' && path === 'v1/accounts:signInWithPassword') return signInRoute(world, req);
  if (req.method === 'POST' && path === 'v1/token') return refreshRoute(world, req);
  if (req.method === 'GET' && s.length === 6 && s[0] === 'v1alpha' && s[1] === 'projects' && s[3] === 'apps' && s[5] === 'webConfig') {
    return webConfigRoute(world, req, s[4] as string);
  }
  if (s[0] === 'v1' && s[1] === 'projects' && s[3] === 'databases' && s.length >= 5) {
    return firestoreRoute(world, req);
  }
  if (req.method === 'GET' && s[0] === 'v0' && s[1] === 'b' && s[3] === 'o' && s.length === 5) {
    return storageRoute(world, req, s[2] as string, s[4] as string);
  }
  // Callable functions, addressed as the Firebase emulator does: /{projectId}/{region}/{name}.
  if (req.method === 'POST' && s.length === 3 && s[1] === 'us-central1') return functionRoute(world, req, s[0] as string, s[2] as string);
  return undefined;
}

// ---- Cloud Functions ----

function functionRoute(world: SimulatorWorld, req: SimRequest, projectId: string, name: string): Route {
  const token = bearer(req);
  return {
    service: 'functions',
    account: () => (token ? world.identity.ownerOfIdToken(token) : undefined),
    handle: () => {
      if (projectId !== world.scenario.project.projectId || name !== HISTORY_FUNCTION) return rpcNotFound(`Function ${name} not found.`);
      const user = token ? world.identity.verifyIdToken(token) : undefined;
      if (!user) return rpcError(401, 'UNAUTHENTICATED', 'Unauthenticated.');
      return historyFunctionAnswer(world, user.accountId, jsonBody(req));
    },
  };
}

// ---- Firebase Auth ----

const signInBody = z.object({ email: z.string(), password: z.string(), returnSecureToken: z.boolean().optional() });

function signInRoute(world: SimulatorWorld, req: SimRequest): Route {
  const parsed = signInBody.safeParse(jsonBody(req));
  return {
    service: 'signIn',
    account: () => (parsed.success ? world.identity.account(parsed.data.email) : undefined),
    handle: () => {
      const problem = keyProblem(world, req, req.query.get('key') ?? undefined);
      if (problem) return problem;
      if (!parsed.success) return authError(jsonBody(req) === undefined ? 'INVALID_JSON' : parsed.error.issues.some((i) => i.path[0] === 'password') ? 'MISSING_PASSWORD' : 'INVALID_EMAIL');
      const result = world.identity.signIn(parsed.data.email, parsed.data.password);
      if (!result.ok) return authError(result.reason);
      const t = result.tokens;
      return ok({
        kind: 'identitytoolkit#VerifyPasswordResponse',
        localId: t.account.uid,
        email: t.account.email,
        displayName: t.account.displayName,
        idToken: t.idToken,
        registered: true,
        refreshToken: t.refreshToken,
        expiresIn: String(t.expiresInSeconds),
      });
    },
  };
}

function refreshRoute(world: SimulatorWorld, req: SimRequest): Route {
  const body = formOrJson(req);
  const refreshToken = typeof body.refresh_token === 'string' ? body.refresh_token : '';
  return {
    service: 'refresh',
    account: () => world.identity.ownerOfRefreshToken(refreshToken),
    handle: () => {
      const problem = keyProblem(world, req, req.query.get('key') ?? undefined);
      if (problem) return problem;
      if (body.grant_type !== 'refresh_token') return authError('INVALID_GRANT_TYPE');
      const result = world.identity.refresh(refreshToken);
      if (!result.ok) return authError(result.reason);
      const t = result.tokens;
      return ok({
        access_token: t.idToken,
        expires_in: String(t.expiresInSeconds),
        token_type: 'Bearer',
        refresh_token: t.refreshToken,
        id_token: t.idToken,
        user_id: t.account.uid,
        project_id: world.scenario.project.projectId,
      });
    },
  };
}

function webConfigRoute(world: SimulatorWorld, req: SimRequest, appId: string): Route {
  return {
    service: 'webConfig',
    account: () => undefined,
    handle: () => {
      const problem = keyProblem(world, req, (req.headers['x-goog-api-key'] as string | undefined) ?? req.query.get('key') ?? undefined);
      if (problem) return problem;
      const { projectId, storageBucket } = world.scenario.project;
      if (appId !== world.scenario.appId) return { status: 404, body: { error: { code: 404, message: `App ${appId} not found.`, status: 'NOT_FOUND' } } };
      return ok({
        projectId,
        appId,
        databaseURL: `https://${projectId}.firebaseio.com`,
        storageBucket,
        locationId: 'us-central',
        authDomain: `${projectId}.firebaseapp.com`,
        messagingSenderId: appId.split(':')[1] ?? '0',
        measurementId: 'G-SIMULATOR',
      });
    },
  };
}

// ---- Firestore ----

const runQueryBody = z.object({
  structuredQuery: z.object({
    from: z.array(z.object({ collectionId: z.string() })).length(1),
    where: z.object({
      fieldFilter: z.object({
        field: z.object({ fieldPath: z.string() }),
        op: z.string(),
        value: z.object({ stringValue: z.string() }),
      }),
    }),
  }),
});

function firestoreRoute(world: SimulatorWorld, req: SimRequest): Route {
  const token = bearer(req);
  return {
    service: 'firestore',
    account: () => (token ? world.identity.ownerOfIdToken(token) : undefined),
    handle: () => {
      const s = req.segments;
      const projectId = s[2] as string;
      const key = req.query.get('key');
      // Firestore takes the bearer as identity; a key, when given, must still be valid.
      if (key !== null && key !== world.scenario.apiKey) return badApiKey();
      if (projectId !== world.scenario.project.projectId) return permissionDenied(`Permission denied on resource project ${projectId}.`);
      if (s[4] !== '(default)' && s[4] !== '(default):runQuery') return rpcNotFound(`The database ${s[4]} does not exist for project ${projectId}`);
      if (!token) return permissionDenied();
      const user = world.identity.verifyIdToken(token);
      if (!user) return unauthenticated();
      const root = documentsRoot(projectId);
      const nowMs = world.nowMs();

      if (req.method === 'POST' && s.length === 6 && s[5] === 'documents:runQuery') return runQuery(world, req, user, nowMs);
      if ((req.method !== 'GET' && req.method !== 'PATCH') || s[5] !== 'documents') return rpcNotFound('Method not found.');
      const path = s.slice(6);
      const name = `${root}/${path.join('/')}`;

      if (req.method === 'PATCH') return patchChannelAlarms(world, req, user, projectId, path, name, nowMs);
      if (path.length === 2 && path[0] === 'users') {
        if (path[1] !== user.uid) return permissionDenied();
        return ok(userDocument(projectId, user, world.identity.lastLoginMs(user.email) ?? nowMs, nowMs));
      }
      if (path[0] !== 'devices' || path.length < 2) return permissionDenied();
      const timeline = world.timeline(path[1] as string);
      if (!timeline) return documentNotFound(name);
      if (timeline.accountId !== user.accountId) return permissionDenied();

      if (path.length === 2) return ok(deviceDocument(projectId, timeline, world.deviceState(timeline, nowMs), nowMs));
      if (path[2] === 'channels') return channels(projectId, timeline, user, path, name, nowMs);
      if (path[2] === 'archive') return archives(projectId, timeline, req, path, name, nowMs);
      return path.length % 2 === 1 ? ok({}) : documentNotFound(name);
    },
  };
}

/** The fields a PATCH of a channel may set (the app's alarm settings); security rules refuse any other. */
const WRITABLE_CHANNEL_FIELDS = new Set(['alarmHigh', 'alarmLow']);
const alarmWrite = z.object({
  mapValue: z.object({
    fields: z.object({
      enabled: z.object({ booleanValue: z.boolean() }),
      value: z.union([z.object({ integerValue: z.string().regex(/^-?[0-9]{1,6}$/) }), z.object({ doubleValue: z.number().finite() })]),
      units: z.object({ stringValue: z.enum(['F', 'C']) }),
    }),
  }),
});

/**
 * `PATCH devices/{serial}/channels/{n}?updateMask.fieldPaths=alarmHigh…`: sets the channel's own alarms as the app
 * does. Validated like the service: an updateMask naming only alarm fields (anything else is refused by the security
 * rules), each a map of enabled / value / units; the channel must exist (`currentDocument.exists`); RFX meat probes
 * keep their alarms on the gateway, not in the cloud, so their documents refuse the write. Answers the document.
 */
function patchChannelAlarms(world: SimulatorWorld, req: SimRequest, user: ScenarioAccount, projectId: string, path: string[], name: string, nowMs: number): SimResponse {
  if (path[0] !== 'devices' || path[2] !== 'channels' || path.length !== 4) return permissionDenied();
  const timeline = world.timeline(path[1] as string);
  if (!timeline) return documentNotFound(name);
  if (timeline.accountId !== user.accountId) return permissionDenied();
  const channel = timeline.channel(path[3] as string);
  if (!channel) return documentNotFound(name);
  const mask = req.query.getAll('updateMask.fieldPaths');
  if (mask.length === 0) return invalidArgument('A channel is updated with an updateMask (whole-document writes are refused).');
  if (mask.some((f) => !WRITABLE_CHANNEL_FIELDS.has(f))) return permissionDenied();
  if (channel.type.startsWith('rfx')) return permissionDenied('RFX probe alarms are kept on the gateway, not in the cloud.');
  const body = z.object({ fields: z.record(z.string(), z.unknown()) }).safeParse(jsonBody(req));
  if (!body.success) return invalidArgument('Invalid JSON payload received.');
  const parsed: Array<[string, { enabled: boolean; value: number }]> = [];
  for (const field of mask) {
    const alarm = alarmWrite.safeParse(body.data.fields[field]);
    if (!alarm.success) return invalidArgument(`Invalid value at 'document.fields[${field}]'.`);
    const f = alarm.data.mapValue.fields;
    const raw = 'integerValue' in f.value ? Number(f.value.integerValue) : f.value.doubleValue;
    // The document keeps the channel's own units.
    const value = f.units.stringValue === channel.units || channel.units === 'H' ? raw : f.units.stringValue === 'F' ? ((raw - 32) * 5) / 9 : (raw * 9) / 5 + 32;
    parsed.push([field, { enabled: f.enabled.booleanValue, value: Math.round(value) }]);
  }
  for (const [field, alarm] of parsed) channel[field as 'alarmHigh' | 'alarmLow'] = alarm;
  const snap = timeline.snapshot(channel.number, nowMs);
  return snap ? ok(channelDocument(projectId, timeline, snap)) : documentNotFound(name);
}

const rpcNotFound = (message: string): SimResponse => ({ status: 404, body: { error: { code: 404, message, status: 'NOT_FOUND' } } });

function runQuery(world: SimulatorWorld, req: SimRequest, user: ScenarioAccount, nowMs: number): SimResponse {
  const parsed = runQueryBody.safeParse(jsonBody(req));
  if (!parsed.success) return invalidArgument('Invalid structured query.');
  const q = parsed.data.structuredQuery;
  const filter = q.where.fieldFilter;
  if (q.from[0]?.collectionId !== 'devices' || filter.field.fieldPath !== 'accountId' || filter.op !== 'EQUAL') {
    // Security rules only allow the per-account device query.
    return permissionDenied();
  }
  if (filter.value.stringValue !== user.accountId) return permissionDenied();
  const projectId = world.scenario.project.projectId;
  const readTime = nanoTime(nowMs);
  const results: unknown[] = world
    .devicesOf(user.accountId)
    .map((t) => ({ document: deviceDocument(projectId, t, world.deviceState(t, nowMs), nowMs), readTime }));
  // The stream ends with a bare readTime item, as in the fixture.
  results.push({ readTime });
  return ok(results);
}

function channels(projectId: string, timeline: DeviceTimeline, user: ScenarioAccount, path: string[], name: string, nowMs: number): SimResponse {
  if (path.length === 3) {
    if (user.channelListing === 'denied') return permissionDenied();
    const docs = timeline.device.channels
      .map((c) => timeline.snapshot(c.number, nowMs))
      .filter((snap) => snap !== undefined)
      .sort((a, b) => Number(a.channel.number) - Number(b.channel.number))
      .map((snap) => channelDocument(projectId, timeline, snap));
    return ok(docs.length === 0 ? {} : { documents: docs });
  }
  if (path.length !== 4) return documentNotFound(name);
  const snap = timeline.snapshot(path[3] as string, nowMs);
  return snap ? ok(channelDocument(projectId, timeline, snap)) : documentNotFound(name);
}

function archives(projectId: string, timeline: DeviceTimeline, req: SimRequest, path: string[], name: string, nowMs: number): SimResponse {
  const windows = timeline.archiveWindows(nowMs);
  if (path.length === 4) {
    const window = windows.find((w) => w.id === path[3]);
    return window ? ok(archiveDocument(projectId, timeline, window)) : documentNotFound(name);
  }
  if (path.length !== 3) return documentNotFound(name);
  const pageSize = Math.min(500, Math.max(1, Number(req.query.get('pageSize') ?? '20') || 20));
  const orderBy = (req.query.get('orderBy') ?? '').trim();
  // Windows come newest first; without `createdOn desc`, Firestore orders by document name.
  const ordered = /^createdOn\s+desc$/i.test(orderBy) ? windows : [...windows].sort((a, b) => (a.id < b.id ? -1 : 1));
  const offset = decodePageToken(req.query.get('pageToken'));
  if (offset === undefined) return invalidArgument('Invalid page token.');
  const page = ordered.slice(offset, offset + pageSize);
  const body: { documents?: FirestoreDocumentJson[]; nextPageToken?: string } = {};
  if (page.length > 0) body.documents = page.map((w) => archiveDocument(projectId, timeline, w));
  if (offset + pageSize < ordered.length) body.nextPageToken = Buffer.from(`o:${offset + pageSize}`).toString('base64url');
  return ok(body);
}

function decodePageToken(token: string | null): number | undefined {
  if (token === null || token === '') return 0;
  const match = /^o:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : undefined;
}

// ---- Storage ----

function storageRoute(world: SimulatorWorld, req: SimRequest, bucket: string, objectName: string): Route {
  const token = bearer(req);
  return {
    service: 'storage',
    account: () => (token ? world.identity.ownerOfIdToken(token) : undefined),
    handle: () => {
      if (bucket !== world.scenario.project.storageBucket) return storageError(404, 'Not Found.');
      if (!token) return storageError(403, 'Permission denied.');
      const user = world.identity.verifyIdToken(token);
      if (!user) return storageError(401, 'Invalid authentication credentials.');
      const match = /^archives\/(.+)\/(arch-\d+)\.json$/.exec(objectName);
      const timeline = match ? world.timeline(match[1] as string) : undefined;
      const nowMs = world.nowMs();
      const window = timeline?.archiveWindows(nowMs).find((w) => w.id === match?.[2]);
      if (!timeline || !window) return storageError(404, 'Not Found.');
      if (timeline.accountId !== user.accountId) return storageError(403, 'Permission denied.');
      const file = archiveFile(timeline, window);
      const text = JSON.stringify(file);
      if (req.query.get('alt') === 'media') return { status: 200, body: file, text, contentType: 'text/json' };
      return ok({
        name: archiveFilename(timeline.device.serial, window),
        bucket,
        generation: String(window.endMs * 1000),
        metageneration: '1',
        contentType: 'text/json',
        timeCreated: new Date(window.endMs).toISOString(),
        updated: new Date(window.endMs).toISOString(),
        storageClass: 'STANDARD',
        size: String(Buffer.byteLength(text)),
        contentEncoding: 'identity',
        contentDisposition: `inline; filename*=utf-8''${window.id}.json`,
      });
    },
  };
}
