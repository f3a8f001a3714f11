/**
 * One open WebSocket per account, as a browser tab would keep: a Node WebSocket client (the `ws` package), not a
 * browser. It counts the `readings` messages it gets, and can be dropped and reconnected (disconnect churn). Like the
 * web app (web/src/live/liveConnection.ts) it reconnects when the server closes it (a session end, API Gateway's
 * two-hour limit). After a
 * reconnect it counts afresh, and it keeps which uploads it heard of, for the share of them that arrived live.
 */
import WebSocket from 'ws';

export class LiveClient {
  private socket: WebSocket | undefined;
  readingsMessages = 0;
  connects = 0;
  drops = 0;
  /** Closes the client did not ask for. */
  serverCloses = 0;
  private closing = false;
  /** Readings messages since the last (re)connect. */
  sinceConnect = 0;
  /** Every reading heard live: `serial#at`. */
  readonly heard = new Set<string>();

  constructor(
    private readonly wsUrl: string,
    private sessionToken: string,
    readonly label: string,
  ) {}

  /** A new session (after a re-link the soak signs in again). */
  useSession(token: string): void {
    this.sessionToken = token;
  }

  async connect(): Promise<void> {
    const socket = new WebSocket(`${this.wsUrl}?token=${this.sessionToken}`);
    socket.on('message', (data: WebSocket.RawData) => {
      try {
        const message = JSON.parse(data.toString()) as { type?: string; serial?: string; channels?: Array<{ at?: string }> };
        if (message.type === 'readings') {
          this.readingsMessages++;
          this.sinceConnect++;
          for (const c of message.channels ?? []) if (c.at) this.heard.add(`${message.serial}#${Date.parse(c.at)}`);
        }
      } catch {
        // not JSON: not ours to count
      }
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      if (this.socket !== socket || this.closing) return;
      this.socket = undefined;
      this.serverCloses++;
      setTimeout(() => void this.reconnect(), 1_000);
    });
    this.socket = socket;
    this.connects++;
    this.sinceConnect = 0;
  }

  /** Drops the connection without a goodbye (a phone losing Wi-Fi). */
  drop(): void {
    const socket = this.socket;
    this.socket = undefined;
    socket?.terminate();
    this.drops++;
  }

  private async reconnect(): Promise<void> {
    for (let attempt = 1; attempt <= 60 && !this.closing && !this.socket; attempt++) {
      try {
        await this.connect();
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 1_000));
      }
    }
  }

  get open(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  close(): void {
    this.closing = true;
    this.socket?.close();
    this.socket = undefined;
  }
}
