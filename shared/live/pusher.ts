import type { ServerMessage } from '../api/schemas';

export type PushOutcome = 'sent' | 'gone';

/** Sends a message to one WebSocket connection (API Gateway management API in AWS and locally alike). */
export interface Pusher {
  push(connectionId: string, message: ServerMessage): Promise<PushOutcome>;
}
