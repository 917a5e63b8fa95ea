import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HeaderPair, ReceiverSettings, ReceiverStatus } from '../../../shared/domain';
import type { CaptureWriter } from '../store/capture-writer';
import type { Logger } from '../types';
import { readBody } from './body-reader';
import {
  defaultResponse,
  type PlannedResponse,
  storeUnavailableResponse,
  tooLargeResponse,
} from './responses';

/** How long a stop waits for requests already being handled. */
const DRAIN_TIMEOUT_MS = 5000;

export interface ReceiverDeps {
  writer: CaptureWriter;
  /** Read on every request, so a new body limit applies without a restart. */
  settings: () => ReceiverSettings;
  onStatus: (status: ReceiverStatus) => void;
  logger: Logger;
}

/**
 * The webhook receiver: any method, any path, any bytes. Every request is
 * stored before it is answered, so a sender that got a response will find its
 * request in the store even if the process dies right after.
 */
export class Receiver {
  private server: Server | null = null;
  private readonly inFlight = new Set<Promise<void>>();
  private current: ReceiverStatus = { state: 'stopped', host: '', port: 0, url: null, error: null };

  constructor(private readonly deps: ReceiverDeps) {}

  get status(): ReceiverStatus {
    return this.current;
  }

  async start(host: string, port: number): Promise<ReceiverStatus> {
    await this.stop();
    this.setStatus({ state: 'starting', host, port, url: null, error: null });
    const server = createServer((req, res) => this.track(this.handle(req, res)));
    // Senders often keep connections open between batches; keep them a little longer than Node's 5 s.
    server.keepAliveTimeout = 10_000;
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
    } catch (error) {
      this.setStatus({
        state: 'error',
        host,
        port,
        url: null,
        error: describeListenError(error, host, port),
      });
      return this.current;
    }
    server.on('error', (error) => this.deps.logger.error(`Receiver error: ${error.message}`));
    this.server = server;
    const bound = (server.address() as AddressInfo).port;
    this.setStatus({ state: 'listening', host, port: bound, url: receiverUrl(host, bound), error: null });
    return this.current;
  }

  /** Stops accepting, lets in-flight requests finish (bounded), then drops what is left. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await Promise.race([Promise.allSettled([...this.inFlight]), delay(DRAIN_TIMEOUT_MS)]);
    server.closeAllConnections();
    await closed;
    this.setStatus({ ...this.current, state: 'stopped', url: null, error: null });
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = Date.now();
    const limit = this.deps.settings().bodyLimitBytes;
    let read: Awaited<ReturnType<typeof readBody>>;
    try {
      read = await readBody(req, limit);
    } catch (error) {
      this.deps.logger.warn(`Request ${req.method} ${req.url} ended early: ${(error as Error).message}`);
      return;
    }
    const planned = read.truncated ? tooLargeResponse(limit) : defaultResponse();
    const declared = declaredLength(req);
    try {
      await this.deps.writer.write({
        receivedAt,
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        httpVersion: req.httpVersion,
        headers: headerPairs(req.rawHeaders),
        body: read.body,
        declaredBodySize: read.truncated ? (declared ?? read.receivedBytes) : null,
        truncated: read.truncated,
        remoteAddress: req.socket.remoteAddress ?? '',
        remotePort: req.socket.remotePort ?? 0,
        response: planned,
      });
    } catch (error) {
      this.deps.logger.error(`Could not store ${req.method} ${req.url}: ${(error as Error).message}`);
      send(res, storeUnavailableResponse());
      return;
    }
    send(res, planned);
  }

  private setStatus(status: ReceiverStatus): void {
    this.current = status;
    this.deps.onStatus(status);
  }
}

function send(res: ServerResponse, response: PlannedResponse): void {
  if (res.destroyed) return;
  // Node leaves an unread remainder of the request (an oversized upload) to be
  // drained after this response, so the client still reads the 413.
  res.writeHead(response.status, response.headers.flat());
  res.end(response.body);
}

/** Node gives raw headers as a flat [name, value, name, value…] list in wire order. */
function headerPairs(raw: readonly string[]): HeaderPair[] {
  const pairs: HeaderPair[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i] as string, raw[i + 1] as string]);
  return pairs;
}

function declaredLength(req: IncomingMessage): number | null {
  const value = req.headers['content-length'];
  if (value === undefined) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

export function receiverUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const bracketed = shown.includes(':') ? `[${shown}]` : shown;
  return `http://${bracketed}:${port}/`;
}

function describeListenError(error: unknown, host: string, port: number): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return `Port ${port} on ${host} is already in use by another program.`;
  if (code === 'EACCES') return `Not allowed to listen on port ${port} (ports below 1024 need extra rights).`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return `${host} is not an address of this machine.`;
  return `Could not listen on ${host}:${port}: ${(error as Error).message}`;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
