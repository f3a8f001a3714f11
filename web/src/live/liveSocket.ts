/**
 * The narrow socket surface LiveConnection needs, so its reconnect logic runs in tests without a browser.
 * Handlers are handed to the factory instead of assigned afterwards: no event can slip through before
 * they are attached, and the DOM's `this`-typed handler properties never leak into our types.
 */
export interface SocketHandlers {
  onOpen(): void;
  onMessage(data: unknown): void;
  /** Called once, whether the socket never opened, dropped, or was closed by the server. */
  onClose(): void;
}

export interface LiveSocket {
  send(data: string): void;
  close(): void;
}

export type SocketFactory = (url: string, handlers: SocketHandlers) => LiveSocket;

export const browserSocket: SocketFactory = (url, handlers) => {
  let socket: WebSocket;
  try {
    socket = new WebSocket(url);
  } catch {
    // A malformed URL throws synchronously; report it like any failed connect so backoff applies.
    queueMicrotask(() => handlers.onClose());
    return { send: () => undefined, close: () => undefined };
  }
  socket.onopen = () => handlers.onOpen();
  socket.onmessage = (event) => handlers.onMessage(event.data);
  socket.onclose = () => handlers.onClose();
  return {
    send: (data) => {
      if (socket.readyState === WebSocket.OPEN) socket.send(data);
    },
    close: () => socket.close(1000, 'bye'),
  };
};
