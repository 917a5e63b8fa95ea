import type { CaptureDetail, Finding, HeaderPair } from '../../../shared/domain';
import { CoreError } from '../errors';
import type { NewCapture } from '../store/capture-record';

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

/** Whether a file's first line is one of Hookbench's NDJSON captures (a HAR file is one JSON document with a log). */
export function looksLikeNdjson(text: string): boolean {
  const first = text.trimStart().split('\n', 1)[0] ?? '';
  try {
    const value = JSON.parse(first) as unknown;
    return typeof value === 'object' && value !== null && 'bodyBase64' in value && !('log' in value);
  } catch {
    return false;
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
    body: Buffer.from(text('bodyBase64'), 'base64'),
    declaredBodySize: line.declaredBodySize === null || !Number.isSafeInteger(declared) ? null : declared,
    truncated: line.truncated === true,
    remoteAddress: typeof line.remoteAddress === 'string' ? line.remoteAddress : '',
    remotePort: Number.isSafeInteger(line.remotePort) ? (line.remotePort as number) : 0,
    response: {
      status: Number.isInteger(status) && status >= 0 ? status : 0,
      headers: pairs(response.headers, 'response.headers'),
      body: Buffer.from(typeof response.bodyBase64 === 'string' ? response.bodyBase64 : '', 'base64'),
    },
    kind: null,
    valid: null,
    findings: [{ severity: 'info', path: null, message: 'Imported from an NDJSON file.' } satisfies Finding],
    origin: {
      ruleId: null,
      ruleName: typeof response.ruleName === 'string' ? response.ruleName : null,
      fault: null,
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
