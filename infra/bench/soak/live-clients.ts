/**
 * One open WebSocket per account, as a browser tab would keep: a Node WebSocket client (the `ws` package), not a
 * browser. It counts the `readings` messages it gets, and can be dropped and reconnected (disconnect churn). After a
 * reconnect it notes when the first readings message arrived again.
 */
import WebSocket from 'ws';

export class LiveClient {
  private socket: WebSocket | undefined;
  readingsMessages = 0;
  connects = 0;
  drops = 0;
  /** Readings messages since the last (re)connect. */
  sinceConnect = 0;

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
        const message = JSON.parse(data.toString()) as { type?: string };
        if (message.type === 'readings') {
          this.readingsMessages++;
          this.sinceConnect++;
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
    this.socket = socket;
    this.connects++;
    this.sinceConnect = 0;
  }

  /** Drops the connection without a goodbye (a phone losing Wi-Fi). */
  drop(): void {
    this.socket?.terminate();
    this.socket = undefined;
    this.drops++;
  }

  get open(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  close(): void {
    this.socket?.close();
    this.socket = undefined;
  }
}
