/**
 * One HTTP exchange with ThermoWorks: a timeout on every request (headers and body alike), network failures
 * and 5xx as transient errors, error bodies classified, 2xx bodies parsed as JSON. Retries wrap this.
 */
import type { Clock } from '../clock';
import { classifyErrorResponse, type ThermoWorksService } from './classify-error';
import { MalformedResponseError, ThermoWorksUnavailableError } from './errors';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface HttpCall {
  service: ThermoWorksService;
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  /** Sent as a JSON body. */
  json?: unknown;
  /** What is being asked for, for error messages (never secret). */
  resource?: string;
}

export interface HttpTransportOptions {
  fetch: FetchLike;
  clock: Clock;
  timeoutMs: number;
}

export type HttpTransport = (call: HttpCall) => Promise<unknown>;

export function createHttpTransport(options: HttpTransportOptions): HttpTransport {
  return async (call) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    const headers: Record<string, string> = { accept: 'application/json', ...call.headers };
    if (call.json !== undefined) headers['content-type'] = 'application/json';
    try {
      let response: Response;
      let text: string;
      try {
        response = await options.fetch(call.url, {
          method: call.method,
          headers,
          body: call.json === undefined ? undefined : JSON.stringify(call.json),
          signal: controller.signal,
        });
        text = await response.text();
      } catch (error) {
        const timedOut = controller.signal.aborted;
        throw new ThermoWorksUnavailableError(
          timedOut ? `ThermoWorks ${call.service} did not answer within ${options.timeoutMs} ms` : `ThermoWorks ${call.service} could not be reached`,
          timedOut ? 'timeout' : 'network',
          {},
          { cause: error },
        );
      }
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
        { status: response.status, body: body === NOT_JSON ? undefined : body, headers: response.headers, resource: call.resource },
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
