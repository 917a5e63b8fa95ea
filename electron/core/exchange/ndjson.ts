import type { CaptureDetail } from '../../../shared/domain';

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
