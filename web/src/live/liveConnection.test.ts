import { beforeEach, describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../../shared/api/schemas';
import { LiveConnection, type LiveStatus, type Schedule } from './liveConnection';
import type { SocketHandlers, SocketFactory } from './liveSocket';

/** A hand-driven clock + timer queue: tests decide when time passes. */
class FakeTime {
  now = 0;
  private tasks: Array<{ at: number; task: () => void; cancelled: boolean }> = [];
  schedule: Schedule = (task, ms) => {
    const entry = { at: this.now + ms, task, cancelled: false };
    this.tasks.push(entry);
    return () => {
      entry.cancelled = true;
    };
  };
  pendingDelays(): number[] {
    return this.tasks.filter((t) => !t.cancelled).map((t) => t.at - this.now);
  }
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const due = this.tasks.filter((t) => !t.cancelled && t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (due === undefined) break;
      due.cancelled = true;
      this.now = due.at;
      due.task();
    }
    this.now = until;
  }
}

interface FakeSocket {
  url: string;
  handlers: SocketHandlers;
  sent: string[];
  closed: boolean;
}

let time: FakeTime;
let sockets: FakeSocket[];
let statuses: LiveStatus[];
let messages: ServerMessage[];
let opens: boolean[];
let failures: number[];

const createSocket: SocketFactory = (url, handlers) => {
  const socket: FakeSocket = { url, handlers, sent: [], closed: false };
  sockets.push(socket);
  return {
    send: (data) => socket.sent.push(data),
    close: () => {
      socket.closed = true;
    },
  };
};

function connection(overrides: { pingIntervalMs?: number; hiddenPingIntervalMs?: number } = {}): LiveConnection {
  return new LiveConnection({
    url: 'ws://localhost:3000/ws?token=t',
    createSocket,
    onMessage: (m) => messages.push(m),
    onStatus: (s) => statuses.push(s),
    onOpen: ({ reconnected }) => opens.push(reconnected),
    onConnectFailed: (n) => failures.push(n),
    schedule: time.schedule,
    now: () => time.now,
    random: () => 0, // no jitter: the schedule is exact
    ...overrides,
  });
}

const latest = (): FakeSocket => {
  const socket = sockets.at(-1);
  if (socket === undefined) throw new Error('no socket yet');
  return socket;
};

beforeEach(() => {
  time = new FakeTime();
  sockets = [];
  statuses = [];
  messages = [];
  opens = [];
  failures = [];
});

