/**
 * One live WebSocket to Pitwatch that keeps itself alive: reconnects with jittered backoff, comes back after API
 * Gateway's 2-hour connection limit, and stands still while the browser says it is offline. A heartbeat notices a
 * silently dead socket (network gone without an `offline` event, a laptop that slept) within 4 s while the page is
 * visible, a second inside the 5 s promised, for a busy page: a ping every `pingIntervalMs` (1.5 s), and no message at
 * all within `pongTimeoutMs` (2.5 s) of one means dead.
 * While the page is hidden it pings only often enough that API Gateway's 10-minute idle timeout never fires.
 * Framework-free so the whole state machine is unit-tested; LiveProvider wraps it for React.
 */
import type { ClientMessage, ServerMessage } from '../../../shared/api/schemas';
import { backoffDelay } from './backoff';
import type { LiveSocket, SocketFactory } from './liveSocket';
import { parseServerFrame } from './serverMessageReader';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

/** Runs `task` after `ms`; returns a function that cancels it. */
export type Schedule = (task: () => void, ms: number) => () => void;

export interface LiveConnectionOptions {
  url: string;
  createSocket: SocketFactory;
  onMessage(message: ServerMessage): void;
  onStatus(status: LiveStatus): void;
  /** The socket opened; `reconnected` is true when an earlier one had opened before (readings may be missed). */
  onOpen?(info: { reconnected: boolean }): void;
  /** A socket closed without ever opening: the server is down, or the session token was rejected. */
  onConnectFailed?(consecutiveFailures: number): void;
  schedule?: Schedule;
  now?: () => number;
  random?: () => number;
  /** How often an open socket is pinged while the page is visible: with `pongTimeoutMs`, how fast a dead one is noticed. */
  pingIntervalMs?: number;
  /** How often while the page is hidden (`setVisible(false)`): well inside API Gateway's 10-minute idle timeout. */
  hiddenPingIntervalMs?: number;
  /** A ping with no message at all back within this long means the socket is dead: drop it and reconnect. */
  pongTimeoutMs?: number;
  /** A connection that lasted this long was healthy: the next drop restarts backoff from the beginning. */
  stableAfterMs?: number;
}

const defaultSchedule: Schedule = (task, ms) => {
  const id = setTimeout(task, ms);
  return () => clearTimeout(id);
};

const PING: ClientMessage = { type: 'ping' };

/** A dead socket is noticed within PING_INTERVAL_MS + PONG_TIMEOUT_MS of dying: 4 s. */
export const PING_INTERVAL_MS = 1_500;
export const PONG_TIMEOUT_MS = 2_500;
export const HIDDEN_PING_INTERVAL_MS = 25_000;

export class LiveConnection {
  private readonly options: LiveConnectionOptions;
  private readonly schedule: Schedule;
  private readonly now: () => number;
  private socket: LiveSocket | null = null;
  private openedAt: number | null = null;
  private everOpened = false;
  private running = false;
  /** Failed or short-lived connections in a row; drives the backoff. */
  private attempt = 0;
  private failuresBeforeOpen = 0;
  private cancelRetry: (() => void) | null = null;
  private cancelPing: (() => void) | null = null;
  private cancelPongWait: (() => void) | null = null;
  /** The browser said it is offline: no reconnect attempts until it says it is back (or `reconnectNow`). */
  private offline = false;
  private visible = true;

  constructor(options: LiveConnectionOptions) {
    this.options = options;
    this.schedule = options.schedule ?? defaultSchedule;
    // How long a socket stayed open drives the backoff: real time, whatever the page's clock says.
    // eslint-disable-next-line no-restricted-syntax
    this.now = options.now ?? Date.now;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.open();
  }

  stop(): void {
    this.running = false;
    this.clearTimers();
    const socket = this.socket;
    this.socket = null;
    socket?.close();
  }

