import { describe, expect, it } from 'vitest';
import { serverMessageSchema } from '../api/schemas';
import { PING_ROUTE_KEY, PONG_FRAME, selectRoute } from './heartbeat-route';

describe('the heartbeat route', () => {
  it('takes a frame whose body has type "ping", as route selection on $request.body.type does', () => {
    expect(selectRoute('{"type":"ping"}')).toBe(PING_ROUTE_KEY);
    expect(selectRoute('{"type":"ping","extra":1}')).toBe(PING_ROUTE_KEY);
  });

  it('leaves everything else to $default: other types, no type, not an object, not JSON', () => {
    for (const body of ['{"type":"pong"}', '{"type":"PING"}', '{}', '[]', 'null', '"ping"', 'ping', '', '{"type":["ping"]}']) {
      expect(selectRoute(body), body).toBe('$default');
    }
  });

  it('answers with a pong the server message schema accepts', () => {
    expect(serverMessageSchema.parse(JSON.parse(PONG_FRAME))).toEqual({ type: 'pong' });
  });
});
