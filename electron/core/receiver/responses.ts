import type { HeaderPair } from '../../../shared/domain';

/** A response the receiver is about to send, kept as bytes so it is recorded exactly. */
export interface PlannedResponse {
  status: number;
  headers: HeaderPair[];
  body: Uint8Array;
}

export function jsonResponse(status: number, value: unknown): PlannedResponse {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  return {
    status,
    headers: [
      ['Content-Type', 'application/json; charset=utf-8'],
      ['Content-Length', String(body.byteLength)],
    ],
    body,
  };
}

export function tooLargeResponse(limit: number): PlannedResponse {
  return jsonResponse(413, {
    error: 'payload_too_large',
    message: `The request body is larger than the receiver's limit of ${limit} bytes. Hookbench recorded the request with the first ${limit} bytes; raise the limit in Settings to keep whole bodies.`,
  });
}

export function storeUnavailableResponse(): PlannedResponse {
  return jsonResponse(503, {
    error: 'store_unavailable',
    message:
      'Hookbench could not save this request (is the disk full or the data folder read-only?). Nothing was recorded; please retry.',
  });
}
