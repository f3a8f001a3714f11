/**
 * The one client for the Pitwatch HTTP API. Every response is read against the shared contract (./wireShapes), so
 * the rest of the app works with typed, validated data or with one of the errors in ./errors.
 * URLs always come from /config.json: locally one origin, on AWS API Gateway's own domains.
 */
// Types only (erased from the bundle): the browser reads bodies with ./wireShapes, not with zod.
import type { infer as Infer, input } from 'zod';
import type {
  AccountStatus,
  CookView,
  DeviceView,
  HistoryResponse,
  LoginResponse,
  startCookRequestSchema,
  WebConfig,
} from '../../../shared/api/schemas';
import type { SessionView } from '../../../shared/api/auth-schemas';
import type { SettingsPatch, UserSettingsView } from '../../../shared/api/settings-schemas';
import type {
  compareCooksSchema,
  shareCreatedSchema,
  shareListSchema,
  SharedCook,
  AddCookEventRequest,
  CookDetail,
  CookReadings,
  PatchCookRequest,
} from '../../../shared/api/cook-schemas';
import { readOrUndefined, type Reader } from './wireReader';
import {
  readAccountStatus,
  readCompareCooks,
  readCookDetail,
  readCookReadings,
  readCooksResponse,
  readCookView,
  readDevicesResponse,
  readDownloadLink,
  readErrorBody,
  readEventDeleted,
  readHistoryResponse,
  readLoginResponse,
  readRevoked,
  readSessionList,
  readShareCreated,
  readSharedCook,
  readShareList,
  readShareRevoked,
  readSignedOut,
  readUserSettings,
  readWebConfig,
} from './wireShapes';
import { ApiError, ContractError, NetworkError, SessionExpiredError } from './errors';

export type CompareCooks = Infer<typeof compareCooksSchema>;
export type ShareCreated = Infer<typeof shareCreatedSchema>;
export type ShareSummary = Infer<typeof shareListSchema>['shares'][number];

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** The POST /cooks body as sent: `units` may be left out (the API defaults it to °F). */
export type StartCookBody = input<typeof startCookRequestSchema>;

export interface ApiClient {
  login(email: string, password: string): Promise<LoginResponse>;
  listDevices(sessionToken: string): Promise<DeviceView[]>;
  /** GET /account: whether Pitwatch can still read the linked ThermoWorks account. */
  getAccount(sessionToken: string): Promise<AccountStatus>;
  /** GET /cooks?status=active: every cook in progress, with its latest predictions. */
  listCooks(sessionToken: string): Promise<CookView[]>;
  /** POST /cooks: starts (or restarts) the cook on one device. */
  startCook(sessionToken: string, request: StartCookBody): Promise<CookView>;
  /** POST /cooks/{cookId}/end: ends that cook (its record is kept). */
  endCook(sessionToken: string, cookId: string): Promise<void>;
  /** GET /cooks with filters: one page of cook records, newest first. */
  listCookPage(sessionToken: string, query: CookListQuery): Promise<CookPage>;
  /** GET /cooks/{cookId}: the record with its events and (once ended) stats. */
  getCook(sessionToken: string, cookId: string): Promise<CookDetail>;
  /** PATCH /cooks/{cookId}: name, notes, tags, rating. */
  patchCook(sessionToken: string, cookId: string, patch: PatchCookRequest): Promise<CookDetail>;
  /** POST /cooks/{cookId}/events: a timeline event (now, unless `at` says otherwise); answers the whole cook. */
  addCookEvent(sessionToken: string, cookId: string, event: AddCookEventRequest): Promise<CookDetail>;
  /** DELETE /cooks/{cookId}/events/{eventId}. */
  deleteCookEvent(sessionToken: string, cookId: string, eventId: string): Promise<void>;
  /** GET /cooks/{cookId}/readings: every probe over the cook's span, downsampled to `maxPoints` buckets. */
  getCookReadings(sessionToken: string, cookId: string, maxPoints?: number): Promise<CookReadings>;
  /** GET /cooks/{cookId}/export: a short-lived link to every stored point as CSV or JSON. */
  exportCook(sessionToken: string, cookId: string, format: 'csv' | 'json'): Promise<{ url: string; expiresAt: string }>;
  /** POST /cooks/{cookId}/shares: a read-only link to this cook, valid `expiresInHours` (1–72). */
  createShare(sessionToken: string, cookId: string, expiresInHours: number): Promise<ShareCreated>;
  /** GET /cooks/{cookId}/shares: the links still valid. */
  listShares(sessionToken: string, cookId: string): Promise<ShareSummary[]>;
  /** DELETE /cooks/{cookId}/shares/{shareId}: the link stops working at once. */
  revokeShare(sessionToken: string, cookId: string, shareId: string): Promise<void>;
  /** GET /cooks/compare?ids=a,b: both cooks' series aligned at their starts, with their stats. */
  compareCooks(sessionToken: string, ids: readonly [string, string]): Promise<CompareCooks>;
  /** GET /share/{token}: public, no session; a revoked or expired link answers 404. */
  getSharedCook(shareToken: string): Promise<SharedCook>;
  /** GET /devices/{serial}/history: one channel's readings over a time range, downsampled to `maxPoints`. */
  getHistory(sessionToken: string, request: HistoryRequest, init?: { signal?: AbortSignal }): Promise<HistoryResponse>;
  /** GET /me/settings: units, clock, time zone, theme. */
  getSettings(sessionToken: string): Promise<UserSettingsView>;
  /** PATCH /me/settings: changes the given fields, answers with all of them. */
  updateSettings(sessionToken: string, patch: SettingsPatch): Promise<UserSettingsView>;
  /** GET /auth/sessions: where this user is signed in. */
  listSessions(sessionToken: string): Promise<SessionView[]>;
  /** DELETE /auth/sessions/{id}: signs one session out. */
  revokeSession(sessionToken: string, sessionId: string): Promise<number>;
  /** DELETE /auth/sessions: signs out everywhere but here. */
  revokeOtherSessions(sessionToken: string): Promise<number>;
  /** POST /auth/logout: ends this session on the server (its sockets close too). */
  logout(sessionToken: string): Promise<void>;
}

