import type { ServerMessage } from '../api/schemas';

export type PushOutcome = 'sent' | 'gone';

/** Sends to and closes WebSocket connections (API Gateway management API in AWS and locally alike). */
export interface Pusher {
  push(connectionId: string, message: ServerMessage): Promise<PushOutcome>;
  /** Closes the connection from the server side (DeleteConnection); a connection already gone is fine. */
  disconnect(connectionId: string): Promise<void>;
}
