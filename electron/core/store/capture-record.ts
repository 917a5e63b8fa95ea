import type { HeaderPair } from '../../../shared/domain';

/** A capture as the receiver hands it to the store: raw bytes, not yet given an id. */
export interface NewCapture {
  receivedAt: number;
  method: string;
  path: string;
  httpVersion: string;
  headers: HeaderPair[];
  body: Uint8Array;
  declaredBodySize: number | null;
  truncated: boolean;
  remoteAddress: string;
  remotePort: number;
  response: {
    status: number;
    headers: HeaderPair[];
    body: Uint8Array;
  };
}

/** The first Content-Type header value, as received, or null. */
export function contentTypeOf(headers: readonly HeaderPair[]): string | null {
  for (const [name, value] of headers) {
    if (name.toLowerCase() === 'content-type') return value;
  }
  return null;
}
