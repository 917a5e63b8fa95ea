/**
 * Domain types shared by the core and the UI. Everything here crosses the
 * IPC / WebSocket boundary, so it must stay plain JSON-serialisable data.
 */

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

export interface ReceiverSettings {
  host: string;
  port: number;
  /** Largest request body stored in full; larger ones get 413 and are recorded truncated. */
  bodyLimitBytes: number;
}

export interface Settings {
  receiver: ReceiverSettings;
  theme: 'system' | 'light' | 'dark';
}

/** A partial update; nested objects are merged, not replaced. */
export interface SettingsPatch {
  receiver?: Partial<ReceiverSettings>;
  theme?: Settings['theme'];
}

export interface CaptureQuery {
  /** Return captures with an id lower than this (older), for paging back in time. */
  beforeId?: number;
  /** Page size; the core caps it. */
  limit?: number;
}

export interface CapturePage {
  /** Newest first. */
  items: CaptureSummary[];
  /** Total number of stored captures. */
  total: number;
  /** True when older captures exist beyond this page. */
  hasMore: boolean;
}

export interface StoreCounts {
  total: number;
}
