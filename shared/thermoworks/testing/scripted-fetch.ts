/**
 * A fetch that answers from a script, for tests that need exact control over what ThermoWorks says
 * (the simulator covers the realistic paths; this covers the odd ones).
 */
export interface ScriptedCall {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

export type Responder = (call: ScriptedCall) => Response | Promise<Response>;

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=UTF-8', ...headers },
  });
}

export function scriptedFetch(responder: Responder): { fetch: (input: string, init?: RequestInit) => Promise<Response>; calls: ScriptedCall[] } {
  const calls: ScriptedCall[] = [];
  return {
    calls,
    fetch: async (input, init = {}) => {
      const text = typeof init.body === 'string' ? init.body : undefined;
      const call: ScriptedCall = {
        method: init.method ?? 'GET',
        url: new URL(input),
        headers: new Headers(init.headers),
        body: text === undefined ? undefined : (JSON.parse(text) as unknown),
      };
      calls.push(call);
      return responder(call);
    },
  };
}
