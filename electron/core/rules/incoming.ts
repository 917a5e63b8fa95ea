import type { HeaderPair } from '../../../shared/domain';
import type { PayloadKind } from '../../../shared/rules';
import { decodedBytes } from '../inspector/body-decode';
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
  /** The body undone from its Content-Encoding (gzip, deflate, br), or null when it does not decode. */
  readonly content: Uint8Array | null;
  /** The body (decoded from its Content-Encoding) as text when it is UTF-8, else null. Computed on first use. */
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

/** What the receiver knows of a request before anything is parsed. */
export interface RequestInput {
  method: string;
  target: string;
  headers: HeaderPair[];
  body: Uint8Array;
  contentType: string | null;
  kind: PayloadKind | null;
}

export function incomingRequest(input: RequestInput): IncomingRequest {
  return new ReceivedRequest(input);
}

/**
 * Everything beyond the request line is worked out on first use: the fallback answer needs none
 * of it, and the receiver builds one of these for every request (a class, so that costs one
 * object rather than a closure per property).
 */
class ReceivedRequest implements IncomingRequest {
  readonly method: string;
  readonly path: string;
  readonly target: string;
  readonly headers: HeaderPair[];
  readonly body: Uint8Array;
  readonly contentType: string | null;
  kind: PayloadKind | null;
  private readonly queryStart: number;
  private byName: Map<string, string[]> | undefined;
  private params: URLSearchParams | undefined;
  private decoded: string | null | undefined;
  private unencoded: Uint8Array | null | undefined;
  private lossless: unknown = NOT_YET;
  private plain: unknown = NOT_YET;

  constructor(input: RequestInput) {
    this.queryStart = input.target.indexOf('?');
    this.method = input.method.toUpperCase();
    this.path = this.queryStart === -1 ? input.target : input.target.slice(0, this.queryStart);
    this.target = input.target;
    this.headers = input.headers;
    this.body = input.body;
    this.contentType = input.contentType;
    this.kind = input.kind;
  }

  get headerMap(): Map<string, string[]> {
    this.byName ??= headersByName(this.headers);
    return this.byName;
  }

  get query(): URLSearchParams {
    this.params ??= new URLSearchParams(this.queryStart === -1 ? '' : this.target.slice(this.queryStart + 1));
    return this.params;
  }

  /** The body undone from its Content-Encoding (gzip, deflate, br); null when it does not decode. */
  get content(): Uint8Array | null {
    if (this.unencoded === undefined) this.unencoded = decodedBytes(this.body, this.headers);
    return this.unencoded;
  }

  get text(): string | null {
    if (this.decoded === undefined) {
      const content = this.content;
      try {
        this.decoded = content === null ? null : utf8.decode(content);
      } catch {
        this.decoded = null;
      }
    }
    return this.decoded;
  }

  get plainJson(): unknown {
    if (this.plain === NOT_YET) this.plain = parsedOrUndefined(this.text, JSON.parse);
    return this.plain;
  }

  get json(): unknown {
    if (this.lossless === NOT_YET) {
      const body = this.text;
      // One parse serves both views unless a number needs its digits kept.
      this.lossless =
        body !== null && mayLoseDigits(body) ? parsedOrUndefined(body, parseKeepingDigits) : this.plainJson;
    }
    return this.lossless;
  }
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

/**
 * What response templates see as `request`. Query, headers and body are built when a template
 * first reads them (own getters, which Handlebars reads like plain properties), so a template that
 * uses none of them costs the request nothing to build.
 */
export function templateContext(request: IncomingRequest, params: Record<string, string>): object {
  let query: Record<string, string | string[]> | undefined;
  let headers: Record<string, string> | undefined;
  let body: unknown = NOT_YET;
  return {
    request: {
      method: request.method,
      path: request.path,
      url: request.target,
      params,
      get query() {
        query ??= groupedFields(request.query);
        return query;
      },
      get headers() {
        if (headers === undefined) {
          headers = {};
          for (const [name, values] of request.headerMap) headers[name] = values.join(', ');
        }
        return headers;
      },
      get body() {
        if (body === NOT_YET) body = request.json !== undefined ? request.json : formBody(request);
        return body;
      },
      get rawBody() {
        return request.text ?? '';
      },
      kind: request.kind,
    },
  };
}

/** Form-style fields: one value as a string, repeated names as a list. */
function groupedFields(params: URLSearchParams): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    fields[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return fields;
}

function formBody(request: IncomingRequest): unknown {
  if (
    !request.contentType?.toLowerCase().includes('application/x-www-form-urlencoded') ||
    request.text === null
  ) {
    return null;
  }
  return groupedFields(new URLSearchParams(request.text));
}
