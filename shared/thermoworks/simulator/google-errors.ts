/**
 * Error bodies exactly as Google's front ends send them: Firebase Auth's `{error:{code,message,errors:[…]}}`
 * with the reason in `message`, and the RPC style `{error:{code,message,status}}` of Firestore and friends.
 */

export interface SimResponse {
  status: number;
  body: unknown;
  /** Raw text instead of JSON (damaged answers, storage media). */
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

/** Firebase Auth (Identity Toolkit, Secure Token): HTTP 400 and the reason as the message. */
export function authError(reason: string, code = 400): SimResponse {
  return { status: code, body: { error: { code, message: reason, errors: [{ message: reason, domain: 'global', reason: 'invalid' }] } } };
}

export function rpcError(code: number, status: string, message: string, extra: Record<string, unknown> = {}): SimResponse {
  return { status: code, body: { error: { code, message, status, ...extra } } };
}

export const unauthenticated = (): SimResponse =>
  rpcError(
    401,
    'UNAUTHENTICATED',
    'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
  );

export const permissionDenied = (message = 'Missing or insufficient permissions.'): SimResponse => rpcError(403, 'PERMISSION_DENIED', message);

export const documentNotFound = (name: string): SimResponse => rpcError(404, 'NOT_FOUND', `Document "${name}" not found.`);

export const resourceExhausted = (retryAfterSeconds?: number): SimResponse => ({
  ...rpcError(429, 'RESOURCE_EXHAUSTED', 'Quota exceeded.'),
  headers: retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) },
});

export const unavailable = (code = 503): SimResponse =>
  code === 503 ? rpcError(503, 'UNAVAILABLE', 'The service is currently unavailable.') : rpcError(code, code === 500 ? 'INTERNAL' : 'UNKNOWN', 'Internal error encountered.');

export const invalidArgument = (message: string): SimResponse => rpcError(400, 'INVALID_ARGUMENT', message);

export const badApiKey = (): SimResponse => ({
  status: 400,
  body: {
    error: {
      code: 400,
      message: 'API key not valid. Please pass a valid API key.',
      errors: [{ message: 'API key not valid. Please pass a valid API key.', domain: 'global', reason: 'badRequest' }],
      status: 'INVALID_ARGUMENT',
    },
  },
});

export const missingApiKey = (): SimResponse =>
  rpcError(
    403,
    'PERMISSION_DENIED',
    "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
  );

export const refererBlocked = (referer: string | undefined): SimResponse =>
  rpcError(403, 'PERMISSION_DENIED', `Requests from referer ${referer || '<empty>'} are blocked.`, {
    details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_HTTP_REFERRER_BLOCKED', domain: 'googleapis.com' }],
  });

/** Firebase Storage keeps a shorter body: `{error:{code,message}}`. */
export const storageError = (code: number, message: string): SimResponse => ({ status: code, body: { error: { code, message } } });
