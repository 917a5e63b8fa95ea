import type { CaptureDetail, CaptureSummary, Finding, HeaderPair } from '../../../shared/domain';
import type { Fault, PayloadKind } from '../../../shared/rules';

/** Rows of the captures table as SQLite returns them, and their contract shapes. */

export const SUMMARY_COLUMNS =
  'id, received_at, method, path, status, body_size, content_type, truncated, kind, valid, rule_name, fault, pinned, note, bucket';

export interface SummaryRow {
  id: number;
  received_at: number;
  method: string;
  path: string;
  status: number;
  body_size: number;
  content_type: string | null;
  truncated: number;
  kind: PayloadKind | null;
  valid: number | null;
  rule_name: string | null;
  fault: Fault['kind'] | null;
  pinned: number;
  note: string | null;
  bucket: string | null;
}

export interface DetailRow extends SummaryRow {
  http_version: string;
  headers: string;
  declared_body_size: number | null;
  remote_address: string;
  remote_port: number;
  response_headers: string;
  findings: string;
  rule_id: string | null;
  response_error: string | null;
  request: Uint8Array | null;
  response: Uint8Array | null;
}

export function prefixed(columns: string): string {
  return columns
    .split(',')
    .map((column) => `c.${column.trim()}`)
    .join(', ');
}

export function toSummary(row: SummaryRow): CaptureSummary {
  return {
    id: row.id,
    receivedAt: new Date(row.received_at).toISOString(),
    method: row.method,
    path: row.path,
    status: row.status,
    bodySize: row.body_size,
    contentType: row.content_type,
    truncated: row.truncated === 1,
    kind: row.kind,
    valid: row.valid === null ? null : row.valid === 1,
    ruleName: row.rule_name,
    fault: row.fault,
    pinned: row.pinned === 1,
    note: row.note,
    bucket: row.bucket,
  };
}

export function toDetail(row: DetailRow): CaptureDetail {
  return {
    ...toSummary(row),
    httpVersion: row.http_version,
    headers: JSON.parse(row.headers) as HeaderPair[],
    bodyBase64: Buffer.from(row.request ?? new Uint8Array()).toString('base64'),
    declaredBodySize: row.declared_body_size,
    remoteAddress: row.remote_address,
    remotePort: row.remote_port,
    response: {
      status: row.status,
      headers: JSON.parse(row.response_headers) as HeaderPair[],
      bodyBase64: Buffer.from(row.response ?? new Uint8Array()).toString('base64'),
    },
    origin: { ruleId: row.rule_id, ruleName: row.rule_name, fault: row.fault, error: row.response_error },
    note: row.note,
    findings: JSON.parse(row.findings) as Finding[],
  };
}

/** A captured request's method, target (path and query as received), headers and exact body. */
export interface CapturedRequest {
  method: string;
  path: string;
  headers: HeaderPair[];
  body: Uint8Array;
}

/** What a replay reads of a capture. */
export interface RequestRow {
  method: string;
  path: string;
  headers: string;
  body: Uint8Array;
}

export function toCapturedRequest(row: RequestRow): CapturedRequest {
  return {
    method: row.method,
    path: row.path,
    headers: JSON.parse(row.headers) as HeaderPair[],
    body: row.body,
  };
}
