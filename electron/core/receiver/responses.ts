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

/** A body refused because all bodies under way together would hold more memory than allowed. */
export function busyResponse(budgetBytes: number): PlannedResponse {
  const response = jsonResponse(503, {
    error: 'receiver_busy',
    message: `Hookbench was receiving more request bodies at once than it keeps in memory (${mebibytes(budgetBytes)} together), so this one was not read to the end. What arrived was recorded; please retry.`,
  });
  return { ...response, headers: [...response.headers, ['Retry-After', '1']] };
}

export function mebibytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
}
