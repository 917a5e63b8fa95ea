import { useEffect, useState } from 'react';
import type { BodyPayload } from '../../../../shared/domain';
import { describeError } from '../../../client';
import { decodeBase64 } from '../../../lib/bodyWorkerClient';
import { useInspector } from '../../../state/StoresContext';

/** Bodies are fetched this far first; "Load the rest" fetches the whole body. */
export const FIRST_PART_BYTES = 2 * 1024 * 1024;

export type BodyMeta = Omit<BodyPayload, 'bodyBase64'>;

export type CaptureBody =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; meta: BodyMeta; bytes: Uint8Array; partial: boolean };

/**
 * One side of a capture, decoded from its Content-Encoding by the core, as bytes.
 * Base64 is undone in the worker: the whole of a 20 MB body is 27 MB of it.
 */
export function useCaptureBody(captureId: number, side: 'request' | 'response', whole: boolean): CaptureBody {
  const getBody = useInspector((s) => s.getBody);
  const [body, setBody] = useState<CaptureBody>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    setBody((previous) => (previous.status === 'ready' && whole ? previous : { status: 'loading' }));
    const request = { id: captureId, side, decode: true, ...(whole ? {} : { maxBytes: FIRST_PART_BYTES }) };
    getBody(request)
      .then(async ({ bodyBase64, ...meta }) => {
        const bytes = await decodeBase64(bodyBase64);
        if (current) setBody({ status: 'ready', meta, bytes, partial: meta.size < meta.totalSize });
      })
      .catch((error: unknown) => {
        if (current) setBody({ status: 'error', message: describeError(error, 'Could not load the body.') });
      });
    return () => {
      current = false;
    };
  }, [captureId, side, whole, getBody]);

  return body;
}
