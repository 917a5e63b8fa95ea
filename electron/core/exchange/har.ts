import type { Entry, Har, Header } from 'har-format';
import type { CaptureDetail, HeaderPair } from '../../../shared/domain';
import { CoreError } from '../errors';
import { contentTypeOf, type NewCapture } from '../store/capture-record';

export const DEFAULT_REDACTED_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie'];
export const REDACTED = '[redacted by Hookbench]';
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Hookbench's HAR extension: the exact body bytes, since HAR's `text` cannot carry arbitrary bytes. */
/** Hookbench's own field: the request target exactly as received, which a URL would normalise. */
interface ExactTarget {
  _path?: string;
}

interface ExactBody {
  _bodyBase64?: string;
}

/**
 * HAR 1.2 of captures. Bodies go in `postData.text` / `content.text` (base64
 * with `encoding` for bytes that are not UTF-8, as browsers do for responses)
 * and, exactly, in `_bodyBase64`, so an import gives back the same bytes.
 */
export function capturesToHar(
  captures: Iterable<CaptureDetail>,
  redact: readonly string[] = DEFAULT_REDACTED_HEADERS,
): Har {
  const hidden = new Set(redact.map((name) => name.toLowerCase()));
  const entries: Entry[] = [];
  for (const capture of captures) entries.push(toEntry(capture, hidden));
  return { log: { version: '1.2', creator: { name: 'Hookbench', version: '0.1.0' }, entries } };
}

/**
 * The origin a capture was sent to, from its Host header; any Host a URL cannot hold (a space,
 * a path, none at all) becomes localhost, so one odd request never stops an export.
 */
