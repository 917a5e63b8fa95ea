import type { Finding, HeaderPair } from '../../../shared/domain';
import type { PayloadKind, ResponseOrigin } from '../../../shared/rules';

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
  kind: PayloadKind | null;
  valid: boolean | null;
  findings: Finding[];
  origin: ResponseOrigin;
  /** The echo bucket the request was sent to, or null. */
  bucket: string | null;
  /** The user's pin and note, for a capture coming back from an export file; none otherwise. */
  marks?: { pinned: boolean; note: string | null };
}

/** The first Content-Type header value, as received, or null. */
export function contentTypeOf(headers: readonly HeaderPair[]): string | null {
  for (const [name, value] of headers) {
    if (name.toLowerCase() === 'content-type') return value;
  }
  return null;
}