  /**
   * Skip the remaining backoff wait (the browser is back online, the page is visible again). An open socket is
   * checked with a ping instead: after a laptop sleeps, a socket can look open and be dead.
   */
  reconnectNow(): void {
    if (!this.running) return;
    this.offline = false;
    if (this.socket !== null) {
      if (this.openedAt !== null) this.ping();
      return;
    }
    this.clearTimers();
    this.open();
  }

  /** The page was hidden or shown: a hidden page pings rarely (battery, cost), a visible one every 1.5 s. */
  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    if (this.socket === null || this.openedAt === null) return;
    this.cancelPing?.();
    this.schedulePing();
  }

  /** The browser reports no network: say so at once, drop the socket (it cannot deliver), wait for `reconnectNow`. */
  goOffline(): void {
    if (!this.running) return;
    this.offline = true;
    this.clearTimers();
    const socket = this.socket;
    this.socket = null;
    if (socket !== null && this.openedAt !== null) this.everOpened = true;
    socket?.close();
    this.options.onStatus('offline');
  }

  private open(): void {
    this.cancelRetry = null;
    this.openedAt = null;
    this.options.onStatus(this.everOpened || this.attempt > 0 ? 'reconnecting' : 'connecting');
    // Each socket's handlers check they still belong to the current socket, so a stopped or replaced
    // socket's late events cannot disturb the state.
    const socket: LiveSocket = this.options.createSocket(this.options.url, {
      onOpen: () => {
        if (this.socket === socket) this.handleOpen();
      },
      onMessage: (data) => {
        if (this.socket === socket) this.handleMessage(data);
      },
      onClose: () => {
        if (this.socket === socket) this.handleClose();
      },
    });
    this.socket = socket;
  }

  private handleOpen(): void {
    const reconnected = this.everOpened;
    this.openedAt = this.now();
    this.everOpened = true;
    this.failuresBeforeOpen = 0;
    this.options.onStatus('live');
    this.options.onOpen?.({ reconnected });
    this.schedulePing();
  }

  private handleMessage(data: unknown): void {
    // Any message proves the socket alive.
    this.cancelPongWait?.();
    this.cancelPongWait = null;
    // Anything off-contract is dropped rather than trusted: the UI only ever sees messages of the contract's shape.
    const message = parseServerFrame(data);
    if (message !== undefined) this.options.onMessage(message);
  }

  private handleClose(): void {
    this.socket = null;
    this.clearTimers();
    if (!this.running || this.offline) return;

    if (this.openedAt === null) {
      this.failuresBeforeOpen += 1;
      this.options.onConnectFailed?.(this.failuresBeforeOpen);
    } else if (this.now() - this.openedAt >= (this.options.stableAfterMs ?? 10_000)) {
      this.attempt = 0;
    }

    this.options.onStatus('reconnecting');
    const delay = backoffDelay(this.attempt, this.options.random);
    this.attempt += 1;
    this.cancelRetry = this.schedule(() => this.open(), delay);
  }

  private schedulePing(): void {
    const interval = this.visible ? (this.options.pingIntervalMs ?? PING_INTERVAL_MS) : (this.options.hiddenPingIntervalMs ?? HIDDEN_PING_INTERVAL_MS);
    this.cancelPing = this.schedule(() => {
      this.ping();
      this.schedulePing();
    }, interval);
  }

  private ping(): void {
    const socket = this.socket;
    if (socket === null) return;
    socket.send(JSON.stringify(PING));
    if (this.cancelPongWait !== null) return;
    this.cancelPongWait = this.schedule(() => {
      this.cancelPongWait = null;
      if (this.socket !== socket) return;
      // Dead without a close event (network gone, laptop slept): treat it as a drop.
      socket.close();
      this.handleClose();
    }, this.options.pongTimeoutMs ?? PONG_TIMEOUT_MS);
  }

  private clearTimers(): void {
    this.cancelPongWait?.();
    this.cancelPongWait = null;
    this.cancelRetry?.();
    this.cancelRetry = null;
    this.cancelPing?.();
    this.cancelPing = null;
  }
}
