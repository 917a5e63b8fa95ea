/**
 * The composer's domain: request templates rendered against sample state/event data (the CRM
 * platform's `{{state.x}}` / `{{event.y}}` model), previewed with JSON-safety lint, and sent to
 * real endpoints. Everything here crosses the contract, so it stays plain JSON data.
 */
import type { Diagnosis } from './doctor';
import type { HeaderPair } from './domain';
import type { TemplateProblem } from './templates';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * Sample data a template renders against: `{{state.…}}` is the user state, `{{event.…}}` the
 * trigger. Kept as the JSON text it was written in, so an id like 12345678901234567890 keeps
 * every digit on its way to the editor and back (a parsed double would round it).
 */
export interface DataSet {
  id: string;
  name: string;
  stateText: string;
  eventText: string;
}

/** A data set as the editor holds it: JSON text, checked (with line and column) when saved. */
export interface DataSetDraft {
  /** Absent: a new data set. */
  id?: string;
  name: string;
  stateText: string;
  eventText: string;
}

/** Per-workspace variables, `{{env.NAME}}` in any template (base URLs, tokens, secrets). */
export type ComposerEnv = Record<string, string>;

export type ComposerMethod = 'POST' | 'GET';

/** How the body's values are written: `json-safe` escapes them, `raw` inserts them as the platform does. */
export type ComposerBodyMode = 'json-safe' | 'raw';

export interface HeaderTemplate {
  name: string;
  /** A text-mode template, e.g. `Bearer {{env.TOKEN}}`. */
  valueTemplate: string;
}

/**
 * Authentication added to the request after rendering. HMAC signs the exact body bytes that
 * are sent (for GET, which sends no body, that is the empty string).
 */
export type ComposerAuth =
  | { kind: 'none' }
  | { kind: 'bearer'; tokenTemplate: string }
  | { kind: 'basic'; user: string; passwordTemplate: string }
  | {
      kind: 'hmac';
      headerName: string;
      secretTemplate: string;
      algorithm: 'sha256';
      encoding: 'hex' | 'base64';
      /** Written before the digest, e.g. `sha256=`; empty for none. */
      prefix: string;
    };

/** A request definition, saved in a named collection. */
export interface ComposerRequest {
  id: string;
  name: string;
  /** The collection (folder) it belongs to; any non-empty name. */
  collection: string;
  /** GET sends no body: the rendered body's top-level fields go to the query string instead. */
  method: ComposerMethod;
  /** A text-mode template, e.g. `{{env.BASE_URL}}/hooks/minigame`. */
  urlTemplate: string;
  headers: HeaderTemplate[];
  bodyTemplate: string;
  bodyMode: ComposerBodyMode;
  /** Sent as Content-Type with POST (unless a header sets it); JSON types get the doctor's diagnosis. */
  contentType: string;
  auth: ComposerAuth;
  timeoutMs: number;
  followRedirects: boolean;
  /** False accepts self-signed and otherwise untrusted certificates (test servers). */
  verifyTls: boolean;
  /** The data set the editor shows this request with; null for none. */
  dataSetId: string | null;
}

/** A request's timeout in milliseconds: the core refuses any other, the editor says so at the field. */
export const COMPOSER_TIMEOUT_MS = { min: 1, max: 600_000, default: 10_000 } as const;

/** True for a timeout the core takes. */
export function isComposerTimeout(value: unknown): value is number {
  const { min, max } = COMPOSER_TIMEOUT_MS;
  return Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;
}

/** What a timeout must be, in the words both the editor and the core use. */
export const TIMEOUT_RULE = `a whole number of milliseconds from ${COMPOSER_TIMEOUT_MS.min} to ${COMPOSER_TIMEOUT_MS.max.toLocaleString('en')}`;

/** A request being edited: without an id it is new (saving gives it one); absent fields get defaults. */
export type ComposerRequestDraft = Omit<ComposerRequest, 'id'> & { id?: string };

/** The data to render with: a saved data set, or the editor's unsaved JSON texts. */
export type DataSource = { dataSetId: string } | { stateText: string; eventText: string };

export interface ComposerState {
  dataSets: DataSet[];
  requests: ComposerRequest[];
  env: ComposerEnv;
  /** Every collection name used by a request, sorted. */
  collections: string[];
}

/** Where a problem was found: the URL, a header (by name), the auth settings, the body or the data. */
export type RequestPart = 'url' | 'header' | 'auth' | 'body' | 'data';

export interface PreviewProblem extends TemplateProblem {
  part: RequestPart;
  /** The header's name when `part` is `header`. */
  header?: string;
}

export type LintRule =
  /** In raw (platform) mode a value would break the JSON: a quote, a backslash, a control character. */
  | 'raw-mode-break'
  /** A numeric value written outside quotes; the platform suggests passing numerics as strings. */
  | 'number-unquoted'
  /** A numeric value written inside quotes, so the receiver gets text. */
  | 'number-as-string'
  /** A text value that looks numeric, written outside quotes: json-safe sends text, raw a number. */
  | 'string-looks-numeric'
  | 'unknown-helper'
  | 'missing-variable'
  /** A GET body that is not a JSON object, so it cannot become query parameters. */
  | 'get-body-not-object';

