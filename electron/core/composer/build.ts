/**
 * Renders a composer request into what goes on the wire: URL, headers and exact body bytes.
 * The body renders in the request's mode (json-safe or the platform's raw); URL, header values
 * and auth fields render in text mode. GET sends no body: the rendered body's top-level fields
 * become query parameters, as the CRM platform's reverse integration does for GET. Auth headers
 * come last, and HMAC signs the exact bytes sent (for GET, the empty body).
 */
import { createHmac } from 'node:crypto';
import type { ComposerAuth, ComposerRequest, PreviewProblem, RequestPart } from '../../../shared/composer';
import type { HeaderPair } from '../../../shared/domain';
import { isJsonType, parseMediaType } from '../doctor/content-type';
import { type RenderMode, type RenderResult, renderTemplate } from '../templates/index';
import type { RenderData } from './data';

export interface BuiltRequest {
  method: ComposerRequest['method'];
  url: string;
  headers: HeaderPair[];
  /** The bytes sent: the rendered body for POST, empty for GET. */
  body: Buffer;
  /** The body template's render (with a source map when asked), in the request's mode. */
  bodyRender: RenderResult;
  query: HeaderPair[] | null;
  /** Why a GET body could not become query parameters; null when it could (or for POST). */
  queryError: string | null;
  problems: PreviewProblem[];
  /**
   * False when it cannot be sent: template errors, a URL that is not http(s), or a GET whose
   * body cannot become query parameters (sent anyway, it would reach the endpoint without its fields).
   */
  sendable: boolean;
}

export interface BuildOptions {
  sourceMap?: boolean;
  /** The clock for `now`/`date` helpers; tests pin it. */
  now?: () => number;
}

/** The Content-Type the body is judged by: a header the user set wins over the request's field. */
export function effectiveContentType(request: ComposerRequest): string {
  const header = request.headers.find((h) => h.name.toLowerCase() === 'content-type');
  return header ? header.valueTemplate : request.contentType;
}

/** GET bodies must be JSON objects (they become the query string), whatever the content type. */
export function bodyIsJson(request: ComposerRequest): boolean {
  return request.method === 'GET' || isJsonType(parseMediaType(effectiveContentType(request)));
}

/**
 * json-safe only means something for JSON: another content type (text, form) renders its
 * values as plain text instead of JSON literals. Raw stays raw.
 */
export function bodyRenderMode(request: ComposerRequest): RenderMode {
  return request.bodyMode === 'json-safe' && !bodyIsJson(request) ? 'text' : request.bodyMode;
}

function collect(
  problems: PreviewProblem[],
  result: RenderResult,
  part: RequestPart,
  header?: string,
): string {
  for (const problem of result.problems) {
    const located: PreviewProblem = { ...problem, part };
    if (header !== undefined) located.header = header;
    problems.push(located);
  }
  return result.output;
}

/** A query value as the platform would write a JSON field: text as is, anything else as JSON. */
function queryValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  return JSON.stringify(value);
}

/** The rendered body's top-level fields as query parameters; an empty body gives none. */
export function bodyToQuery(body: string): { query: HeaderPair[]; error: string | null } {
  if (body.trim() === '') return { query: [], error: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return {
      query: [],
      error: 'A GET request carries its fields in the query string, but the body is not valid JSON.',
    };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return {
      query: [],
      error: 'A GET request carries its fields in the query string, so the body must be a JSON object ({…}).',
    };
  return { query: Object.entries(parsed).map(([key, value]) => [key, queryValue(value)]), error: null };
}

/** Appends parameters without re-encoding what the URL template already holds. */
export function appendQuery(url: string, query: readonly HeaderPair[]): string {
  if (query.length === 0) return url;
  const hash = url.indexOf('#');
  const base = hash === -1 ? url : url.slice(0, hash);
  const fragment = hash === -1 ? '' : url.slice(hash);
  const pairs = query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  const joiner = base.includes('?') ? (base.endsWith('?') || base.endsWith('&') ? '' : '&') : '?';
  return `${base}${joiner}${pairs}${fragment}`;
}

function authHeader(
  auth: ComposerAuth,
  body: Buffer,
  text: (source: string, part: RequestPart) => string,
): HeaderPair | null {
  switch (auth.kind) {
    case 'none':
      return null;
    case 'bearer':
      return ['Authorization', `Bearer ${text(auth.tokenTemplate, 'auth')}`];
    case 'basic': {
      const credentials = `${auth.user}:${text(auth.passwordTemplate, 'auth')}`;
      return ['Authorization', `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}`];
    }
    case 'hmac': {
      const digest = createHmac(auth.algorithm, text(auth.secretTemplate, 'auth'))
        .update(body)
        .digest(auth.encoding);
      return [auth.headerName, `${auth.prefix}${digest}`];
    }
  }
}

function urlProblem(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return null;
    return `The URL "${url}" is not http:// or https://.`;
  } catch {
    return url.trim() === ''
      ? 'The URL is empty.'
      : `The URL "${url}" is not a full URL (like http://127.0.0.1:7700/hook): is an {{env.…}} variable missing?`;
  }
}

export function buildRequest(
  request: ComposerRequest,
  data: RenderData,
  options: BuildOptions = {},
): BuiltRequest {
  const problems: PreviewProblem[] = [];
  const renderOptions = options.now ? { now: options.now } : {};
  const text = (source: string, part: RequestPart, header?: string): string =>
    collect(problems, renderTemplate(source, data, { mode: 'text', ...renderOptions }), part, header);

  const bodyRender = renderTemplate(request.bodyTemplate, data, {
    mode: bodyRenderMode(request),
    sourceMap: options.sourceMap === true,
    ...renderOptions,
  });
  collect(problems, bodyRender, 'body');
  let url = text(request.urlTemplate, 'url').trim();
  let query: HeaderPair[] | null = null;
  let queryError: string | null = null;
  let body = Buffer.from(bodyRender.output, 'utf8');
  if (request.method === 'GET') {
    ({ query, error: queryError } = bodyToQuery(bodyRender.output));
    url = appendQuery(url, query);
    body = Buffer.alloc(0);
  }

  const headers: HeaderPair[] = [];
  const userSetsType = request.headers.some((h) => h.name.toLowerCase() === 'content-type');
  if (request.method === 'POST' && request.contentType !== '' && !userSetsType)
    headers.push(['Content-Type', request.contentType]);
  for (const header of request.headers) {
    const value = text(header.valueTemplate, 'header', header.name);
    if (/[\r\n\0]/.test(value))
      problems.push({
        kind: 'helper-error',
        severity: 'error',
        message: `The value of ${header.name} holds a line break (from the data?), which a header cannot carry.`,
        line: 1,
        column: 1,
        part: 'header',
        header: header.name,
      });
    headers.push([header.name, value]);
  }
  const auth = authHeader(request.auth, body, (source, part) => text(source, part));
  if (auth) headers.push(auth);

  const badUrl = urlProblem(url);
  if (badUrl !== null)
    problems.push({ kind: 'syntax', severity: 'error', message: badUrl, line: 1, column: 1, part: 'url' });
  const sendable = queryError === null && !problems.some((p) => p.severity === 'error');
  return { method: request.method, url, headers, body, bodyRender, query, queryError, problems, sendable };
}
