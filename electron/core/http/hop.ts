/**
 * One HTTP request/response over the shared Agent, through a small undici DispatchHandler: it
 * keeps the response's raw headers (case and order as received), reads the body up to a cap,
 * and notes when the first byte came back. It never throws: failures come back as `error`.
 */
import { performance } from 'node:perf_hooks';
import type { Dispatcher } from 'undici';
import type { ReceivedResponse } from '../../../shared/composer';
import type { HeaderPair } from '../../../shared/domain';
import { agentFor, markWriting, type SocketPhases, type WireObserver } from './agents';
import { type SendPhase, SendTimeoutError } from './errors';

export interface HopRequest {
  method: string;
  url: URL;
  headers: readonly HeaderPair[];
  /** Null or empty: no body. */
  body: Uint8Array | null;
}

export interface HopResult {
  response: ReceivedResponse | null;
  error: unknown;
  /** The header lines undici wrote (Host and Connection included); null if it never wrote them. */
  wireHeaders: HeaderPair[] | null;
  phases: SocketPhases | null;
  reused: boolean;
  /** performance.now() of the first response byte, or null. */
  firstByteAt: number | null;
}

/** undici writes Content-Length itself, after the header block it publishes. */
const EXPECTS_PAYLOAD = new Set(['POST', 'PUT', 'PATCH', 'QUERY', 'PROPFIND', 'PROPPATCH']);

function parseHeaderBlock(block: string): HeaderPair[] {
  const pairs: HeaderPair[] = [];
  for (const line of block.split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) pairs.push([line.slice(0, colon), line.slice(colon + 1).trim()]);
  }
  return pairs;
}

function rawPairs(raw: Dispatcher.DispatchController['rawHeaders']): HeaderPair[] | null {
  if (!Array.isArray(raw)) return null;
  const pairs: HeaderPair[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    // Header bytes are Latin-1 on the wire; decoding them so keeps every byte.
    const name = raw[i] as Buffer | string;
    const value = raw[i + 1] as Buffer | string;
    pairs.push([
      typeof name === 'string' ? name : name.toString('latin1'),
      typeof value === 'string' ? value : value.toString('latin1'),
    ]);
  }
  return pairs;
}

function parsedPairs(headers: Record<string, string | string[] | undefined>): HeaderPair[] {
  const pairs: HeaderPair[] = [];
  for (const [name, value] of Object.entries(headers)) {
    for (const one of Array.isArray(value) ? value : [value ?? '']) pairs.push([name, one]);
  }
  return pairs;
}

class HopHandler implements Dispatcher.DispatchHandler, WireObserver {
  readonly origin: string;
  readonly method: string;
  readonly path: string;
  private controller: Dispatcher.DispatchController | null = null;
  private pendingAbort: Error | null = null;
  private settled = false;
  private status = 0;
  private statusText = '';
  private headers: HeaderPair[] = [];
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  private size = 0;
  readonly result: HopResult = {
    response: null,
    error: null,
    wireHeaders: null,
    phases: null,
    reused: false,
    firstByteAt: null,
  };

  constructor(
    request: HopRequest,
    private readonly maxBytes: number,
    private readonly done: (result: HopResult) => void,
  ) {
    this.origin = request.url.origin;
    this.method = request.method;
    this.path = `${request.url.pathname}${request.url.search}`;
  }

  onWire(phases: SocketPhases | null, reused: boolean, headerBlock: string): void {
    this.result.phases = phases;
    this.result.reused = reused;
    this.result.wireHeaders = parseHeaderBlock(headerBlock);
  }

  get phase(): SendPhase {
    if (this.result.wireHeaders === null) return 'connecting';
    return this.result.firstByteAt === null ? 'waiting' : 'reading';
  }

  /** Ends the exchange now (timeout); a request still waiting for its connection is aborted when it starts. */
  abort(reason: Error): void {
    if (this.controller) this.controller.abort(reason);
    else this.pendingAbort = reason;
    this.finish(reason);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.pendingAbort) {
      controller.abort(this.pendingAbort);
      return;
    }
    markWriting(this);
  }

  onResponseStarted(): void {
    this.result.firstByteAt ??= performance.now();
  }

  onResponseStart(
    controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
    statusMessage?: string,
  ): void {
    if (statusCode < 200) return; // 1xx informational: the final answer follows
    this.result.firstByteAt ??= performance.now();
    this.status = statusCode;
    this.statusText = statusMessage ?? '';
    this.headers = rawPairs(controller.rawHeaders) ?? parsedPairs(headers);
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.size += chunk.byteLength;
    if (this.kept >= this.maxBytes) return;
    const part =
      this.kept + chunk.byteLength > this.maxBytes ? chunk.subarray(0, this.maxBytes - this.kept) : chunk;
    this.chunks.push(part);
    this.kept += part.byteLength;
  }

  onResponseEnd(): void {
    this.result.response = {
      status: this.status,
      statusText: this.statusText,
      headers: this.headers,
      bodyBase64: Buffer.concat(this.chunks).toString('base64'),
      bodySize: this.size,
      truncated: this.size > this.kept,
    };
    this.finish(null);
  }

  onResponseError(_controller: Dispatcher.DispatchController | null, error: Error): void {
    this.finish(error);
  }

  private finish(error: Error | null): void {
    if (this.settled) return;
    this.settled = true;
    this.result.error = error;
    this.done(this.result);
  }
}

/** The same bytes as a Buffer, without copying them (a replayed body can be megabytes). */
export function bufferView(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Sends one request and reads the whole answer, or fails by `timeoutMs`. */
export function sendHop(
  request: HopRequest,
  options: { verifyTls: boolean; timeoutMs: number; maxResponseBytes: number },
): Promise<HopResult> {
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const handler = new HopHandler(request, options.maxResponseBytes, (result) => {
      clearTimeout(timer);
      resolve(result);
    });
    timer = setTimeout(
      () => handler.abort(new SendTimeoutError(options.timeoutMs, handler.phase)),
      Math.max(0, options.timeoutMs),
    );
    const body = request.body !== null && request.body.byteLength > 0 ? bufferView(request.body) : null;
    const dispatchOptions: Dispatcher.DispatchOptions = {
      origin: request.url.origin,
      path: handler.path,
      method: request.method as Dispatcher.HttpMethod,
      headers: request.headers.flat(),
      body,
      // Our own timer is the one that ends the exchange, with words for the phase it was in.
      headersTimeout: 0,
      bodyTimeout: 0,
    };
    try {
      agentFor(options).dispatch(dispatchOptions, handler);
    } catch (error) {
      handler.onResponseError(null, error as Error);
    }
  });
}

/** The request headers as written: the published block plus the Content-Length undici appends. */
export function sentHeaders(request: HopRequest, wire: HeaderPair[] | null): HeaderPair[] {
  const bytes = request.body?.byteLength ?? 0;
  const headers: HeaderPair[] = wire ?? [['host', request.url.host], ...request.headers];
  if (bytes > 0 || EXPECTS_PAYLOAD.has(request.method)) headers.push(['content-length', String(bytes)]);
  return headers;
}
