import type { CaptureDetail, Finding, HeaderPair } from '../../../shared/domain';
import type { Fault, PayloadKind } from '../../../shared/rules';
import { CoreError } from '../errors';
import type { NewCapture } from '../store/capture-record';

type FaultKind = Fault['kind'];
const PAYLOAD_KINDS = new Set<PayloadKind>(['sms-status-batch', 'smartico-reverse', 'sdk-message']);
const FAULT_KINDS = new Set<FaultKind>(['close', 'reset', 'hang', 'trickle', 'invalid-json']);
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** One capture as an NDJSON line: the exact bytes as base64, headers as received. */
export function captureToNdjson(capture: CaptureDetail): string {
  return JSON.stringify({
    id: capture.id,
    receivedAt: capture.receivedAt,
    method: capture.method,
    path: capture.path,
    httpVersion: capture.httpVersion,
    headers: capture.headers,
    bodyBase64: capture.bodyBase64,
    bodySize: capture.bodySize,
    truncated: capture.truncated,
    declaredBodySize: capture.declaredBodySize,
    contentType: capture.contentType,
    remoteAddress: capture.remoteAddress,
    remotePort: capture.remotePort,
    kind: capture.kind,
    valid: capture.valid,
    findings: capture.findings,
    bucket: capture.bucket,
    pinned: capture.pinned,
    note: capture.note,
    response: { ...capture.response, ruleName: capture.origin.ruleName, fault: capture.origin.fault },
  });
}

/**
 * Whether a file is NDJSON (one capture per line) rather than a HAR file (one JSON document with
 * a log): its first line is an object of its own without a log, or a damaged one-line object.
 */
export function looksLikeNdjson(text: string): boolean {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  try {
    const value = JSON.parse(lines[0] ?? '') as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) && !('log' in value);
  } catch {
    // A damaged first line of several: NDJSON, so the error names the line. A pretty-printed HAR
    // file's first line is a lone "{".
    const first = lines[0]?.trim() ?? '';
    return lines.length >= 2 && first.startsWith('{') && first !== '{';
  }
}

/** Reads an NDJSON export back into captures, every byte as it was; names the first line that cannot be read. */
export function ndjsonToCaptures(text: string): NewCapture[] {
  const captures: NewCapture[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      captures.push(fromLine(JSON.parse(line) as unknown));
    } catch (error) {
      throw new CoreError(
        'bad_request',
        `Line ${i + 1} of the NDJSON file cannot be imported: ${(error as Error).message}`,
      );
    }
  });
  return captures;
}

function fromLine(value: unknown): NewCapture {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('it is not an object.');
  const line = value as Record<string, unknown>;
  const text = (name: string): string => {
    const field = line[name];
    if (typeof field !== 'string') throw new Error(`${name} must be text.`);
    return field;
  };
  // Buffer.from drops what is not base64 without a word: damaged bytes would be stored as if exact.
  const bytes = (value: unknown, name: string): Buffer => {
    const base64 = value ?? '';
    if (typeof base64 !== 'string' || !BASE64.test(base64)) throw new Error(`${name} is not base64.`);
    return Buffer.from(base64, 'base64');
  };
  const response = (
    typeof line.response === 'object' && line.response !== null ? line.response : {}
  ) as Record<string, unknown>;
  const received = Date.parse(String(line.receivedAt));
  const status = Number(response.status);
  const declared = Number(line.declaredBodySize);
  return {
    receivedAt: Number.isNaN(received) ? Date.now() : received,
    method: text('method'),
    path: text('path'),
    httpVersion: typeof line.httpVersion === 'string' ? line.httpVersion : '1.1',
    headers: pairs(line.headers, 'headers'),
    body: bytes(text('bodyBase64'), 'bodyBase64'),
    declaredBodySize: line.declaredBodySize === null || !Number.isSafeInteger(declared) ? null : declared,
    truncated: line.truncated === true,
    remoteAddress: typeof line.remoteAddress === 'string' ? line.remoteAddress : '',
    remotePort: Number.isSafeInteger(line.remotePort) ? (line.remotePort as number) : 0,
    response: {
      status: Number.isInteger(status) && status >= 0 ? status : 0,
      headers: pairs(response.headers, 'response.headers'),
      body: bytes(response.bodyBase64, 'response.bodyBase64'),
    },
    // What Hookbench said of it when it was captured comes back with it (an upload cut short
    // keeps its "ended after N of M bytes"); nothing is recognised again.
    kind: PAYLOAD_KINDS.has(line.kind as PayloadKind) ? (line.kind as PayloadKind) : null,
    valid: typeof line.valid === 'boolean' ? line.valid : null,
    findings: [
      ...findingsOf(line.findings),
      { severity: 'info', path: null, message: 'Imported from an NDJSON file.' } satisfies Finding,
    ],
    origin: {
      ruleId: null,
      ruleName: typeof response.ruleName === 'string' ? response.ruleName : null,
      fault: FAULT_KINDS.has(response.fault as FaultKind) ? (response.fault as FaultKind) : null,
      error: null,
    },
    bucket: typeof line.bucket === 'string' ? line.bucket : null,
    marks: {
      pinned: line.pinned === true,
      note: typeof line.note === 'string' && line.note !== '' ? line.note : null,
    },
  };
}

function pairs(value: unknown, field: string): HeaderPair[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new Error(`${field} must be a list of [name, value] pairs.`);
  return value.map((pair: unknown, i) => {
    if (!Array.isArray(pair) || pair.length !== 2)
      throw new Error(`${field}[${i}] is not a [name, value] pair.`);
    return [String(pair[0]), String(pair[1])];
  });
}

/** The findings of an exported capture, those that have the shape of one. */
function findingsOf(value: unknown): Finding[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is Finding =>
      typeof item === 'object' &&
      item !== null &&
      ['error', 'warning', 'info'].includes((item as Finding).severity) &&
      typeof (item as Finding).message === 'string' &&
      ((item as Finding).path === null || typeof (item as Finding).path === 'string'),
  );
}
