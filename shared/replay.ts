/**
 * Replay and sender simulations: resending captured requests, and playing the
 * senders from ../shared/seeds (SMS gateway, CRM platform, messaging SDK).
 */
import type { HttpExchange } from './composer';
import type { HeaderPair } from './domain';

export interface ReplayTarget {
  /** Base URL; with `rebase`, the captured path and query are appended to its path. */
  targetUrl: string;
  /** true: `--to http://h/api` + captured `/hook/a?x=1` → `http://h/api/hook/a?x=1`; false: send to targetUrl as is. */
  rebase: boolean;
  /** Header names (any case) left out of the replay. */
  dropHeaders: string[];
  /** Headers set on the replay, replacing captured ones of the same name. */
  overrideHeaders: HeaderPair[];
  timeoutMs: number;
  followRedirects: boolean;
  verifyTls: boolean;
}

/** Changes for one replay; the capture itself is never changed. */
export interface ReplayEdit {
  method?: string;
  /** A full URL, used instead of the target. */
  url?: string;
  /** Replaces the captured headers entirely (hop-by-hop ones are still rewritten). */
  headers?: HeaderPair[];
  bodyBase64?: string;
}

export interface ReplayRecord {
  id: number;
  captureId: number;
  /** The bulk run it belonged to, or null for a single replay. */
  batchId: string | null;
  edited: boolean;
  exchange: HttpExchange;
}

export interface ReplaySummary {
  id: number;
  captureId: number;
  batchId: string | null;
  startedAt: string;
  method: string;
  url: string;
  status: number | null;
  error: string | null;
  totalMs: number;
}

export interface BulkReplayRequest extends ReplayTarget {
  /** These captures, or all matching `filter` when absent. */
  ids?: number[];
  filter?: string;
  /** Send in captured order (one after another when concurrency is 1), or as fast as allowed. */
  keepOrder: boolean;
  concurrency: number;
  /** Requests per second at most; null for no limit. */
  ratePerSecond: number | null;
  stopOnFailure: boolean;
}

export interface ReplayProgress {
  batchId: string;
  total: number;
  sent: number;
  ok: number;
  non2xx: number;
  errors: number;
  /** Sent and waiting for their answers: a cancelled run still finishes (and stores) these. */
  inFlight: number;
  state: 'running' | 'done' | 'cancelled' | 'stopped';
  /** Why a stop-on-failure run stopped, in words. */
  stopReason: string | null;
}

/** What two responses are compared from: a capture's recorded answer, or a replay's response. */
export type ResponseRef = { kind: 'capture'; id: number } | { kind: 'replay'; id: number };

export interface HeaderDifference {
  name: string;
  left: string[];
  right: string[];
}

export interface JsonDifference {
  /** JSON pointer-like path, e.g. `/0/id_sms`. */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  /** JSON text of each side's value; null where absent. */
  left: string | null;
  right: string | null;
}

export interface ResponseDiff {
  left: { label: string; status: number | null; headers: HeaderPair[]; bodyText: string };
  right: { label: string; status: number | null; headers: HeaderPair[]; bodyText: string };
  statusChanged: boolean;
  headers: HeaderDifference[];
  /** 'json' when both bodies parse as JSON, else a text comparison. */
  bodyKind: 'json' | 'text';
  json: JsonDifference[];
  /** For text bodies: whether they are byte-identical. */
  bodyEqual: boolean;
}

/* ---- Sender simulations ---- */

export interface SmsSimulationOptions {
  targetUrl: string;
  /** id_sms values as text (digits are sent as JSON numbers, exactly). */
  ids: string[];
  state: string;
  /** Attempts in all, the first included (the gateway's contract: 5). */
  attempts: number;
  intervalMs: number;
  timeoutMs: number;
  /** False accepts self-signed and otherwise untrusted certificates (a test server); default true. */
  verifyTls?: boolean;
}

export interface SmsAttempt {
  attempt: number;
  /** The ids sent in this attempt. */
  sent: string[];
  status: number | null;
  error: string | null;
  acknowledged: string[];
  /** Deviations from the documented acknowledgement shape, in words. */
  problems: string[];
  bodyText: string;
}

/**
 * Why a text is not an id_sms the gateway could send, or null: ids are whole numbers (seed 004's
 * Int) written without leading zeros, so they go out as JSON numbers exactly as typed.
 */
export function smsIdProblem(id: string): string | null {
  return /^(0|[1-9]\d*)$/.test(id)
    ? null
    : `"${id}" is not an SMS id; ids are whole numbers written without leading zeros, like 3234.`;
}

/** What the senders may be asked for: the same limits in the app, the core and the CLI. */
export const SIMULATION_LIMITS = {
  ids: { min: 1, max: 10_000 },
  attempts: { min: 1, max: 100 },
  intervalMs: { min: 0, max: 86_400_000 },
  reverseCount: { min: 1, max: 1_000_000 },
  /** Each message gets a row of the report. */
  sdkCount: { min: 1, max: 10_000 },
} as const;