export interface CookListQuery {
  status?: 'active' | 'ended';
  q?: string;
  tag?: string;
  /** ISO-8601 instants: cooks that started in [from, to). */
  from?: string;
  to?: string;
  /** Rated at least this (1–5). */
  minRating?: number;
  cursor?: string;
  limit?: number;
}

export interface CookPage {
  cooks: CookView[];
  cursor?: string;
}

export interface HistoryRequest {
  serial: string;
  channel: string;
  /** ISO-8601 instants; `from` before `to`, at most 31 days apart (the API checks). */
  from: string;
  to: string;
  /** At most this many points come back (the API accepts 10–5000; default 720). */
  maxPoints?: number;
}

export interface ApiClientOptions {
  /** Injected so tests need no network; defaults to the browser's fetch. */
  fetch?: FetchLike;
  /** A request with no answer after this long counts as "can't reach". */
  timeoutMs?: number;
}

// Wrapped rather than passed as-is: calling a stored `window.fetch` as a method of another object throws
// "Illegal invocation" in browsers.
const browserFetch: FetchLike = (input, init) => globalThis.fetch(input, init);

const DEFAULT_TIMEOUT_MS = 15_000;

export async function loadConfig(fetchFn: FetchLike = browserFetch, url = '/config.json'): Promise<WebConfig> {
  // no-store: a redeploy that changes the API URLs must be picked up on the next page load.
  const response = await send(fetchFn, url, { cache: 'no-store' }, DEFAULT_TIMEOUT_MS);
  if (!response.ok) throw new NetworkError();
  return parseBody(response, readWebConfig, 'configuration');
}