function originOf(capture: CaptureDetail): string {
  const host = capture.headers.find(([name]) => name.toLowerCase() === 'host')?.[1]?.trim() ?? '';
  // A host, with a port or not: nothing a URL would read as a path, a login or a second host.
  if (host !== '' && !/[\s/@?#\\]/.test(host)) {
    try {
      return new URL(`http://${host}`).origin;
    } catch {
      // Not a host a URL can hold.
    }
  }
  return 'http://localhost';
}

/** The request's URL: its target after the origin, as sent (`//x/y` stays a path, not another host). */
function urlOf(capture: CaptureDetail): URL {
  const origin = originOf(capture);
  if (capture.path.startsWith('/')) {
    try {
      return new URL(`${origin}${capture.path}`);
    } catch {
      // Falls through to the escaped form below.
    }
  } else if (/^https?:\/\//i.test(capture.path)) {
    try {
      return new URL(capture.path);
    } catch {
      // Falls through to the escaped form below.
    }
  }
  return new URL(`${origin}/${encodeURIComponent(capture.path)}`);
}

function toEntry(capture: CaptureDetail, hidden: ReadonlySet<string>): Entry {
  const url = urlOf(capture);
  const request = Buffer.from(capture.bodyBase64, 'base64');
  const response = Buffer.from(capture.response.bodyBase64, 'base64');
  const requestText = asText(request);
  const responseText = asText(response);
  const postData =
    request.byteLength === 0
      ? undefined
      : ({
          mimeType: capture.contentType ?? 'application/octet-stream',
          text: requestText ?? request.toString('base64'),
          ...(requestText === null ? { encoding: 'base64' } : {}),
          _bodyBase64: capture.bodyBase64,
        } as Entry['request']['postData'] & ExactBody);
  return {
    startedDateTime: capture.receivedAt,
    time: 0,
    request: {
      method: capture.method,
      url: url.href,
      // The target exactly as received: a URL normalises it (/a/../b, spaces, non-ASCII).
      _path: capture.path,
      httpVersion: `HTTP/${capture.httpVersion}`,
      cookies: [],
      headers: toHarHeaders(capture.headers, hidden),
      queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
      ...(postData ? { postData } : {}),
      headersSize: -1,
      bodySize: request.byteLength,
    } as Entry['request'] & ExactTarget,
    response: {
      status: capture.response.status,
      statusText: '',
      httpVersion: `HTTP/${capture.httpVersion}`,
      cookies: [],
      headers: toHarHeaders(capture.response.headers, hidden),
      content: {
        size: response.byteLength,
        mimeType: contentTypeOf(capture.response.headers) ?? 'application/octet-stream',
        text: responseText ?? response.toString('base64'),
        ...(responseText === null ? { encoding: 'base64' } : {}),
      },
      redirectURL: '',
      headersSize: -1,
      bodySize: response.byteLength,
    },
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
    ...(capture.remoteAddress ? { serverIPAddress: capture.remoteAddress } : {}),
    ...(capture.note ? { comment: capture.note } : {}),
    ...(capture.pinned ? { _pinned: true } : {}),
  };
}

function toHarHeaders(headers: readonly HeaderPair[], hidden: ReadonlySet<string>): Header[] {
  return headers.map(([name, value]) => ({ name, value: hidden.has(name.toLowerCase()) ? REDACTED : value }));
}

function asText(bytes: Uint8Array): string | null {
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Reads a HAR file (Hookbench's own, browsers', HTTP Toolkit's, webhook.site's)
 * into captures. Throws a CoreError naming the first entry that cannot be read.
 */
export function harToCaptures(text: string): NewCapture[] {
  let document: unknown;
  try {
    // Some tools save HAR files with a byte-order mark, which JSON.parse refuses.
    document = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    throw new CoreError(
      'bad_request',
      `The file is not JSON, so not a HAR file: ${(error as Error).message}`,
    );
  }
  const entries = (document as { log?: { entries?: unknown } } | null)?.log?.entries;
  if (!Array.isArray(entries))
    throw new CoreError('bad_request', 'This is not a HAR file: it has no log.entries list.');
  return entries.map((entry, i) => {
    try {
      return fromEntry(entry as Entry);
    } catch (error) {
      throw new CoreError(
        'bad_request',
        `HAR entry ${i + 1} cannot be imported: ${(error as Error).message}`,
      );
    }
  });
}

/** A HAR header list as pairs; says which field is wrong rather than failing inside a map. */
function headerList(value: unknown, field: string): HeaderPair[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new Error(`${field} is not a list of {"name", "value"} headers.`);
  return value.map((header: unknown, i) => {
    if (typeof header !== 'object' || header === null)
      throw new Error(`${field}[${i}] is not a {"name", "value"} header.`);
    const pair = header as Header;
    return [String(pair.name), String(pair.value)];
  });
}

function fromEntry(entry: Entry): NewCapture {
  if (typeof entry !== 'object' || entry === null) throw new Error('it is not an object.');
  const { request, response } = entry;
  if (typeof request?.method !== 'string' || typeof request.url !== 'string')
    throw new Error('it has no request method and URL.');
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    throw new Error(`"${request.url}" is not a URL.`);
  }
  const headers = headerList(request.headers, 'request.headers');
  const postData = request.postData as
    | (typeof request.postData & ExactBody & { encoding?: string })
    | undefined;
  const body = postData
    ? bodyBytes(postData._bodyBase64, postData.text, postData.encoding, postData.params)
    : new Uint8Array();
  const exactPath = (request as ExactTarget)._path;
  const received = Date.parse(entry.startedDateTime);
  const content = response?.content;
  const responseBody = content ? bodyBytes(undefined, content.text, content.encoding) : new Uint8Array();
  return {
    receivedAt: Number.isNaN(received) ? Date.now() : received,
    method: request.method.toUpperCase(),
    path: typeof exactPath === 'string' ? exactPath : `${url.pathname}${url.search}`,
    httpVersion: /^HTTP\/(\d(\.\d)?)$/i.exec(request.httpVersion ?? '')?.[1] ?? '1.1',
    headers,
    body,
    declaredBodySize: null,
    truncated: false,
    remoteAddress: entry.serverIPAddress ?? '',
    remotePort: 0,
    response: {
      status: Number.isInteger(response?.status) && response.status > 0 ? response.status : 0,
      headers: headerList(response?.headers, 'response.headers'),
      body: responseBody,
    },
    kind: null,
    valid: null,
    findings: [{ severity: 'info', path: null, message: 'Imported from a HAR file.' }],
    origin: { ruleId: null, ruleName: null, fault: null, error: null },
    bucket: null,
    marks: {
      pinned: (entry as Entry & { _pinned?: unknown })._pinned === true,
      note: typeof entry.comment === 'string' && entry.comment !== '' ? entry.comment : null,
    },
  };
}

function bodyBytes(
  exact: string | undefined,
  text: string | undefined,
  encoding: string | undefined,
  params?: { name: string; value?: string }[],
): Uint8Array {
  if (typeof exact === 'string') return Buffer.from(exact, 'base64');
  if (typeof text === 'string')
    return encoding === 'base64' ? Buffer.from(text, 'base64') : Buffer.from(text, 'utf8');
  if (Array.isArray(params) && params.length > 0) {
    return Buffer.from(
      new URLSearchParams(params.map((p): [string, string] => [p.name, p.value ?? ''])).toString(),
      'utf8',
    );
  }
  return new Uint8Array();
}
