import type { HeaderPair } from '../../../shared/domain';
import { type ReplayEdit, type ReplayTarget, rebaseOnto } from '../../../shared/replay';
import type { HttpRequest } from '../http/index';
import type { CapturedRequest } from '../store/capture-store';

/**
 * Headers that describe one connection or one message's framing, not the message: whoever
 * sends a copy (replay, forwarding, a passed-through answer) sets them anew (RFC 9110 §7.6.1).
 */
export const HOP_BY_HOP = new Set([
  'host',
  'content-length',
  'connection',
  'transfer-encoding',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'upgrade',
  'expect',
]);

/** What an outgoing copy of a request keeps and where it goes. */
export interface OutgoingTarget {
  targetUrl: string;
  rebase: boolean;
  dropHeaders: readonly string[];
  overrideHeaders: readonly HeaderPair[];
}

/** A received request, as copies are made from it. */
export interface SourceRequest {
  method: string;
  target: string;
  headers: readonly HeaderPair[];
  body: Uint8Array;
}

/** The headers a Connection header names: hop-by-hop as well (RFC 9110 §7.6.1); null for none. */
function connectionNamed(headers: readonly HeaderPair[]): Set<string> | null {
  let named: Set<string> | null = null;
  for (const [name, value] of headers) {
    if (name.toLowerCase() !== 'connection') continue;
    for (const token of value.split(',')) {
      const option = token.trim().toLowerCase();
      if (option !== '') {
        named ??= new Set();
        named.add(option);
      }
    }
  }
  return named;
}

/** A received request re-aimed at a target: same method, headers and exact bytes; hop-by-hop headers set anew. */
export function outgoingRequest(request: SourceRequest, target: OutgoingTarget): HttpRequest {
  return outgoingTo(target)(request);
}

/** outgoingRequest with the target's URL and header edits worked out once, for a run of copies. */
export function outgoingTo(target: OutgoingTarget): (request: SourceRequest) => HttpRequest {
  const drop = new Set(target.dropHeaders.map((name) => name.toLowerCase()));
  const overrides = new Map(
    target.overrideHeaders.map(([name, value]) => [name.toLowerCase(), [name, value] as HeaderPair]),
  );
  const rebase = target.rebase ? rebaseOnto(target.targetUrl) : null;
  return (request) => {
    const headers: HeaderPair[] = [];
    const named = connectionNamed(request.headers);
    for (const [name, value] of request.headers) {
      const lower = name.toLowerCase();
      if (HOP_BY_HOP.has(lower) || named?.has(lower) || drop.has(lower) || overrides.has(lower)) continue;
      headers.push([name, value]);
    }
    for (const pair of overrides.values()) headers.push(pair);
    const url = rebase ? rebase(request.target) : target.targetUrl;
    return { method: request.method, url, headers, body: request.body.byteLength > 0 ? request.body : null };
  };
}

/** The request a replay sends: the capture's method, headers and exact bytes, aimed at the target. */
export function replayRequest(
  capture: CapturedRequest,
  target: ReplayTarget,
  edit: ReplayEdit = {},
): HttpRequest {
  const request = outgoingTo(target)({
    method: edit.method ?? capture.method,
    target: capture.path,
    headers: edit.headers ?? capture.headers,
    body: edit.bodyBase64 === undefined ? capture.body : Buffer.from(edit.bodyBase64, 'base64'),
  });
  return edit.url ? { ...request, url: edit.url } : request;
}

/** The requests of a bulk run (captures as they are, no edits), with the target worked out once. */
export function replaysTo(target: ReplayTarget): (capture: CapturedRequest) => HttpRequest {
  const aim = outgoingTo(target);
  return (capture) =>
    aim({ method: capture.method, target: capture.path, headers: capture.headers, body: capture.body });
}
