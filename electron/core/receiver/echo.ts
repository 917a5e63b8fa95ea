import type { CaptureDetail } from '../../../shared/domain';
import { jsonResponse, type PlannedResponse } from './responses';

/**
 * Compatibility with the CRM platform's echo service (seed 002):
 * `ANY /echo-send/<secret>/…` records the request under bucket <secret> and
 * answers 200; `GET /echo-list/<secret>/` lists that bucket's last 100.
 */
export type EchoRoute = { kind: 'send'; bucket: string } | { kind: 'list'; bucket: string };

const ROUTE = /^\/echo-(send|list)\/([^/?#]+)(?:[/?#]|$)/;
export const ECHO_LIST_LIMIT = 100;

export function echoRoute(method: string, target: string): EchoRoute | null {
  const match = ROUTE.exec(target);
  if (!match) return null;
  let bucket: string;
  try {
    bucket = decodeURIComponent(match[2] as string);
  } catch {
    return null;
  }
  if (match[1] === 'list') return method === 'GET' ? { kind: 'list', bucket } : null;
  return { kind: 'send', bucket };
}

export function echoSendResponse(): PlannedResponse {
  return jsonResponse(200, { ok: true });
}

/** The bucket's requests, newest first; bodies as text, or base64 with a flag when not UTF-8. */
export function echoListResponse(captures: readonly CaptureDetail[]): PlannedResponse {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return jsonResponse(
    200,
    captures.map((capture) => {
      const bytes = Buffer.from(capture.bodyBase64, 'base64');
      let body: string;
      let bodyIsBase64 = false;
      try {
        body = decoder.decode(bytes);
      } catch {
        body = capture.bodyBase64;
        bodyIsBase64 = true;
      }
      const q = capture.path.indexOf('?');
      return {
        id: capture.id,
        receivedAt: capture.receivedAt,
        method: capture.method,
        path: q === -1 ? capture.path : capture.path.slice(0, q),
        query: q === -1 ? '' : capture.path.slice(q + 1),
        headers: capture.headers,
        body,
        bodyIsBase64,
      };
    }),
  );
}