export function createApiClient(config: WebConfig, options: ApiClientOptions = {}): ApiClient {
  const fetchFn = options.fetch ?? browserFetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const apiUrl = config.apiUrl.replace(/\/+$/, '');

  return {
    async login(email, password) {
      const response = await send(
        fetchFn,
        `${apiUrl}/auth/login`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password }),
        },
        timeoutMs,
      );
      // A 401 here means wrong credentials, not an expired session: say so in the user's terms.
      if (response.status === 401) throw new ApiError(401, 'UNAUTHORIZED', 'Wrong email or password');
      if (!response.ok) throw await errorFrom(response);
      return parseBody(response, readLoginResponse, 'sign-in response');
    },

    async listDevices(sessionToken) {
      const response = await send(
        fetchFn,
        `${apiUrl}/devices`,
        { headers: { authorization: `Bearer ${sessionToken}` } },
        timeoutMs,
      );
      if (!response.ok) throw await errorFrom(response);
      const body = await parseBody(response, readDevicesResponse, 'device list');
      return body.devices;
    },

    async getAccount(sessionToken) {
      const response = await send(fetchFn, `${apiUrl}/account`, { headers: bearer(sessionToken) }, timeoutMs);
      if (!response.ok) throw await errorFrom(response);
      return parseBody(response, readAccountStatus, 'account status');
    },

    async listCooks(sessionToken) {
      const response = await send(fetchFn, `${apiUrl}/cooks?status=active&limit=100`, { headers: bearer(sessionToken) }, timeoutMs);
      if (!response.ok) throw await errorFrom(response);
      const body = await parseBody(response, readCooksResponse, 'cook list');
      return body.cooks;
    },

    async startCook(sessionToken, request) {
      const response = await send(
        fetchFn,
        `${apiUrl}/cooks`,
        {
          method: 'POST',
          headers: { ...bearer(sessionToken), 'content-type': 'application/json' },
          body: JSON.stringify(request),
        },
        timeoutMs,
      );
      if (!response.ok) throw await errorFrom(response);
      return parseBody(response, readCookView, 'cook');
    },

    async endCook(sessionToken, cookId) {
      const response = await send(
        fetchFn,
        `${apiUrl}/cooks/${encodeURIComponent(cookId)}/end`,
        { method: 'POST', headers: bearer(sessionToken) },
        timeoutMs,
      );
      if (!response.ok) throw await errorFrom(response);
      // The body (the ended cook) is not needed here: the page drops the cook from its running ones.
      await response.body?.cancel().catch(() => undefined);
    },

    async listCookPage(sessionToken, query) {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
      const response = await send(fetchFn, `${apiUrl}/cooks?${params.toString()}`, { headers: bearer(sessionToken) }, timeoutMs);
      if (!response.ok) throw await errorFrom(response);
      const body = await parseBody(response, readCooksResponse, 'cook list');
      return body.cursor === undefined ? { cooks: body.cooks } : { cooks: body.cooks, cursor: body.cursor };
    },

    async getCook(sessionToken, cookId) {
      const response = await send(fetchFn, `${apiUrl}/cooks/${encodeURIComponent(cookId)}`, { headers: bearer(sessionToken) }, timeoutMs);
      if (!response.ok) throw await errorFrom(response);
      return parseBody(response, readCookDetail, 'cook');
    },

    async patchCook(sessionToken, cookId, patch) {
      const response = await send(
        fetchFn,
        `${apiUrl}/cooks/${encodeURIComponent(cookId)}`,
        { method: 'PATCH', headers: json(sessionToken), body: JSON.stringify(patch) },
        timeoutMs,
      );
      if (!response.ok) throw await errorFrom(response);
      return parseBody(response, readCookDetail, 'cook');
    },

    async addCookEvent(sessionToken, cookId, event) {
      const response = await send(
        fetchFn,
        `${apiUrl}/cooks/${encodeURIComponent(cookId)}/events`,
        { method: 'POST', headers: json(sessionToken), body: JSON.stringify(event) },
        timeoutMs,
      );
      if (!response.ok) throw await errorFrom(response);
      return parseBody(response, readCookDetail, 'cook');
    },

    async deleteCookEvent(sessionToken, cookId, eventId) {
      const response = await send(
        fetchFn,
        `${apiUrl}/cooks/${encodeURIComponent(cookId)}/events/${encodeURIComponent(eventId)}`,
        { method: 'DELETE', headers: bearer(sessionToken) },
        timeoutMs,
      );
      if (!response.ok) throw await errorFrom(response);
      await parseBody(response, readEventDeleted, 'event deletion');
    },

    async getCookReadings(sessionToken, cookId, maxPoints) {
      const query = maxPoints === undefined ? '' : `?maxPoints=${Math.round(maxPoints)}`;
      const response = await send(fetchFn, `${apiUrl}/cooks/${encodeURIComponent(cookId)}/readings${query}`, { headers: bearer(sessionToken) }, timeoutMs);
      if (!response.ok) throw await errorFrom(response);
      return parseBody(response, readCookReadings, 'cook readings');
    },

    async exportCook(sessionToken, cookId, format) {
      const response = await send(fetchFn, `${apiUrl}/cooks/${encodeURIComponent(cookId)}/export?format=${format}`, { headers: bearer(sessionToken) }, timeoutMs);
      if (!response.ok) throw await errorFrom(response);
      const link = await parseBody(response, readDownloadLink, 'export link');
      return { url: link.url, expiresAt: link.expiresAt };
    },

    async createShare(sessionToken, cookId, expiresInHours) {
      const response = await send(
        fetchFn,
        `${apiUrl}/cooks/${encodeURIComponent(cookId)}/shares`,
        { method: 'POST', headers: json(sessionToken), body: JSON.stringify({ expiresInHours }) },
        timeoutMs,
      );
      if (!response.ok) throw await errorFrom(response);
      return parseBody(response, readShareCreated, 'share link');
    },

    async listShares(sessionToken, cookId) {
      const response = await send(fetchFn, `${apiUrl}/cooks/${encodeURIComponent(cookId)}/shares`, { headers: bearer(sessionToken) }, timeoutMs);
      if (!response.ok) throw await errorFrom(response);
      return (await parseBody(response, readShareList, 'share links')).shares;
    },

    async revokeShare(sessionToken, cookId, shareId) {
      const response = await send(
        fetchFn,
        `${apiUrl}/cooks/${encodeURIComponent(cookId)}/shares/${encodeURIComponent(shareId)}`,
        { method: 'DELETE', headers: bearer(sessionToken) },
        timeoutMs,
      );
      if (!response.ok) throw await errorFrom(response);
      await parseBody(response, readShareRevoked, 'share revocation');
    },

    async compareCooks(sessionToken, ids) {
      const response = await send(fetchFn, `${apiUrl}/cooks/compare?ids=${ids.map(encodeURIComponent).join(',')}`, { headers: bearer(sessionToken) }, timeoutMs);
      if (!response.ok) throw await errorFrom(response);
      return parseBody(response, readCompareCooks, 'comparison');
    },

    async getSharedCook(shareToken) {
      const response = await send(fetchFn, `${apiUrl}/share/${encodeURIComponent(shareToken)}`, {}, timeoutMs);
      // A share link is not a session: its 401/403/404 must not sign anyone out.
      if (response.status === 404 || response.status === 401 || response.status === 403) {
        throw new ApiError(404, 'NOT_FOUND', 'This share link has expired or was revoked.');
      }
      if (!response.ok) throw await errorFrom(response);
      return parseBody(response, readSharedCook, 'shared cook');
    },

    async getHistory(sessionToken, request, init = {}) {
      const query = new URLSearchParams({ channel: request.channel, from: request.from, to: request.to });
      if (request.maxPoints !== undefined) query.set('maxPoints', String(Math.round(request.maxPoints)));
      const response = await send(
        fetchFn,
        `${apiUrl}/devices/${encodeURIComponent(request.serial)}/history?${query.toString()}`,
        { headers: bearer(sessionToken) },
        timeoutMs,
        init.signal,
      );
      if (!response.ok) throw await errorFrom(response);
      return parseBody(response, readHistoryResponse, 'history');
    },

    async getSettings(sessionToken) {
      const response = await send(fetchFn, `${apiUrl}/me/settings`, { headers: bearer(sessionToken) }, timeoutMs);
      if (!response.ok) throw await errorFrom(response);
      return parseBody(response, readUserSettings, 'settings');
    },

    async updateSettings(sessionToken, patch) {
      const response = await send(
        fetchFn,
        `${apiUrl}/me/settings`,
        { method: 'PATCH', headers: json(sessionToken), body: JSON.stringify(patch) },
        timeoutMs,
      );
      if (!response.ok) throw await errorFrom(response);
      return parseBody(response, readUserSettings, 'settings');
    },

    async listSessions(sessionToken) {
      const response = await send(fetchFn, `${apiUrl}/auth/sessions`, { headers: bearer(sessionToken) }, timeoutMs);
      if (!response.ok) throw await errorFrom(response);
      return (await parseBody(response, readSessionList, 'session list')).sessions;
    },

    async revokeSession(sessionToken, sessionId) {
      const response = await send(
        fetchFn,
        `${apiUrl}/auth/sessions/${encodeURIComponent(sessionId)}`,
        { method: 'DELETE', headers: bearer(sessionToken) },
        timeoutMs,
      );
      if (!response.ok) throw await errorFrom(response);
      return (await parseBody(response, readRevoked, 'revocation')).revoked;
    },

    async revokeOtherSessions(sessionToken) {
      const response = await send(fetchFn, `${apiUrl}/auth/sessions`, { method: 'DELETE', headers: bearer(sessionToken) }, timeoutMs);
      if (!response.ok) throw await errorFrom(response);
      return (await parseBody(response, readRevoked, 'revocation')).revoked;
    },

    async logout(sessionToken) {
      const response = await send(fetchFn, `${apiUrl}/auth/logout`, { method: 'POST', headers: bearer(sessionToken) }, timeoutMs);
      // Already ended (expired, revoked elsewhere): signed out is what the user wanted.
      if (response.status === 401) return;
      if (!response.ok) throw await errorFrom(response);
      await parseBody(response, readSignedOut, 'sign-out');
    },
  };
}

