import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import type { BodyPayload, HeaderPair } from '../../../shared/domain';
import { contentEncodingOf } from '../../../shared/headers';

/** Decoded bodies larger than this are clipped for display; a gzip bomb cannot exhaust memory. */
export const MAX_DECODED_BYTES = 64 * 1024 * 1024;

/**
 * Undoes a Content-Encoding for display. The stored bytes never change; this
 * only produces a view of them, and says in words when it cannot.
 */
export function decodeBody(
  body: Uint8Array,
  headers: readonly HeaderPair[],
  decode: boolean,
  maxBytes = Number.POSITIVE_INFINITY,
): BodyPayload {
  const view = decodeWhole(body, headers, decode);
  const total = view.bytes.byteLength;
  const part = total > maxBytes ? view.bytes.subarray(0, maxBytes) : view.bytes;
  return {
    bodyBase64: Buffer.from(part.buffer, part.byteOffset, part.byteLength).toString('base64'),
    size: part.byteLength,
    totalSize: total,
    decoded: view.decoded,
    decodeError: view.decodeError,
  };
}

/**
 * The body as its sender meant it: undone from its Content-Encoding (gzip, deflate, br), or the
 * bytes themselves when there is none. Null when it says it is encoded but does not decode.
 */
export function decodedBytes(body: Uint8Array, headers: readonly HeaderPair[]): Uint8Array | null {
  const view = decodeWhole(body, headers, true);
  return view.decodeError === null ? view.bytes : null;
}

interface DecodedView {
  bytes: Uint8Array;
  decoded: string | null;
  decodeError: string | null;
}

/** Like decodedBytes, for a body whose encoding is already known: the stored bytes when it does not decode. */
export function decodedOrStored(body: Uint8Array, encoding: string | null): Uint8Array {
  const view = decodeAs(body, encoding ?? '');
  return view.decodeError === null ? view.bytes : body;
}

function decodeWhole(body: Uint8Array, headers: readonly HeaderPair[], decode: boolean): DecodedView {
  return decode
    ? decodeAs(body, contentEncodingOf(headers) ?? '')
    : { bytes: body, decoded: null, decodeError: null };
}

function decodeAs(body: Uint8Array, encoding: string): DecodedView {
  const plain: DecodedView = { bytes: body, decoded: null, decodeError: null };
  if (encoding === '' || encoding === 'identity' || body.byteLength === 0) return plain;
  const options = { maxOutputLength: MAX_DECODED_BYTES };
  let out: Buffer;
  try {
    switch (encoding) {
      case 'gzip':
      case 'x-gzip':
        out = gunzipSync(body, options);
        break;
      case 'deflate':
        // "deflate" is zlib-wrapped by the spec, but many senders send raw deflate.
        try {
          out = inflateSync(body, options);
        } catch {
          out = inflateRawSync(body, options);
        }
        break;
      case 'br':
        out = brotliDecompressSync(body, options);
        break;
      default:
        return {
          ...plain,
          decodeError: `The body is encoded as "${encoding}", which Hookbench cannot decode; shown as received.`,
        };
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      return {
        ...plain,
        decodeError: `The ${encoding} body expands beyond ${MAX_DECODED_BYTES / 1024 / 1024} MiB (a compression bomb?); shown as received.`,
      };
    }
    return {
      ...plain,
      decodeError: `The body says Content-Encoding: ${encoding} but does not decode (${(error as Error).message}); shown as received.`,
    };
  }
  return { bytes: out, decoded: encoding, decodeError: null };
}
