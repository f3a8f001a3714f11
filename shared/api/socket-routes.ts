/**
 * The WebSocket API's routes, once: `infra/constructs/live-updates.ts` and the local gateway mount them, and the
 * authorization matrix tries each. Browsers cannot send headers on a WebSocket, so `$connect` takes its credential
 * in the query string; the other routes run on a connection `$connect` already accepted.
 */
import * as z from '../validation/zod';
import type { PrincipalKind } from './route-definition';

/** `?token=<session or API token>` for the account's sockets, or `?share=<share token>` for one shared cook's. */
export const connectQuerySchema = z.union([
  z.pipe(
    z.strictObject({ token: z.string().check(z.minLength(1), z.maxLength(512)) }),
    z.transform((q: { token: string }) => ({ credential: q.token, share: false })),
  ),
  z.pipe(
    z.strictObject({ share: z.string().check(z.minLength(1), z.maxLength(512)) }),
    z.transform((q: { share: string }) => ({ credential: q.share, share: true })),
  ),
]);

export const socketRoutes = {
  connect: {
    routeKey: '$connect',
    fn: 'connect',
    auth: ['session', 'apiToken', 'share'] as readonly PrincipalKind[],
    summary: "Open a live connection: ?token= (the account's devices) or ?share= (one shared cook's device readings and predictions)",
  },
  message: { routeKey: '$default', fn: 'message', auth: 'connection', summary: 'Messages from the browser: ping' },
  disconnect: { routeKey: '$disconnect', fn: 'disconnect', auth: 'connection', summary: 'The connection closed' },
} as const;

export type SocketFunctionName = (typeof socketRoutes)[keyof typeof socketRoutes]['fn'];