export interface LintFinding {
  rule: LintRule;
  severity: 'error' | 'warning' | 'info';
  /** Plain words, fit to show as is. */
  message: string;
  part: RequestPart;
  /** 1-based position in the template of `part` (the body template for body findings). */
  line: number;
  column: number;
  /** The data path concerned, e.g. `state.level_name`. */
  path?: string;
}

/** Where the rendered body stops being valid JSON, mapped back to the body template. */
export interface TemplateJsonError {
  /** The doctor's words for the first error. */
  message: string;
  /** Position in the rendered body (1-based, code points). */
  outputLine: number;
  outputColumn: number;
  /** The template position that produced it, when the render could be mapped. */
  line: number | null;
  column: number | null;
  /** The `{{…}}` tag's data path when the error falls inside a rendered value. */
  path?: string;
}

export interface RequestPreview {
  method: ComposerMethod;
  /** The rendered URL, with the query string GET adds. */
  url: string;
  /** Every header that will be sent, auth and Content-Type included (not the ones the HTTP client adds). */
  headers: HeaderPair[];
  /** The rendered body (in the request's mode); for GET, what was moved to the query string. */
  body: string;
  /** Bytes of body that will be sent (0 for GET). */
  bodyBytes: number;
  /** For GET: the query parameters taken from the body; null for POST. */
  query: HeaderPair[] | null;
  problems: PreviewProblem[];
  /** The doctor's diagnosis of the rendered body, when the content type is JSON; else null. */
  diagnosis: Diagnosis | null;
  /** The first JSON error mapped back to the template; null when the body is valid or not JSON. */
  jsonError: TemplateJsonError | null;
  lint: LintFinding[];
  /** False when the request cannot be sent as is (syntax errors, a URL that is not http(s)). */
  sendable: boolean;
}

export interface DataSetCheck {
  dataSetId: string;
  name: string;
  /** True when the body renders without errors and, for JSON, parses, in the request's mode. */
  valid: boolean;
  /** The same in raw (platform) mode. */
  validRaw: boolean;
  /** The first problem in plain words, with its template position; null when valid. */
  firstProblem: { message: string; line: number | null; column: number | null } | null;
}

export type HttpErrorCode =
  | 'dns'
  | 'refused'
  | 'timeout'
  | 'tls'
  | 'reset'
  | 'bad-request'
  | 'too-many-redirects'
  | 'other';

export interface HttpFailure {
  code: HttpErrorCode;
  /** The system's or HTTP client's code (ENOTFOUND, DEPTH_ZERO_SELF_SIGNED_CERT…), when there is one. */
  systemCode: string | null;
  /** Plain words with the URL, never a stack. */
  message: string;
}

/**
 * Milliseconds from the start of the send to each point, like curl's `-w` times, so they only
 * grow: DNS answered ≤ TCP connected ≤ TLS done ≤ first response byte ≤ body complete. A phase
 * that did not happen (no lookup for an IP address, no TLS for http, a reused connection) is null.
 */
export interface HttpTimings {
  dnsMs: number | null;
  connectMs: number | null;
  tlsMs: number | null;
  firstByteMs: number | null;
  totalMs: number;
  /** The request went over a kept-alive connection opened earlier. */
  reusedConnection: boolean;
}

export interface SentRequest {
  method: string;
  url: string;
  /** As written on the wire when known (Host, Connection and Content-Length included). */
  headers: HeaderPair[];
  bodyBase64: string;
}

export interface ReceivedResponse {
  status: number;
  statusText: string;
  headers: HeaderPair[];
  /** The body bytes, base64 (the first part only when `truncated`). */
  bodyBase64: string;
  /** The whole body's size in bytes. */
  bodySize: number;
  truncated: boolean;
}

/** One send: what went out, what came back (or why nothing did), and how long it took. */
export interface HttpExchange {
  /** ISO-8601, UTC. */
  startedAt: string;
  request: SentRequest;
  response: ReceivedResponse | null;
  error: HttpFailure | null;
  timings: HttpTimings;
  /** The redirects followed, in order (empty unless following was on and the server redirected). */
  redirects: { status: number; url: string }[];
}

export interface SendOptionsRecord {
  timeoutMs: number;
  followRedirects: boolean;
  verifyTls: boolean;
}

export interface HistoryEntry {
  id: number;
  requestId: string | null;
  requestName: string;
  dataSetId: string | null;
  options: SendOptionsRecord;
  /** False when the request body was too large to keep whole, so it cannot be re-sent exactly. */
  resendable: boolean;
  exchange: HttpExchange;
}

/** A history row without the bodies. */
export interface HistorySummary {
  id: number;
  sentAt: string;
  requestId: string | null;
  requestName: string;
  method: string;
  url: string;
  status: number | null;
  errorCode: HttpErrorCode | null;
  totalMs: number;
}

export interface DataSetPreset {
  id: string;
  name: string;
  description: string;
  state: JsonValue;
  event: JsonValue;
}

export interface TemplatePreset {
  id: string;
  name: string;
  description: string;
  method: ComposerMethod;
  contentType: string;
  urlTemplate: string;
  bodyTemplate: string;
  /** The data set preset it is meant to render with. */
  dataSetPresetId: string;
}

export interface ComposerPresets {
  dataSets: DataSetPreset[];
  templates: TemplatePreset[];
}

export const COLLECTION_EXPORT_FORMAT = 'hookbench-composer-collection';