describe('LiveConnection', () => {
  it('connects, reports Live, and delivers schema-valid messages only', () => {
    connection().start();
    expect(statuses).toEqual(['connecting']);
    expect(latest().url).toBe('ws://localhost:3000/ws?token=t');

    latest().handlers.onOpen();
    expect(statuses.at(-1)).toBe('live');
    expect(opens).toEqual([false]);

    const readings = {
      type: 'readings',
      serial: 'S',
      channels: [{ channel: '1', value: 200.5, units: 'F', status: 'normal', probeConnected: true, at: '2026-01-01T00:00:00.000Z' }],
    };
    latest().handlers.onMessage(JSON.stringify(readings));
    latest().handlers.onMessage('not json');
    latest().handlers.onMessage(JSON.stringify({ type: 'readings', serial: 'S', channels: [] }));
    // The per-channel shape the page uses inside is not a wire message.
    latest().handlers.onMessage(JSON.stringify({ ...readings.channels[0], type: 'reading', serial: 'S' }));
    latest().handlers.onMessage(JSON.stringify({ type: 'surprise' }));
    expect(messages).toEqual([readings]);
  });

  it('backs off exponentially while the server stays down, and reports each failed connect', () => {
    connection().start();
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      latest().handlers.onClose();
      const [wait] = time.pendingDelays();
      waits.push(wait ?? -1);
      time.advance(wait ?? 0);
    }
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000]);
    expect(failures).toEqual([1, 2, 3, 4, 5, 6]);
    expect(statuses.filter((s) => s === 'connecting')).toHaveLength(1);
    expect(statuses.at(-1)).toBe('reconnecting');
    expect(sockets).toHaveLength(7);
  });

  it('starts backoff over after a healthy connection drops, and flags the reopen as a reconnect', () => {
    connection({ pingIntervalMs: 3_600_000 }).start();
    latest().handlers.onClose();
    time.advance(1_000);
    latest().handlers.onClose();
    time.advance(2_000);
    latest().handlers.onOpen();
    time.advance(60_000); // healthy for a minute, e.g. then API Gateway's 2-hour limit ends it
    latest().handlers.onClose();
    expect(time.pendingDelays()).toEqual([1_000]);
    time.advance(1_000);
    latest().handlers.onOpen();
    expect(opens).toEqual([false, true]);
  });

  it('keeps backing off when connections open but drop at once', () => {
    connection().start();
    latest().handlers.onOpen();
    latest().handlers.onClose();
    time.advance(1_000);
    latest().handlers.onOpen();
    latest().handlers.onClose();
    expect(time.pendingDelays()).toEqual([2_000]);
    expect(failures).toEqual([]); // it did open each time: not an auth problem
  });

  it('pings before API Gateway idles the connection out', () => {
    connection({ pingIntervalMs: 300_000 }).start();
    latest().handlers.onOpen();
    time.advance(299_999);
    expect(latest().sent).toEqual([]);
    time.advance(1);
    latest().handlers.onMessage('{"type":"pong","at":"2026-01-01T00:05:00.000Z"}');
    time.advance(300_000);
    expect(latest().sent).toEqual(['{"type":"ping"}', '{"type":"ping"}']);
    expect(sockets).toHaveLength(1);
  });

  it('drops a socket that answers no ping within 2.5 s and reconnects', () => {
    connection({ pingIntervalMs: 20_000 }).start();
    latest().handlers.onOpen();
    time.advance(20_000 + 2_499);
    expect(statuses.at(-1)).toBe('live');
    time.advance(1);
    expect(sockets[0]!.closed).toBe(true);
    expect(statuses.at(-1)).toBe('reconnecting');
    time.advance(time.pendingDelays()[0] ?? 0);
    expect(sockets).toHaveLength(2);
    latest().handlers.onOpen();
    expect(opens).toEqual([false, true]);
  });

  it('notices a socket that died silently within 4 s (of the 5 s promised), wherever between two pings it died', () => {
    // Default heartbeat: a ping every 1.5 s, dead when nothing at all comes back within 2.5 s of one.
    for (const diesAfter of [0, 1, 750, 1_499, 1_500, 1_501, 2_999, 3_500]) {
      sockets = [];
      statuses = [];
      time = new FakeTime();
      connection().start();
      latest().handlers.onOpen();
      // Alive: every ping answered at once, for a while.
      const socket = latest();
      let answered = 0;
      const answer = () => {
        for (; answered < socket.sent.length; answered++) socket.handlers.onMessage('{"type":"pong","at":"x"}');
      };
      for (let t = 0; t < 20_000 + diesAfter; t += 1) {
        time.advance(1);
        answer();
      }
      expect(statuses.at(-1)).toBe('live');
      const diedAt = time.now;
      // Dead from here: pings go out, nothing comes back.
      while (statuses.at(-1) === 'live' && time.now - diedAt < 60_000) time.advance(1);
      expect(statuses.at(-1)).toBe('reconnecting');
      expect(time.now - diedAt).toBeLessThanOrEqual(4_000);
      expect(latest().closed).toBe(true);
    }
  });

  it('pings rarely while the page is hidden, and every 1.5 s again once it shows', () => {
    const live = connection();
    live.start();
    latest().handlers.onOpen();
    live.setVisible(false);
    time.advance(24_999);
    expect(latest().sent).toEqual([]);
    time.advance(1);
    expect(latest().sent).toHaveLength(1);
    latest().handlers.onMessage('{"type":"pong","at":"x"}');
    live.setVisible(true);
    time.advance(1_500);
    expect(latest().sent).toHaveLength(2);
    latest().handlers.onMessage('{"type":"pong","at":"x"}');
    time.advance(60_000);
    // Unanswered from here: dead within 5 s of the last answer.
    expect(statuses.at(-1)).toBe('reconnecting');
    expect(sockets[0]!.closed).toBe(true);
  });

  it('goes offline at once when the browser says so, waits, and reconnects the moment it is back', () => {
    const live = connection();
    live.start();
    latest().handlers.onOpen();
    live.goOffline();
    expect(statuses.at(-1)).toBe('offline');
    expect(sockets[0]!.closed).toBe(true);
    latest().handlers.onClose(); // the close event of the dropped socket changes nothing
    time.advance(600_000);
    expect(sockets).toHaveLength(1);
    expect(statuses.at(-1)).toBe('offline');
    live.reconnectNow();
    expect(sockets).toHaveLength(2);
    latest().handlers.onOpen();
    expect(opens).toEqual([false, true]); // a reconnect: the gap gets fetched
  });

  it('checks an open socket with a ping when asked to reconnect (the page became visible again)', () => {
    const live = connection({ pingIntervalMs: 60_000 });
    live.start();
    latest().handlers.onOpen();
    live.reconnectNow();
    expect(latest().sent).toEqual(['{"type":"ping"}']);
    latest().handlers.onMessage('{"type":"pong","at":"x"}');
    time.advance(10_000);
    expect(sockets).toHaveLength(1);
    expect(statuses.at(-1)).toBe('live');
  });

  it('stops cleanly: closes the socket, cancels timers, ignores late events', () => {
    const live = connection();
    live.start();
    latest().handlers.onOpen();
    const statusCount = statuses.length;
    live.stop();
    expect(latest().closed).toBe(true);
    latest().handlers.onClose();
    latest().handlers.onMessage('{"type":"pong","at":"x"}');
    time.advance(3_600_000);
    expect(sockets).toHaveLength(1);
    expect(statuses).toHaveLength(statusCount);
    expect(messages).toEqual([]);
  });

  it('reconnects at once on demand while waiting, but not while connected', () => {
    const live = connection();
    live.start();
    live.reconnectNow();
    expect(sockets).toHaveLength(1);
    latest().handlers.onClose();
    time.advance(500);
    live.reconnectNow();
    expect(sockets).toHaveLength(2);
    time.advance(10_000); // the cancelled retry must not open a third socket
    expect(sockets).toHaveLength(2);
  });
});
