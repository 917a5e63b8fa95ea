import type { HeaderPair } from '../../../shared/domain';
import type { PayloadKind } from '../../../shared/rules';
import { mayLoseDigits, parseKeepingDigits } from '../json/lossless';

/** A request as rules see it: parsed once, shared by matching, templates and presets. */
export interface IncomingRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** The request target as received. */
  target: string;
  headers: HeaderPair[];
  /** Lower-case name → values in order. */
  headerMap: Map<string, string[]>;
  query: URLSearchParams;
  body: Uint8Array;
  contentType: string | null;
  kind: PayloadKind | null;
  /** The body as text when it is UTF-8, else null. Computed on first use. */
  readonly text: string | null;
  /** The body parsed as JSON (numbers lossless), or undefined when it is not JSON. Computed on first use. */
  readonly json: unknown;
  /**
   * The body parsed as JSON with plain doubles (for checks that expect numbers, such as JSON
   * Schema), or undefined. The same value as `json` when no number needed keeping.
   */
  readonly plainJson: unknown;
}

// Stateless between calls (no streaming), so one decoder serves every request.
const utf8 = new TextDecoder('utf-8', { fatal: true });
const NOT_YET = Symbol('not parsed yet');

function parsedOrUndefined(text: string | null, parse: (text: string) => unknown): unknown {
  if (text === null) return undefined;
  try {
    return parse(text);
  } catch {
    return undefined;
  }
}

export function incomingRequest(input: {
  method: string;
  target: string;
  headers: HeaderPair[];
  body: Uint8Array;
  contentType: string | null;
  kind: PayloadKind | null;
}): IncomingRequest {
  const q = input.target.indexOf('?');
  // Everything below is worked out on first use: the fallback answer needs none of it, and the
  // receiver builds one of these for every request.
  let headerMap: Map<string, string[]> | undefined;
  let query: URLSearchParams | undefined;
  let text: string | null | undefined;
  let json: unknown = NOT_YET;
  let plainJson: unknown = NOT_YET;
  return {
    method: input.method.toUpperCase(),
    path: q === -1 ? input.target : input.target.slice(0, q),
    target: input.target,
    headers: input.headers,
    get headerMap() {
      headerMap ??= headersByName(input.headers);
      return headerMap;
    },
    get query() {
      query ??= new URLSearchParams(q === -1 ? '' : input.target.slice(q + 1));
      return query;
    },
    body: input.body,
    contentType: input.contentType,
    kind: input.kind,
    get text() {
      if (text === undefined) {
        try {
          text = utf8.decode(input.body);
        } catch {
          text = null;
        }
      }
      return text;
    },
    get plainJson() {
      if (plainJson === NOT_YET) plainJson = parsedOrUndefined(this.text, JSON.parse);
      return plainJson;
    },
    get json() {
      if (json === NOT_YET) {
        const body = this.text;
        // One parse serves both views unless a number needs its digits kept.
        json =
          body !== null && mayLoseDigits(body) ? parsedOrUndefined(body, parseKeepingDigits) : this.plainJson;
      }
      return json;
    },
  };
}

function headersByName(headers: readonly HeaderPair[]): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const [name, value] of headers) {
    const key = name.toLowerCase();
    const list = byName.get(key);
    if (list) list.push(value);
    else byName.set(key, [value]);
  }
  return byName;
}

/** What response templates see as `request`. */
export function templateContext(request: IncomingRequest, params: Record<string, string>): object {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(request.query.keys())) {
    const values = request.query.getAll(key);
    query[key] = values.length === 1 ? (values[0] as string) : values;
  }
  const headers: Record<string, string> = {};
  for (const [name, values] of request.headerMap) headers[name] = values.join(', ');
  return {
    request: {
      method: request.method,
      path: request.path,
      url: request.target,
      params,
      query,
      headers,
      body: request.json !== undefined ? request.json : formBody(request),
      rawBody: request.text ?? '',
      kind: request.kind,
    },
  };
}

function formBody(request: IncomingRequest): unknown {
  if (
    !request.contentType?.toLowerCase().includes('application/x-www-form-urlencoded') ||
    request.text === null
  ) {
    return null;
  }
  const fields: Record<string, string | string[]> = {};
  const form = new URLSearchParams(request.text);
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key);
    fields[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return fields;
}