function json(sessionToken: string): Record<string, string> {
  return { ...bearer(sessionToken), 'content-type': 'application/json' };
}

function bearer(sessionToken: string): Record<string, string> {
  return { authorization: `Bearer ${sessionToken}` };
}

async function send(fetchFn: FetchLike, url: string, init: RequestInit, timeoutMs: number, cancel?: AbortSignal): Promise<Response> {
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    return await fetchFn(url, { ...init, signal: cancel === undefined ? timeout : eitherSignal(timeout, cancel) });
  } catch (cause) {
    // The caller gave up on this request (a closed chart, a new range): not a network problem to report.
    if (cancel?.aborted) throw cancel.reason;
    // fetch only rejects when there is no HTTP answer (offline, DNS, CORS, timeout).
    throw new NetworkError({ cause });
  }
}

/** Aborts when either does (AbortSignal.any is too new for some phones still at the smoker). */
function eitherSignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  if (a.aborted) return a;
  if (b.aborted) return b;
  const controller = new AbortController();
  const abort = (signal: AbortSignal) => () => controller.abort(signal.reason);
  a.addEventListener('abort', abort(a), { once: true, signal: controller.signal });
  b.addEventListener('abort', abort(b), { once: true, signal: controller.signal });
  return controller.signal;
}

async function parseBody<T>(response: Response, read: Reader<T>, what: string): Promise<T> {
  let json: unknown;
  try {
    json = await response.json();
  } catch (cause) {
    throw new ContractError(what, { cause });
  }
  try {
    return read(json);
  } catch (cause) {
    throw new ContractError(what, { cause });
  }
}

