import type { Duplex } from "node:stream";

/**
 * Answers a WebSocket upgrade with a plain HTTP error and stops the hook chain. Hocuspocus'
 * Server swallows a rejection with an empty reason ("a hook handled it"), whereas an Error
 * would be re-thrown from its upgrade listener as an unhandled rejection.
 */
export function rejectUpgrade(socket: Duplex, status: number, text: string): Promise<never> {
  if (!socket.destroyed) {
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  }
  return Promise.reject(undefined);
}
