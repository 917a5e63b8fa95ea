import { useEffect, useState } from 'react';
import type { HeaderPair } from '../../shared/domain';
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

function encodingOf(headers: readonly HeaderPair[]): string | null {
  const value = headers
    .find(([name]) => name.toLowerCase() === 'content-encoding')?.[1]
    .trim()
    .toLowerCase();
  return value && value !== 'identity' ? value : null;
}

async function decompress(bytes: Uint8Array, format: CompressionFormat): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream(format));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * A response body as its sender meant it: an answer sent with Content-Encoding: gzip (a replay
 * passes on the captured Accept-Encoding) is shown decompressed, and says so.
 */
export function useDecodedBody(base64: string, headers: readonly HeaderPair[]): DecodedBody {
  const encoding = encodingOf(headers);
  const format = encoding === null ? undefined : FORMATS[encoding];
  const [done, setDone] = useState<{ of: string; body: DecodedBody } | null>(null);

  useEffect(() => {
    if (!format || base64 === '') return;
    let live = true;
    decompress(base64ToBytes(base64), format).then(
      (bytes) =>
        live &&
        setDone({ of: base64, body: { base64: bytesToBase64(bytes), decodedFrom: encoding, note: null } }),
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