/** Turns a non-2xx answer into an ApiError, preferring the server's own `{error:{code,message}}`. */
async function errorFrom(response: Response): Promise<ApiError> {
  const body = readOrUndefined(readErrorBody, await response.json().catch(() => undefined));
  const code = body !== undefined ? body.error.code : `HTTP_${response.status}`;
  const message = body !== undefined ? body.error.message : fallbackMessage(response.status);

  // 401 is always a dead session. A 403 whose body is not ours comes from API Gateway itself: an HTTP API
  // Lambda authorizer with simple responses answers `{"message":"Forbidden"}` when it rejects the token.
  if (response.status === 401 || (response.status === 403 && body === undefined)) {
    return new SessionExpiredError(response.status, code, 'Your session has ended. Sign in again.');
  }
  return new ApiError(response.status, code, message, body?.error.details);
}

function fallbackMessage(status: number): string {
  if (status === 429) return 'Too many requests. Wait a moment and try again.';
  if (status >= 500) return 'Pitwatch is having trouble right now. Try again in a moment.';
  return `Pitwatch answered with an error (HTTP ${status}).`;
}


/**
 * The same transport for API calls that load with their own screen (integrations/integrationsApi.ts,
 * plan/plannerApi.ts): their code and schemas stay out of the startup bundle.
 */
export const screenTransport = { send, errorFrom, parseBody, bearer, json, browserFetch, defaultTimeoutMs: DEFAULT_TIMEOUT_MS };
