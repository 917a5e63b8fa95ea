import { useEffect, useState } from 'react';
import type { HeaderPair } from '../../shared/domain';
import { contentEncodingOf } from '../../shared/headers';
import { base64ToBytes, bytesToBase64 } from './base64';

/** The browser's decompressors for each Content-Encoding it can undo ("deflate" is zlib-wrapped). */
const FORMATS: Record<string, CompressionFormat> = { gzip: 'gzip', 'x-gzip': 'gzip', deflate: 'deflate' };

export interface DecodedBody {
  /** The body to show: decoded when it could be, else as received. */
  base64: string;
  /** The encoding undone, or null. */
  decodedFrom: string | null;
  /** Why an encoded body is shown as received, in words; null when nothing is wrong. */
  note: string | null;
}

/** Decoded bytes shown at most, as the core caps its own decoding: a compression bomb cannot fill memory. */
const MAX_DECODED_BYTES = 64 * 1024 * 1024;

/** The decompressed body, cut at MAX_DECODED_BYTES (then `clipped`). */
async function decompress(
  bytes: Uint8Array,
  format: CompressionFormat,
): Promise<{ bytes: Uint8Array; clipped: boolean }> {
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream(format))
    .getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size > MAX_DECODED_BYTES) {
      await reader.cancel();
      break;
    }
  }
  const out = new Uint8Array(Math.min(size, MAX_DECODED_BYTES));
  let at = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, out.byteLength - at);
    out.set(part, at);
    at += part.byteLength;
    if (at === out.byteLength) break;
  }
  return { bytes: out, clipped: size > MAX_DECODED_BYTES };
}

/** "deflate" is zlib-wrapped by the spec, but many senders send raw deflate: both are tried, as the core does. */
async function decompressAny(bytes: Uint8Array, format: CompressionFormat) {
  try {
    return await decompress(bytes, format);
  } catch (error) {
    if (format !== 'deflate') throw error;
    return decompress(bytes, 'deflate-raw');
  }
}

/**
 * A response body as its sender meant it: an answer sent with Content-Encoding: gzip (a replay
 * passes on the captured Accept-Encoding) is shown decompressed, and says so.
 */
export function useDecodedBody(base64: string, headers: readonly HeaderPair[]): DecodedBody {
  const encoding = contentEncodingOf(headers);
  const format = encoding === null ? undefined : FORMATS[encoding];
  const [done, setDone] = useState<{ of: string; body: DecodedBody } | null>(null);

  useEffect(() => {
    if (!format || base64 === '') return;
    let live = true;
    decompressAny(base64ToBytes(base64), format).then(
      ({ bytes, clipped }) =>
        live &&
        setDone({
          of: base64,
          body: {
            base64: bytesToBase64(bytes),
            decodedFrom: encoding,
            note: clipped
              ? `Decoded, it is over ${MAX_DECODED_BYTES / 1024 / 1024} MiB (a compression bomb?): the first part is shown.`
              : null,
          },
        }),
      () =>
        live &&
        setDone({
          of: base64,
          body: {
            base64,
            decodedFrom: null,
            note: `It says Content-Encoding: ${encoding} but does not decode; shown as received.`,
          },
        }),
    );
    return () => {
      live = false;
    };
  }, [base64, format, encoding]);

  if (encoding === null || base64 === '') return { base64, decodedFrom: null, note: null };
  if (!format)
    return {
      base64,
      decodedFrom: null,
      note: `Encoded as ${encoding}, which this view cannot decode; shown as received.`,
    };
  return done?.of === base64 ? done.body : { base64, decodedFrom: null, note: null };
}
