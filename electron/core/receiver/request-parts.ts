import type { IncomingMessage } from 'node:http';
import type { HeaderPair } from '../../../shared/domain';
import type { NewCapture } from '../store/capture-record';
import type { BodyReadResult } from './body-reader';
import { describeEarlyEnd, type EarlyEnd } from './early-end';
import { echoRoute } from './echo';

/** Node gives raw headers as a flat [name, value, name, value…] list in wire order. */
export function headerPairs(raw: readonly string[]): HeaderPair[] {
  const pairs: HeaderPair[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i] as string, raw[i + 1] as string]);
  return pairs;
}

export function declaredLength(req: IncomingMessage): number | null {
  const value = req.headers['content-length'];
  if (value === undefined) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

export interface Peer {
  address: string;
  port: number;
}

/**
 * The capture of a request whose body never completed: the bytes that arrived,
 * marked truncated, a finding saying why, and as its response what the
 * receiver sent (status 0 when nothing was).
 */
export function cutShortCapture(
  req: IncomingMessage,
  read: BodyReadResult,
  receivedAt: number,
  peer: Peer,
  end: EarlyEnd,
): NewCapture {
  const method = req.method ?? 'GET';
  const target = req.url ?? '/';
  const echo = echoRoute(method, target);
  const declared = declaredLength(req);
  return {
    receivedAt,
    method,
    path: target,
    httpVersion: req.httpVersion,
    headers: headerPairs(req.rawHeaders),
    body: read.body,
    declaredBodySize: declared,
    truncated: true,
    remoteAddress: peer.address,
    remotePort: peer.port,
    response: end.answered ?? { status: 0, headers: [], body: new Uint8Array() },
    kind: null,
    valid: null,
    findings: [
      { severity: 'error', message: describeEarlyEnd(end, read.receivedBytes, declared), path: null },
    ],
    origin: { ruleId: null, ruleName: null, fault: null, error: null },
    bucket: echo?.kind === 'send' ? echo.bucket : null,
  };
}

/** How often a failing store is logged: one line per interval with a count, not one per request. */
const STORE_ERROR_LOG_INTERVAL_MS = 10_000;

/** Logs store failures at a bounded rate, so a sender hammering a full disk cannot flood the log. */
export class StoreErrorLog {
  private lastAt = 0;
  private suppressed = 0;

  constructor(private readonly log: (message: string) => void) {}

  failed(what: string, error: unknown): void {
    const now = Date.now();
    if (now - this.lastAt < STORE_ERROR_LOG_INTERVAL_MS) {
      this.suppressed++;
      return;
    }
    const more = this.suppressed > 0 ? ` (${this.suppressed} more since the last report)` : '';
    this.log(`Could not store ${what}: ${(error as Error).message}${more}`);
    this.lastAt = now;
    this.suppressed = 0;
  }
}

export function describeListenError(error: unknown, host: string, port: number): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return `Port ${port} on ${host} is already in use by another program.`;
  if (code === 'EACCES') return `Not allowed to listen on port ${port} (ports below 1024 need extra rights).`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return `${host} is not an address of this machine.`;
  return `Could not listen on ${host}:${port}: ${(error as Error).message}`;
}
