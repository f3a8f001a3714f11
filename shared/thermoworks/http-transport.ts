/**
 * One HTTP exchange with ThermoWorks: a timeout on every request (headers and body alike), network failures
 * and 5xx as transient errors, error bodies classified, 2xx bodies parsed as JSON. Retries wrap this.
 */
import type { Clock } from '../clock';
import { classifyErrorResponse, type ThermoWorksService } from './classify-error';
import { MalformedResponseError, ThermoWorksUnavailableError } from './errors';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** A whole HTTP answer: the status, the body read to the end, and the headers (built only when asked for). */
export interface HttpReply {
  status: number;
  text: string;
  headers(): Headers;
}

/** Sends one request and reads its whole answer; rejects on network failure or when `signal` aborts. */
export type HttpSend = (url: string, init: { method: string; headers: Record<string, string>; body: string | undefined; signal: AbortSignal }) => Promise<HttpReply>;

/** HttpSend over a fetch (tests script fetch; the CLI may use the global one). */
export function fetchSend(fetchFn: FetchLike): HttpSend {
  return async (url, init) => {
    const response = await fetchFn(url, init);
    const text = await response.text();
    return { status: response.status, text, headers: () => response.headers };
  };
}

export interface HttpCall {
  service: ThermoWorksService;
  method: 'GET' | 'POST' | 'PATCH';
  url: string;
  headers?: Record<string, string>;
  /** Sent as a JSON body. */
  json?: unknown;
  /** What is being asked for, for error messages (never secret). */
  resource?: string;
  /** The caller's own cancellation (a poll's time budget): its abort reason is what the call throws. */
  signal?: AbortSignal | undefined;
}

export interface HttpTransportOptions {
  send: HttpSend;
  clock: Clock;
  timeoutMs: number;
}

export type HttpTransport = (call: HttpCall) => Promise<unknown>;

export function createHttpTransport(options: HttpTransportOptions): HttpTransport {
  return async (call) => {
    if (call.signal?.aborted) throw call.signal.reason;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    const signal = call.signal ? AbortSignal.any([controller.signal, call.signal]) : controller.signal;
    const headers: Record<string, string> = { accept: 'application/json', ...call.headers };
    if (call.json !== undefined) headers['content-type'] = 'application/json';
    try {
      let response: HttpReply;
      try {
        response = await options.send(call.url, {
          method: call.method,
          headers,
          body: call.json === undefined ? undefined : JSON.stringify(call.json),
          signal,
        });
      } catch (error) {
        if (call.signal?.aborted) throw call.signal.reason;
        const timedOut = controller.signal.aborted;
        throw new ThermoWorksUnavailableError(
          timedOut ? `ThermoWorks ${call.service} did not answer within ${options.timeoutMs} ms` : `ThermoWorks ${call.service} could not be reached`,
          timedOut ? 'timeout' : 'network',
          {},
          { cause: error },
        );
      }
      const { text } = response;
      const body = parseJson(text);
      if (response.status >= 200 && response.status < 300) {
        if (body === NOT_JSON) {
          throw new MalformedResponseError(`ThermoWorks ${call.service} answered ${response.status} with a body that is not JSON`, {
            details: { status: response.status, preview: text.slice(0, 80) },
          });
        }
        return body;
      }
      throw classifyErrorResponse(
        call.service,
        { status: response.status, body: body === NOT_JSON ? undefined : body, headers: response.headers(), resource: call.resource },
        options.clock.now(),
      );
    } finally {
      clearTimeout(timer);
    }
  };
}

const NOT_JSON = Symbol('not-json');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return NOT_JSON;
  }
}
