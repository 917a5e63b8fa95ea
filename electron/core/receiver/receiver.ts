import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { CaptureDetail, ReceiverSettings, ReceiverStatus } from '../../../shared/domain';
import type { Forwarder } from '../forward/forwarder';
import { recognizePayload } from '../recognition/recognize';
import type { RuleOutcome } from '../rules/engine';
import { type IncomingRequest, incomingRequest } from '../rules/incoming';
import { contentTypeOf } from '../store/capture-record';
import type { CaptureWriter } from '../store/capture-writer';
import type { Logger } from '../types';
import { type BodyReadResult, readBody } from './body-reader';
import { clientErrorResponse, type EarlyEnd, responseBytes } from './early-end';
import { echoListResponse, echoRoute, echoSendResponse } from './echo';
import { createReceiverServer, type ReceiverLimits, receiverLimits } from './limits';
import { busyOutcome, fixedOutcome, tooLargeOutcome } from './own-answers';
import {
  cutShortCapture,
  declaredLength,
  describeListenError,
  headerPairs,
  type Peer,
  StoreErrorLog,
} from './request-parts';
import { jsonResponse, storeUnavailableResponse } from './responses';
import { sendNow, sendOutcome } from './send-outcome';

/** After a stop cuts connections, how long the cut requests get to record what arrived. */
const RECORD_CUT_TIMEOUT_MS = 1000;

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
  /** Sends copies of requests whose rule forwards them. */
  forwarder?: Forwarder;
  /** Timeouts and sizes; the defaults suit production, tests shorten them. */
  limits?: Partial<ReceiverLimits>;
}

/**
 * The webhook receiver: any method, any path, any bytes. Every request is
 * stored before it is answered, so a sender that got a response will find its
 * request in the store even if the process dies right after.
 */
export class Receiver {
  private server: Server | null = null;
  /** Requests being handled, and who waits for that number to reach zero (a stop). */
  private active = 0;
  private readonly drainWaiters: (() => void)[] = [];
  private current: ReceiverStatus = { state: 'stopped', host: '', port: 0, url: null, error: null };
  private readonly limits: ReceiverLimits;
  /** The response being written on each connection, so an error never cuts into one already started. */
  private readonly responding = new WeakMap<Duplex, ServerResponse>();
  /** What a connection-level error made the receiver do, for the capture of the request it cut short. */
  private readonly earlyEnds = new WeakMap<Duplex, EarlyEnd>();
  private stopping = false;
  private readonly storeErrors: StoreErrorLog;
  /** Bytes of request bodies held by requests under way, against limits.maxBodyBytesInFlight. */
  private bodyBytesHeld = 0;

  constructor(private readonly deps: ReceiverDeps) {
    this.limits = receiverLimits(deps.limits);
    this.storeErrors = new StoreErrorLog((message) => deps.logger.error(message));
  }

  get status(): ReceiverStatus {
    return this.current;
  }

