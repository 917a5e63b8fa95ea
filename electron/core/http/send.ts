/**
 * `sendHttp`: one exchange with a real endpoint, as the composer, replay and the sender
 * simulators need it — exact body bytes, headers in order, a timeout over the whole exchange,
 * redirects followed or not, TLS verification on or off, timings, and failures in plain words.
 * It never throws. Connections are kept alive and shared (see ./agents).
 */
import { performance } from 'node:perf_hooks';
import type { HttpExchange, HttpFailure, HttpTimings } from '../../../shared/composer';
import type { HeaderPair } from '../../../shared/domain';
import { headerValue } from '../../../shared/headers';
import { describeHttpError, SendTimeoutError, shownUrl } from './errors';
import { bufferView, type HopRequest, type HopResult, sendHop, sentHeaders } from './hop';

export interface HttpRequest {
  method: string;
  url: string;
  headers: readonly HeaderPair[];
  /** The exact bytes to send; null (or empty) for none. */
  body: Uint8Array | null;
}

export interface HttpSendOptions {
  /** For the whole exchange, redirects included. */
  timeoutMs: number;
  followRedirects: boolean;
  verifyTls: boolean;
  /** Response bytes kept (the rest is read and counted, not kept). Default 5 MiB. */
  maxResponseBytes?: number;
  /** Default 10. */
  maxRedirects?: number;
  /** False where the user has no way to turn verification off (forwarding); default true. */
  canSkipTls?: boolean;
}

const DEFAULT_MAX_RESPONSE_BYTES = 5 * 1024 * 1024;
const DEFAULT_MAX_REDIRECTS = 10;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Headers describing the body, dropped when a redirect turns the request into a GET. */
const BODY_HEADERS = new Set(['content-type', 'content-length', 'content-encoding', 'content-language']);
/** Credentials are not carried to another origin, as browsers and curl do. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);

function ms(from: number, to: number | null): number | null {
  return to === null ? null : Math.round((to - from) * 100) / 100;
}

function timingsOf(start: number, first: HopResult, last: HopResult, end: number): HttpTimings {
  const phases = first.reused ? null : first.phases;
  return {
    dnsMs: ms(start, phases?.lookup ?? null),
    connectMs: ms(start, phases?.connect ?? null),
    tlsMs: ms(start, phases?.secure ?? null),
    firstByteMs: ms(start, last.firstByteAt),
    totalMs: ms(start, end) ?? 0,
    reusedConnection: first.reused,
  };
}

function badUrl(url: string): HttpFailure | URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return {
      code: 'bad-request',
      systemCode: null,
      message: `"${url}" is not a URL: write it in full, like http://127.0.0.1:7700/hook.`,
    };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return {
      code: 'bad-request',
      systemCode: null,
      message: `Cannot send to ${url}: only http:// and https:// URLs can be sent to.`,
    };
  }
  return parsed;
}

/** The request a redirect leads to, as browsers and curl shape it. */
function redirected(hop: HopRequest, status: number, location: URL): HopRequest {
  const toGet =
    status === 303 ? hop.method !== 'HEAD' : (status === 301 || status === 302) && hop.method === 'POST';
  const crossOrigin = location.origin !== hop.url.origin;
  const headers = hop.headers.filter(([name]) => {
    const lower = name.toLowerCase();
    if (lower === 'host') return false;
    if (toGet && BODY_HEADERS.has(lower)) return false;
    return !(crossOrigin && CREDENTIAL_HEADERS.has(lower));
  });
  return { method: toGet ? 'GET' : hop.method, url: location, headers, body: toGet ? null : hop.body };
}

/**
 * user:password in the URL is sent as Basic authorization, as curl does, unless the request
 * sets its own Authorization header (a redirect to another origin drops it, as any credential).
 */
function withUrlCredentials(headers: readonly HeaderPair[], url: URL): readonly HeaderPair[] {
  if (!url.username || headerValue(headers, 'authorization') !== null) return headers;
  const pair = `${decodedOrAsIs(url.username)}:${decodedOrAsIs(url.password)}`;
  return [...headers, ['Authorization', `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`]];
}

/** A URL's percent-encoded user or password; one with a broken escape (%zz) is sent as written. */
function decodedOrAsIs(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** An exchange for a request that was never put on the wire, and why (in `failure`). */
export function notSentExchange(request: HttpRequest, failure: HttpFailure): HttpExchange {
  const bodyBase64 = request.body ? bufferView(request.body).toString('base64') : '';
  const sent = { method: request.method, url: request.url, headers: [...request.headers], bodyBase64 };
  const zero: HttpTimings = {
    dnsMs: null,
    connectMs: null,
    tlsMs: null,
    firstByteMs: null,
    totalMs: 0,
    reusedConnection: false,
  };
  return {
    startedAt: new Date().toISOString(),
    request: sent,
    response: null,
    error: failure,
    timings: zero,
    redirects: [],
  };
}

/** Sends one request (following redirects when asked) and resolves with the whole exchange. */
export async function sendHttp(request: HttpRequest, options: HttpSendOptions): Promise<HttpExchange> {
  const startedAt = new Date().toISOString();
  const start = performance.now();
  const url = badUrl(request.url);
  if (!(url instanceof URL)) return notSentExchange(request, url);
  const bodyBase64 = request.body ? bufferView(request.body).toString('base64') : '';

  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const deadline = start + options.timeoutMs;
  const redirects: { status: number; url: string }[] = [];
  let hop: HopRequest = {
    method: request.method,
    url,
    headers: withUrlCredentials(request.headers, url),
    body: request.body,
  };
  let first: HopResult | null = null;
  let result: HopResult;
  let error: HttpFailure | null = null;
  for (;;) {
    const remaining = deadline - performance.now();
    result = await sendHop(hop, {
      verifyTls: options.verifyTls,
      timeoutMs: remaining,
      maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    });
    first ??= result;
    if (result.error !== null) {
      // A timeout names the limit the user set, not what was left of it after redirects.
      const cause =
        result.error instanceof SendTimeoutError
          ? new SendTimeoutError(options.timeoutMs, result.error.phase)
          : result.error;
      error = describeHttpError(cause, shownUrl(hop.url), hop.url.hostname, options.canSkipTls !== false);
      break;
    }
    const response = result.response;
    const location = response ? headerValue(response.headers, 'location') : null;
    if (!options.followRedirects || !response || !REDIRECTS.has(response.status) || location === null) break;
    const next = badUrl(new URL(location, hop.url).href);
    if (!(next instanceof URL)) {
      error = next;
      break;
    }
    if (redirects.length >= maxRedirects) {
      error = {
        code: 'too-many-redirects',
        systemCode: null,
        message: `Stopped after ${maxRedirects} redirects starting at ${shownUrl(url)}: the server keeps redirecting (a loop?).`,
      };
      break;
    }
    redirects.push({ status: response.status, url: next.href });
    hop = redirected(hop, response.status, next);
  }
  const end = performance.now();
  return {
    startedAt,
    request: {
      method: request.method,
      url: url.href,
      headers: sentHeaders(
        { ...request, headers: withUrlCredentials(request.headers, url), url },
        first.wireHeaders,
      ),
      bodyBase64,
    },
    response: error === null ? result.response : null,
    error,
    timings: timingsOf(start, first, result, end),
    redirects,
  };
}
