import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../../shared/api/schemas';
import { LiveConnection } from '../live/liveConnection';
import type { SocketHandlers } from '../live/liveSocket';
import { testAlarmEvent, testChannel } from '../testing/testAlarms';

/** The live connection with one hand-driven socket, collecting what it hands to the app. */
function connected(): { deliver(data: unknown): void; messages: ServerMessage[] } {
  const messages: ServerMessage[] = [];
  let handlers: SocketHandlers | null = null;
  const connection = new LiveConnection({
    url: 'ws://test/ws',
    createSocket: (_url, h) => {
      handlers = h;
      return { send: () => undefined, close: () => undefined };
    },
    onMessage: (m) => messages.push(m),
    onStatus: () => undefined,
    schedule: () => () => undefined,
    now: () => 0,
  });
  connection.start();
  handlers!.onOpen();
  return { deliver: (data) => handlers!.onMessage(JSON.stringify(data)), messages };
}

describe('the live connection and the alarm messages', () => {
  it('hands the alarm and notification-channel messages to the app, and drops malformed ones', () => {
    const { deliver, messages } = connected();
    const alarm = { type: 'alarm', change: 'fired', event: testAlarmEvent() };
    const channel = { type: 'notification-channel', change: 'disabled', channel: testChannel({ status: 'disabled', disabledReason: '10 failed deliveries in a row' }) };
    deliver(alarm);
    deliver(channel);
    deliver({ type: 'alarm', change: 'fired', event: { eventId: 'evt-1' } });
    deliver({ type: 'alarm', change: 'rang', event: testAlarmEvent() });
    deliver({ type: 'pong' });
    expect(messages).toEqual([alarm, channel, { type: 'pong' }]);
  });
});
