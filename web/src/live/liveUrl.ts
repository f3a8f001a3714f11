/**
 * The WebSocket URL for a session. The token travels in the query string because browsers cannot set
 * headers on a WebSocket handshake; API Gateway's $connect authorizer reads it from there.
 */
export function liveUrl(wsUrl: string, sessionToken: string): string {
  const url = new URL(wsUrl);
  url.searchParams.set('token', sessionToken);
  return url.toString();
}
