import type { HeaderPair } from '../../../shared/domain';
import type { PayloadKind } from '../../../shared/rules';
import { parseLossless } from '../json/lossless';

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
  const headerMap = new Map<string, string[]>();
  for (const [name, value] of input.headers) {
    const key = name.toLowerCase();
    const list = headerMap.get(key);
    if (list) list.push(value);
    else headerMap.set(key, [value]);
  }
  let text: string | null | undefined;
  let json: unknown;
  let jsonDone = false;
  return {
    method: input.method.toUpperCase(),
    path: q === -1 ? input.target : input.target.slice(0, q),
    target: input.target,
    headers: input.headers,
    headerMap,
    query: new URLSearchParams(q === -1 ? '' : input.target.slice(q + 1)),
    body: input.body,
    contentType: input.contentType,
    kind: input.kind,
    get text() {
      if (text === undefined) {
        try {
          text = new TextDecoder('utf-8', { fatal: true }).decode(input.body);
        } catch {
          text = null;
        }
      }
      return text;
    },
    get json() {
      if (!jsonDone) {
        jsonDone = true;
        const body = this.text;
        if (body !== null && body.trim() !== '') {
          try {
            json = parseLossless(body);
          } catch {
            json = undefined;
          }
        }
      }
      return json;
    },
  };
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
