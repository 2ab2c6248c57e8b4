import type { IncomingMessage, ServerResponse } from 'node:http';

/** How long, and how much, the host keeps reading a body it has already answered. */
export const DRAIN_LIMITS = { ms: 30_000, bytes: 256 * 1024 * 1024 };

/**
 * Reads and discards what is left of a request body once the response has been sent.
 *
 * A request refused early (413 for a body over the limit, 401 before the body is read) leaves
 * the client still uploading. Closing the socket then (what @hono/node-server does after 500 ms)
 * makes the kernel answer the rest of the upload with a reset, and a browser's fetch reports a
 * network error instead of the 413 it was sent. So the host reads the rest and throws it away,
 * and the connection stays usable; only a client that keeps sending past DRAIN_LIMITS has its
 * connection closed. The server must run with `autoCleanupIncoming: false`.
 */
export function drainAfterResponse(incoming: IncomingMessage, outgoing: ServerResponse, limits = DRAIN_LIMITS): void {
  if (incoming.method === 'GET' || incoming.method === 'HEAD') return;
  outgoing.once('finish', () => {
    if (incoming.complete || incoming.destroyed) return;
    let bytes = 0;
    const stop = () => incoming.socket?.destroy();
    const timer = setTimeout(stop, limits.ms);
    timer.unref();
    // Whatever was reading the body (the web stream around it) has given up on it.
    incoming.removeAllListeners('data');
    incoming.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > limits.bytes) stop();
    });
    incoming.once('end', () => clearTimeout(timer));
    incoming.once('close', () => clearTimeout(timer));
    incoming.resume();
  });
}
