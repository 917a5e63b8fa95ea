/**
 * Domain types shared by the core and the UI. Everything here crosses the
 * IPC / WebSocket boundary, so it must stay plain JSON-serialisable data.
 */
import type { Fault, PayloadKind, ResponseOrigin } from './rules';

/** A header exactly as it crossed the wire: original case, order and repeats kept. */
export type HeaderPair = [name: string, value: string];

/** What the receiver answered to a captured request, byte for byte. */
export interface ResponseSent {
  status: number;
  headers: HeaderPair[];
  /** The exact response body bytes, base64-encoded. */
  bodyBase64: string;
}

/** One row of the capture list: everything needed without loading the body. */
export interface CaptureSummary {
  id: number;
  /** ISO-8601 with milliseconds, UTC. */
  receivedAt: string;
  method: string;
  /** Path with the query string exactly as received (the request target). */
  path: string;
  /** Status code the receiver answered with. */
  status: number;
  /** Bytes of request body that were stored. */
  bodySize: number;
  contentType: string | null;
  /** True when the body exceeded the limit and only its first part was stored. */
  truncated: boolean;
  /** The integration the payload was recognised as, or null. */
  kind: PayloadKind | null;
  /**
   * Whether the recognised payload matched its documented shape; false too (with kind null) for a
   * body that is meant to be JSON and does not parse; null when there is nothing to check.
   */
  valid: boolean | null;
  /** The rule that answered (null: the fallback answered). */
  ruleName: string | null;
  /** The fault a rule injected instead of (or into) the answer. */
  fault: Fault['kind'] | null;
  pinned: boolean;
  /** The user's note, or null. */
  note: string | null;
  /** The echo bucket (`/echo-send/<bucket>/`) the request was sent to, or null. */
  bucket: string | null;
}

/** A whole capture, as the detail pane and the exports need it. */
export interface CaptureDetail extends CaptureSummary {
  httpVersion: string;
  headers: HeaderPair[];
  /** The exact request body bytes that were stored, base64-encoded. */
  bodyBase64: string;
  /** Body length the client declared or sent, when it differs from what was stored. */
  declaredBodySize: number | null;
  remoteAddress: string;
  remotePort: number;
  response: ResponseSent;
  /** Which rule answered and what went wrong building the answer, if anything. */
  origin: ResponseOrigin;
  /** What validation and the responder found about this request. */
  findings: Finding[];
}

export type ReceiverState = 'starting' | 'listening' | 'stopped' | 'error';

export interface ReceiverStatus {
  state: ReceiverState;
  host: string;
  port: number;
  /** The URL a webhook sender should call; null until listening. */
  url: string | null;
  /** Plain-words reason when state is 'error' (e.g. the port is taken). */
  error: string | null;
}

/** The largest body limit: a request body larger than this could not be held in memory sensibly. */
export const MAX_BODY_LIMIT_BYTES = 1024 * 1024 * 1024;

export interface ReceiverSettings {
  host: string;
  port: number;
  /** Largest request body stored in full; larger ones get 413 and are recorded truncated. */
  bodyLimitBytes: number;
}

/**
 * How much capture history to keep; null means no limit. When several are set, a capture
 * goes as soon as one says so; pinned captures are never removed.
 */
export interface RetentionSettings {
  maxCaptures: number | null;
  maxAgeDays: number | null;
  maxBytes: number | null;
}

// A type alias, not an interface: `conf` needs a record type, which interfaces do not satisfy.
export type Settings = {
  receiver: ReceiverSettings;
  retention: RetentionSettings;
  theme: 'system' | 'light' | 'dark';
};

/** A partial update; nested objects are merged, not replaced. */
export interface SettingsPatch {
  receiver?: Partial<ReceiverSettings>;
  retention?: Partial<RetentionSettings>;
  theme?: Settings['theme'];
}

export interface CaptureQuery {
  /** Return captures with an id lower than this (older), for paging back in time. */
  beforeId?: number;
  /** Page size; the core caps it. */
  limit?: number;
  /** A filter expression (see shared/filter.ts); empty or absent lists everything. */
  filter?: string;
}

export interface CapturePage {
  /** Newest first. */
  items: CaptureSummary[];
  /** Total number of stored captures. */
  total: number;
  /** How many captures match the filter (equals total without one). */
  matched: number;
  /** True when older captures exist beyond this page. */
  hasMore: boolean;
}

export interface StoreHealth {
  /** 'failing' while captures cannot be written; the receiver answers 503 meanwhile. */
  state: 'ok' | 'failing';
  /** Plain words: what failed and what to do, e.g. "The disk holding … is full". */
  message: string | null;
  /** When writing first failed (ISO), while failing. */
  since: string | null;
}

export interface StoreCounts {
  total: number;
}

/** Where Hookbench keeps what it records and what the user made, for the Settings screen. */
export interface DataFolderInfo {
  /** The data folder, absolute (the app's user-data folder, or `--data DIR`). */
  path: string;
  /** Each file Hookbench keeps there, what it holds and its size on disk (null until it exists). */
  files: { name: string; holds: string; bytes: number | null }[];
}

/** Something a validator or the doctor says about a payload. */
export interface Finding {
  severity: 'error' | 'warning' | 'info';
  /** Plain words, e.g. "time looks like seconds, the platform sends milliseconds". */
  message: string;
  /** Where in the payload (a JSON pointer such as `/0/state`, or a query parameter), when it applies. */
  path: string | null;
}

/** A capture's user marks; absent fields stay as they are. */
export interface CaptureMetaPatch {
  id: number;
  pinned?: boolean;
  note?: string | null;
}

/** A body as the inspector shows it: decoded from its Content-Encoding when asked and possible. */
export interface BodyPayload {
  /** The bytes, base64 (decoded when `decoded` is true, else exactly as stored). */
  bodyBase64: string;
  /** Size of the returned bytes: the whole body, or its first part when it exceeds the asked limit. */
  size: number;
  /** Size of the whole (decoded) body. */
  totalSize: number;
  /** The Content-Encoding that was undone, e.g. "gzip"; null when none. */
  decoded: string | null;
  /** Why decoding failed or was not attempted, in plain words; null when all went well. */
  decodeError: string | null;
}

export interface BucketInfo {
  name: string;
  count: number;
  lastReceivedAt: string;
}

/** One state of one SMS, as a status batch carried it. */
export interface SmsStateEvent {
  captureId: number;
  receivedAt: string;
  state: string;
  /** The gateway's `time` field as sent ("" for state send). */
  time: string;
  final: boolean;
  /** The same state and time as a status already received for this id: sent again, not a change. */
  resent: boolean;
}

export interface SmsTimelineEntry {
  idSms: string;
  events: SmsStateEvent[];
  /** The last state received (a status sent again does not count). */
  lastState: string;
  final: boolean;
  /** Plain-words anomalies: a change after a final state, a state going backwards, a re-sent status. */
  anomalies: string[];
}

export interface SmsTimeline {
  entries: SmsTimelineEntry[];
  /** Status batches read. */
  batches: number;
  /** Batches whose bytes equal an earlier batch's: re-sent, probably because the acknowledgement was missing. */
  resentBatches: number;
  /** Ids left out because the timeline tells at most 10,000 (the first seen); find one to see it. */
  omittedIds: number;
}
