/**
 * The WebSocket API's routes, once: `infra/constructs/live-updates.ts` and the local gateway mount them, and the
 * authorization matrix tries each. Browsers cannot send headers on a WebSocket, so `$connect` takes its credential
 * in the query string; the other routes run on a connection `$connect` already accepted.
 */
import * as z from 'zod';
import type { PrincipalKind } from './route-definition';

export const connectQuerySchema = z.strictObject({ token: z.string().min(1).max(512) });

export const socketRoutes = {
  connect: { routeKey: '$connect', fn: 'connect', auth: ['session', 'apiToken'] as readonly PrincipalKind[], summary: 'Open a live connection (?token=)' },
  message: { routeKey: '$default', fn: 'message', auth: 'connection', summary: 'Messages from the browser: ping' },
  disconnect: { routeKey: '$disconnect', fn: 'disconnect', auth: 'connection', summary: 'The connection closed' },
} as const;

export type SocketFunctionName = (typeof socketRoutes)[keyof typeof socketRoutes]['fn'];
