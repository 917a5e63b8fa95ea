import { createServer, type RequestListener, type Server } from 'node:http';

/**
 * How long and how large the receiver lets one connection be. A webhook
 * receiver faces whatever the network sends, so every wait is bounded: a
 * client trickling its headers (slowloris) or its body cannot hold a socket
 * forever, and a server stop cannot hang on a request that never ends.
 */
export interface ReceiverLimits {
  /** The request line and headers must have arrived within this. */
  headersTimeoutMs: number;
  /** The whole request, body included, must have arrived within this. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** How often Node checks the two timeouts above; they fire up to this much late. */
  timeoutCheckIntervalMs: number;
  /** On stop, requests still being handled get this long to finish. */
  drainTimeoutMs: number;
  /**
   * Size of the request line plus headers. Node's default (16 KiB) answers 431 to a
   * 16 KiB query string, which real senders do produce; 80 KiB keeps a 64 KiB URL.
   */
  maxHeaderBytes: number;
  /**
   * Request bodies held in memory at once, all connections together (at least one body limit's
   * worth): each body may be up to the limit, so without this a few hundred large uploads at once
   * would exhaust memory. A request that would cross it is answered 503 with what arrived kept.
   */
  maxBodyBytesInFlight: number;
  /** Open connections at once; more are refused, bounding sockets (and descriptors) held by slow clients. */
  maxConnections: number;
}

export const DEFAULT_RECEIVER_LIMITS: Readonly<ReceiverLimits> = Object.freeze({
  headersTimeoutMs: 30_000,
  requestTimeoutMs: 5 * 60_000,
  // Senders often keep connections open between batches; a little longer than Node's 5 s.
  keepAliveTimeoutMs: 10_000,
  timeoutCheckIntervalMs: 1_000,
  drainTimeoutMs: 5_000,
  maxHeaderBytes: 80 * 1024,
  maxBodyBytesInFlight: 512 * 1024 * 1024,
  maxConnections: 10_000,
});

export function receiverLimits(overrides: Partial<ReceiverLimits> = {}): ReceiverLimits {
  const limits = { ...DEFAULT_RECEIVER_LIMITS, ...overrides };
  // Node refuses a headers timeout longer than the request timeout.
  if (limits.requestTimeoutMs > 0)
    limits.headersTimeoutMs = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs);
  return limits;
}

/** The receiver's HTTP server with the limits applied. */
export function createReceiverServer(limits: ReceiverLimits, listener: RequestListener): Server {
  const server = createServer(
    {
      maxHeaderSize: limits.maxHeaderBytes,
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: limits.timeoutCheckIntervalMs,
    },
    listener,
  );
  // Node keeps only the first 2000 headers and drops the rest silently; a capture must be
  // exact, so the count is unlimited and maxHeaderBytes alone bounds the head.
  server.maxHeadersCount = 0;
  server.maxConnections = limits.maxConnections;
  // A sender may close its side right after the request (`printf … | nc`, some HTTP/1.0
  // clients). By default Node then drops the request unanswered unless the answer was already
  // written; answers wait for the capture's commit (and rule delays), so keep the socket open
  // for them. A long-standing public field of http.Server, though missing from @types/node.
  (server as Server & { httpAllowHalfOpen: boolean }).httpAllowHalfOpen = true;
  return server;
}
