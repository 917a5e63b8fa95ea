import type { CaptureDetail, HeaderPair } from '../../../shared/domain';
import type { ReplayEdit, ReplayTarget } from '../../../shared/replay';
import type { HttpRequest } from '../http/index';

/**
 * Headers that describe one connection or one message framing, not the
 * request: the sender sets them anew for the target (RFC 9110 §7.6.1).
 */
const HOP_BY_HOP = new Set([
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

/** The captured path and query appended to the target's path: `/api` + `/hook/a?x=1` → `/api/hook/a?x=1`. */
export function rebaseUrl(targetUrl: string, capturedTarget: string): string {
  const target = new URL(targetUrl);
  const q = capturedTarget.indexOf('?');
  const path = q === -1 ? capturedTarget : capturedTarget.slice(0, q);
  const query = q === -1 ? '' : capturedTarget.slice(q);
  const base = target.pathname.endsWith('/') ? target.pathname.slice(0, -1) : target.pathname;
  return `${target.origin}${base}${path.startsWith('/') ? path : `/${path}`}${query}`;
}

/** The request a replay sends: the capture's method, headers and exact bytes, aimed at the target. */
export function replayRequest(
  capture: CaptureDetail,
  target: ReplayTarget,
  edit: ReplayEdit = {},
): HttpRequest {
  const drop = new Set(target.dropHeaders.map((name) => name.toLowerCase()));
  const overrides = new Map(
    target.overrideHeaders.map(([name, value]) => [name.toLowerCase(), [name, value] as HeaderPair]),
  );
  const headers: HeaderPair[] = [];
  for (const [name, value] of edit.headers ?? capture.headers) {
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower) || drop.has(lower) || overrides.has(lower)) continue;
    headers.push([name, value]);
  }
  headers.push(...overrides.values());
  const url = edit.url ?? (target.rebase ? rebaseUrl(target.targetUrl, capture.path) : target.targetUrl);
  const body = Buffer.from(edit.bodyBase64 ?? capture.bodyBase64, 'base64');
  return { method: edit.method ?? capture.method, url, headers, body: body.byteLength > 0 ? body : null };
}