  async start(host: string, port: number): Promise<ReceiverStatus> {
    await this.stop();
    this.setStatus({ state: 'starting', host, port, url: null, error: null });
    let server: Server;
    try {
      server = await this.listen(host, port);
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
    this.adopt(server, host);
    return this.current;
  }

  /**
   * Moves a listening receiver to another address: the new one is bound before the old one is let
   * go, so an address that cannot be used (a port another program holds, a host of another
   * machine) leaves the receiver where it was. Resolves with null once it listens at the new
   * address, or with the reason it could not, in words. Not listening: the same as start().
   */
  async moveTo(host: string, port: number): Promise<string | null> {
    const old = this.server;
    if (!old || this.current.state !== 'listening') {
      const status = await this.start(host, port);
      return status.state === 'listening' ? null : status.error;
    }
    let server: Server;
    try {
      server = await this.listen(host, port);
    } catch (error) {
      const samePort = port === this.current.port && (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
      // Held by this receiver itself (another host on the same port): only a stop and start can move it.
      if (samePort) return this.restartAt(host, port);
      return `${describeListenError(error, host, port)} The receiver stays at ${this.current.url}.`;
    }
    this.server = null;
    this.retire(old);
    this.adopt(server, host);
    return null;
  }

  /** Stop, then start at the new address; if that fails, back to the old one. */
  private async restartAt(host: string, port: number): Promise<string | null> {
    const { host: oldHost, port: oldPort, url: oldUrl } = this.current;
    const status = await this.start(host, port);
    if (status.state === 'listening') return null;
    const reason = status.error;
    const back = await this.start(oldHost, oldPort);
    return back.state === 'listening'
      ? `${reason} The receiver stays at ${oldUrl}.`
      : `${reason} Going back to ${oldUrl} failed too: ${back.error}`;
  }

  private async listen(host: string, port: number): Promise<Server> {
    const server = createReceiverServer(this.limits, (req, res) => void this.handle(req, res));
    server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) =>
      this.onClientError(error, socket),
    );
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    return server;
  }

  private adopt(server: Server, host: string): void {
    server.on('error', (error) => this.deps.logger.error(`Receiver error: ${error.message}`));
    this.server = server;
    const bound = (server.address() as AddressInfo).port;
    this.setStatus({ state: 'listening', host, port: bound, url: receiverUrl(host, bound), error: null });
  }

