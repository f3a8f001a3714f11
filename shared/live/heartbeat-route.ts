/**
 * The browser's heartbeat is answered by the WebSocket gateway itself: API Gateway routes a `{"type":"ping"}` frame
 * (route selection on the body's `type`) to a mock integration that sends back PONG_FRAME, so a ping costs two
 * messages and no Lambda invocation, log line or trace. A visible page pings every 1.5 s, which made the `$default`
 * function the largest line of a cook month. The CDK app (infra/constructs/live-updates.ts) and the local gateway
 * (infra/local/local-gateway.ts) both answer from these three values.
 */
export const ROUTE_SELECTION_EXPRESSION = '$request.body.type';
export const PING_ROUTE_KEY = 'ping';
export const PONG_FRAME = '{"type":"pong"}';

/** The route API Gateway would pick for this frame's body: `ping`, or `$default` for anything else (not JSON too). */
export function selectRoute(body: string): typeof PING_ROUTE_KEY | '$default' {
  try {
    const parsed: unknown = JSON.parse(body);
    const type = typeof parsed === 'object' && parsed !== null ? (parsed as { type?: unknown }).type : undefined;
    return type === PING_ROUTE_KEY ? PING_ROUTE_KEY : '$default';
  } catch {
    return '$default';
  }
}