/** Starts per second: one every 1000 s at the slowest keeps each pause inside what a timer can wait. */
export const RATE_RANGE = { min: 0.001, max: 100_000 } as const;

/** Why a rate per second cannot be used, in words naming `what`, or null. */
export function rateProblem(rate: number, what: string): string | null {
  return Number.isFinite(rate) && rate >= RATE_RANGE.min && rate <= RATE_RANGE.max
    ? null
    : `${what} must be a number from ${RATE_RANGE.min} to ${RATE_RANGE.max.toLocaleString('en-US')}.`;
}

export interface SmsIdReport {
  idSms: string;
  attemptsUsed: number;
  acknowledged: boolean;
}

/**
 * Where a capture goes when replayed "under" a target: the target's path, then the captured path;
 * the target's query first, then the captured one; the target's credentials kept.
 * `/api?key=K` + `/hook/a?x=1` → `/api/hook/a?key=K&x=1`. Throws on a target that is not a URL.
 */
export function rebaseOnto(targetUrl: string): (capturedTarget: string) => string {
  const target = new URL(targetUrl);
  const credentials = target.username
    ? `${target.username}${target.password ? `:${target.password}` : ''}@`
    : '';
  const path = target.pathname.endsWith('/') ? target.pathname.slice(0, -1) : target.pathname;
  const base = `${target.protocol}//${credentials}${target.host}${path}`;
  const targetQuery = target.search.slice(1);
  return (capturedTarget) => {
    const q = capturedTarget.indexOf('?');
    const capturedPath = q === -1 ? capturedTarget : capturedTarget.slice(0, q);
    const capturedQuery = q === -1 ? '' : capturedTarget.slice(q + 1);
    const query = [targetQuery, capturedQuery].filter((part) => part !== '').join('&');
    return `${base}${capturedPath.startsWith('/') ? capturedPath : `/${capturedPath}`}${query ? `?${query}` : ''}`;
  };
}

/** The senders Hookbench plays: the SMS gateway, the CRM platform's reverse integration, the messaging SDK. */
export type SimulationKind = 'sms' | 'reverse' | 'sdk';

/**
 * How a sender's latest simulation stands, for a window whose call lost its answer (a dropped
 * connection): running, or ended with its report, or failed with the reason in words.
 */
export type SimulationStatus =
  | { kind: 'sms'; running: boolean; report: SmsSimulationReport | null; error: string | null }
  | { kind: 'reverse'; running: boolean; report: LoadReport | null; error: string | null }
  | { kind: 'sdk'; running: boolean; report: SdkSimulationReport | null; error: string | null };

export interface SmsSimulationReport {
  ids: SmsIdReport[];
  attempts: SmsAttempt[];
  /** Every id was acknowledged. */
  ok: boolean;
  /** Stopped by a cancel (or a newer run of the same sender) before its attempts were used up. */
  cancelled: boolean;
}

export interface ReverseSimulationOptions {
  targetUrl: string;
  method: 'POST' | 'GET';
  count: number;
  ratePerSecond: number;
  timeoutMs: number;
  /** False accepts self-signed and otherwise untrusted certificates (a test server); default true. */
  verifyTls?: boolean;
}

/** One call of a load run, as the report lists it. */
export interface LoadCall {
  /** 0-based, in sending order. */
  index: number;
  /** What tells this call apart, e.g. "login 100001". */
  label: string;
  status: number | null;
  error: string | null;
  latencyMs: number | null;
  /** The start of the answer's body (text), for what a failing call was told. */
  bodyStart: string;
}

export interface LoadReport {
  /** The first calls (up to LOAD_CALLS_KEPT), in sending order: which one got what. */
  calls: LoadCall[];
  sent: number;
  /** HTTP status → count; network errors under "error". */
  statuses: Record<string, number>;
  errors: string[];
  latencyMs: { p50: number; p90: number; p99: number; max: number } | null;
  durationMs: number;
  /** Stopped by a cancel before every call was made (`sent` says how many were). */
  cancelled: boolean;
}

export interface SdkSimulationOptions {
  targetUrl: string;
  type: 'SMS' | 'PUSH';
  count: number;
  bearerToken: string | null;
  timeoutMs: number;
  /** False accepts self-signed and otherwise untrusted certificates (a test server); default true. */
  verifyTls?: boolean;
}

export interface SdkMessageReport {
  messageId: string;
  status: number | null;
  error: string | null;
  statusCode: string | null;
  /** What the code means per the documentation, or why the response is outside the model. */
  outcome: string;
  inModel: boolean;
}

export interface SdkSimulationReport {
  messages: SdkMessageReport[];
  /** Every response was in the documented model with code 000 or 001. */
  ok: boolean;
  /** Stopped by a cancel before every message was sent. */
  cancelled: boolean;
}