  /** The old address of a move: no new connections; requests under way get the drain time to finish. */
  private retire(server: Server): void {
    server.close();
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), this.limits.drainTimeoutMs).unref();
  }

  /** Stops accepting, lets in-flight requests finish (bounded), then drops what is left. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await Promise.race([this.drained(), delay(this.limits.drainTimeoutMs)]);
    this.stopping = true;
    server.closeAllConnections();
    // Requests cut off just now still record the part that arrived before the store closes.
    await Promise.race([this.drained(), delay(RECORD_CUT_TIMEOUT_MS)]);
    await closed;
    this.stopping = false;
    this.setStatus({ ...this.current, state: 'stopped', url: null, error: null });
  }

  /**
   * Answers what Node's parser or timers rejected, as Node would (400, 408, 431), except
   * that nothing is written to a client that already went away, and what was sent is kept.
   */
  private onClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
    const code = error.code ?? 'UNKNOWN';
    const response = clientErrorResponse(code, this.limits.maxHeaderBytes);
    const started = this.responding.get(socket)?.headersSent ?? false;
    const answer = response !== null && socket.writable && !started;
    if (answer) socket.write(responseBytes(response));
    this.earlyEnds.set(socket, { code, errorMessage: error.message, answered: answer ? response : null });
    socket.destroy(error);
  }

  private drained(): Promise<void> {
    if (this.active === 0) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  /** Counted rather than each kept in a set: one promise less per request, and a stop only needs "all done". */
  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.active++;
    let held = 0;
    try {
      const receivedAt = Date.now();
      const limit = this.deps.settings().bodyLimitBytes;
      // Read now: a socket that closes mid-body no longer knows its peer.
      const peer: Peer = { address: req.socket.remoteAddress ?? '', port: req.socket.remotePort ?? 0 };
      this.responding.set(req.socket, res);
      res.once('close', () => {
        if (this.responding.get(req.socket) === res) this.responding.delete(req.socket);
      });
      const budget = this.bodyBudget(limit);
      const read = await readBody(req, limit, (bytes) => {
        if (this.bodyBytesHeld + bytes > budget) return false;
        this.bodyBytesHeld += bytes;
        held += bytes;
        return true;
      });
      if (!read.complete) {
        await this.recordCutShort(req, read, receivedAt, peer);
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
      const { headers, incoming, recognition, decided } = this.decide(req, read, limit, {
        method,
        target,
        echo,
      });
      let outcome = decided;
      const forward = outcome.forward;
      // Passthrough answers with the target's response, so the target is asked before anything is stored.
      if (forward?.passthrough && this.deps.forwarder)
        outcome = await this.deps.forwarder.passthrough(incoming, forward, outcome);
      const declared = declaredLength(req);
      let captureId: number;
      try {
        ({ id: captureId } = await this.deps.writer.write({
          receivedAt,
          method,
          path: target,
          httpVersion: req.httpVersion,
          headers,
          body: read.body,
          declaredBodySize: read.truncated ? (declared ?? read.receivedBytes) : null,
          truncated: read.truncated,
          remoteAddress: peer.address,
          remotePort: peer.port,
          response: outcome.response,
          kind: recognition.kind,
          valid: recognition.valid,
          findings: [...recognition.findings, ...outcome.findings],
          origin: outcome.origin,
          bucket: echo?.bucket ?? null,
        }));
      } catch (error) {
        this.storeErrors.failed(`${method} ${target}`, error);
        sendNow(res, storeUnavailableResponse());
        return;
      }
      if (forward && !forward.passthrough) this.deps.forwarder?.later(captureId, incoming, forward);
      // Most answers go out at once; only delays and faults need the asynchronous path.
      if (outcome.fault === null && outcome.delayMs === 0) sendNow(res, outcome.response);
      else await sendOutcome(req, res, outcome.response, outcome.fault, outcome.delayMs);
    } finally {
      this.bodyBytesHeld -= held;
      this.active--;
      if (this.active === 0) for (const wake of this.drainWaiters.splice(0)) wake();
    }
  }

  /** What a complete request is and how it is answered, worked out before anything is stored. */
  private decide(
    req: IncomingMessage,
    read: BodyReadResult,
    limit: number,
    { method, target, echo }: { method: string; target: string; echo: ReturnType<typeof echoRoute> },
  ) {
    const headers = headerPairs(req.rawHeaders);
    const contentType = contentTypeOf(headers);
    const incoming = incomingRequest({ method, target, headers, body: read.body, contentType, kind: null });
    // Recognition needs only doubles; rules and templates the exact digits. One parse serves both
    // unless a number needs its digits kept, and none happens unless something asks.
    const recognition = read.truncated
      ? { kind: null, valid: null, findings: [] }
      : recognizePayload(
          { method, path: target, contentType, body: incoming.content },
          () => incoming.plainJson,
        );
    incoming.kind = recognition.kind;
    const decided: RuleOutcome = read.overBudget
      ? busyOutcome(this.bodyBudget(limit), read.body.byteLength)
      : read.truncated
        ? tooLargeOutcome(limit)
        : echo
          ? fixedOutcome(echoSendResponse())
          : this.safeRespond(incoming);
    return { headers, incoming, recognition, decided };
  }

  /** At least one body at the limit always fits, so the limit stays reachable whatever the budget. */
  private bodyBudget(limit: number): number {
    return Math.max(this.limits.maxBodyBytesInFlight, limit);
  }

  /** A request whose body never completed is stored with what arrived and why it stopped. */
  private async recordCutShort(
    req: IncomingMessage,
    read: BodyReadResult,
    receivedAt: number,
    peer: Peer,
  ): Promise<void> {
    const end: EarlyEnd = this.stopping
      ? { code: 'stopping', errorMessage: null, answered: null }
      : (this.earlyEnds.get(req.socket) ?? { code: null, errorMessage: null, answered: null });
    try {
      await this.deps.writer.write(cutShortCapture(req, read, receivedAt, peer, end));
    } catch (error) {
      this.storeErrors.failed(`the cut-short ${req.method} ${req.url}`, error);
    }
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
        forward: null,
      };
    }
  }

  private setStatus(status: ReceiverStatus): void {
    this.current = status;
    this.deps.onStatus(status);
  }
}

export function receiverUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const bracketed = shown.includes(':') ? `[${shown}]` : shown;
  return `http://${bracketed}:${port}/`;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
