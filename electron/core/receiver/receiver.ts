import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CaptureDetail, HeaderPair, ReceiverSettings, ReceiverStatus } from '../../../shared/domain';
import { recognizePayload } from '../recognition/recognize';
import type { RuleOutcome } from '../rules/engine';
import { type IncomingRequest, incomingRequest } from '../rules/incoming';
import { contentTypeOf } from '../store/capture-record';
import type { CaptureWriter } from '../store/capture-writer';
import type { Logger } from '../types';
import { readBody } from './body-reader';
import { echoListResponse, echoRoute, echoSendResponse } from './echo';
import { jsonResponse, type PlannedResponse, storeUnavailableResponse, tooLargeResponse } from './responses';
import { sendNow, sendOutcome } from './send-outcome';

/** How long a stop waits for requests already being handled. */
const DRAIN_TIMEOUT_MS = 5000;

export interface ReceiverDeps {
  writer: CaptureWriter;
  /** Read on every request, so a new body limit applies without a restart. */
  settings: () => ReceiverSettings;
  /** Decides the answer (rules, presets, fallback); must not throw. */
  respond: (request: IncomingRequest) => RuleOutcome;
  /** The newest captures of an echo bucket, for `GET /echo-list/<bucket>/`. */
  echoList: (bucket: string) => CaptureDetail[];
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
    const method = req.method ?? 'GET';
    const target = req.url ?? '/';
    const echo = echoRoute(method, target);
    if (echo?.kind === 'list') {
      // A read of the echo list is not itself a webhook; recording it would fill the bucket view with reads.
      sendNow(res, echoListResponse(this.deps.echoList(echo.bucket)));
      return;
    }
    const headers = headerPairs(req.rawHeaders);
    const contentType = contentTypeOf(headers);
    const recognition = read.truncated
      ? { kind: null, valid: null, findings: [] }
      : recognizePayload({ method, path: target, contentType, body: read.body });
    const outcome: RuleOutcome = read.truncated
      ? tooLargeOutcome(limit)
      : echo
        ? fixedOutcome(echoSendResponse())
        : this.safeRespond(
            incomingRequest({
              method,
              target,
              headers,
              body: read.body,
              contentType,
              kind: recognition.kind,
            }),
          );
    const declared = declaredLength(req);
    try {
      await this.deps.writer.write({
        receivedAt,
        method,
        path: target,
        httpVersion: req.httpVersion,
        headers,
        body: read.body,
        declaredBodySize: read.truncated ? (declared ?? read.receivedBytes) : null,
        truncated: read.truncated,
        remoteAddress: req.socket.remoteAddress ?? '',
        remotePort: req.socket.remotePort ?? 0,
        response: outcome.response,
        kind: recognition.kind,
        valid: recognition.valid,
        findings: [...recognition.findings, ...outcome.findings],
        origin: outcome.origin,
        bucket: echo?.bucket ?? null,
      });
    } catch (error) {
      this.deps.logger.error(`Could not store ${method} ${target}: ${(error as Error).message}`);
      sendNow(res, storeUnavailableResponse());
      return;
    }
    await sendOutcome(req, res, outcome.response, outcome.fault, outcome.delayMs);
  }

  /** A bug in a rule must cost one 500, never the receiver. */
  private safeRespond(request: IncomingRequest): RuleOutcome {
    try {
      return this.deps.respond(request);
    } catch (error) {
      const message = `Hookbench could not build the answer: ${(error as Error).message}`;
      this.deps.logger.error(message);
      return {
        response: jsonResponse(500, { error: 'responder_failed', message }),
        fault: null,
        delayMs: 0,
        origin: { ruleId: null, ruleName: null, fault: null, error: message },
        findings: [],
      };
    }
  }

  private setStatus(status: ReceiverStatus): void {
    this.current = status;
    this.deps.onStatus(status);
  }
}

function tooLargeOutcome(limit: number): RuleOutcome {
  return fixedOutcome(tooLargeResponse(limit));
}

/** An answer the receiver gives itself, without consulting the rules. */
function fixedOutcome(response: PlannedResponse): RuleOutcome {
  return {
    response,
    fault: null,
    delayMs: 0,
    origin: { ruleId: null, ruleName: null, fault: null, error: null },
    findings: [],
  };
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
