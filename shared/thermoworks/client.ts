/**
 * The ThermoWorks Cloud client: the `ThermoWorksClient` port's adapter. Everything it touches (fetch, clock,
 * randomness, sleep) is injected so tests run against the simulator or fixtures without waiting.
 */
import { createHash } from 'node:crypto';
import { systemClock, type Clock } from '../clock';
import { createAuthApi } from './auth';
import { CircuitBreakers, defaultCircuitBreakerOptions, type CircuitBreakerOptions, type CircuitState } from './circuit-breaker';
import { defaultThermoWorksConfig, type ThermoWorksConfig } from './config';
import type { FirebaseProject, ThermoWorksTokens } from './domain';
import { createCloudFunctions } from './cloud-functions';
import { createFirestoreReads } from './firestore-rest';
import { createHttpTransport, fetchSend, type FetchLike, type HttpTransport } from './http-transport';
import { nodeHttpSend } from './node-http-send';
import { createProjectDiscovery } from './project-discovery';
import { defaultRetryPolicy, realSleep, withRetry, type RetryPolicy } from './retry';
import { createSession, type SessionTokens, type ThermoWorksSession, type TokensListener } from './session';

export interface ThermoWorksClientOptions {
  config?: ThermoWorksConfig;
  /** Default: plain node:http(s) requests on keep-alive agents (node-http-send.ts). */
  fetch?: FetchLike;
  /** Real time: token expiry and refresh-ahead, the circuit breaker, Retry-After. */
  clock?: Clock;
  /**
   * What "now" is for the devices' own timestamps (online = heard from recently): the simulated clock under the local
   * stack's --time-scale, whose simulator stamps documents in simulated time. `clock` by default.
   */
  deviceClock?: Clock;
  /** Per request, headers and body included. Default 10 s. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  circuitBreaker?: Partial<CircuitBreakerOptions>;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Skip webConfig discovery when the project is already known. */
  project?: FirebaseProject;
  /** Told before each retry (for logs/metrics). */
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
}

export interface SessionOptions {
  /** Circuit-breaker key; defaults to the uid, else a hash of the refresh token. */
  circuitKey?: string;
}

export interface ThermoWorksClient {
  readonly config: ThermoWorksConfig;
  signIn(email: string, password: string): Promise<ThermoWorksTokens>;
  refresh(refreshToken: string): Promise<ThermoWorksTokens>;
  session(tokens: SessionTokens, onTokens?: TokensListener, options?: SessionOptions): ThermoWorksSession;
  /** The Firebase project (webConfig), discovered once. */
  project(): Promise<FirebaseProject>;
  circuitState(key: string): CircuitState;
  /** Forget an account's breaker (e.g. on unlink). */
  forgetCircuit(key: string): void;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

export function createThermoWorksClient(options: ThermoWorksClientOptions = {}): ThermoWorksClient {
  const config = options.config ?? { ...defaultThermoWorksConfig };
  const clock = options.clock ?? systemClock;
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  const once = createHttpTransport({
    send: options.fetch ? fetchSend(options.fetch) : nodeHttpSend,
    clock,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  });
  const retryDeps = { random: options.random ?? Math.random, sleep: options.sleep ?? realSleep, onRetry: options.onRetry };
  const send: HttpTransport = (call) => withRetry(() => once(call), policy, retryDeps, call.signal);

  const auth = createAuthApi(config, send, clock);
  const project = createProjectDiscovery(config, send, options.project);
  const reads = createFirestoreReads(config, send, project);
  const functions = createCloudFunctions(config, send, project);
  const breakers = new CircuitBreakers(clock, { ...defaultCircuitBreakerOptions, ...options.circuitBreaker });

  return {
    config,
    signIn: (email, password) => auth.signIn(email, password),
    refresh: (refreshToken) => auth.refresh(refreshToken),
    session(tokens, onTokens, sessionOptions = {}) {
      const key = sessionOptions.circuitKey ?? tokens.uid ?? `refresh:${createHash('sha256').update(tokens.refreshToken).digest('hex').slice(0, 16)}`;
      return createSession({ auth, reads, functions, clock, deviceClock: options.deviceClock ?? clock, breaker: breakers.for(key) }, tokens, onTokens);
    },
    project,
    circuitState: (key) => breakers.state(key),
    forgetCircuit: (key) => breakers.forget(key),
  };
}
