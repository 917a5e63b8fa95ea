import type { IncomingMessage } from 'node:http';

export interface BodyReadResult {
  /** The bytes kept: the whole body, or its first `limit` bytes when it was too large. */
  body: Buffer;
  /** Bytes seen on the wire (more than body.length when truncated). */
  receivedBytes: number;
  truncated: boolean;
}

/**
 * Reads a request body, keeping at most `limit` bytes. Resolves as soon as the
 * body ends or crosses the limit, so an oversized upload is answered at once;
 * the rest is discarded by the caller.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyReadResult> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    let received = 0;
    let settled = false;
    const finish = (truncated: boolean) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      resolve({ body: Buffer.concat(chunks, kept), receivedBytes: received, truncated });
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      const room = limit - kept;
      if (chunk.length <= room) {
        chunks.push(chunk);
        kept += chunk.length;
        return;
      }
      if (room > 0) {
        chunks.push(chunk.subarray(0, room));
        kept += room;
      }
      finish(true);
    };
    const onEnd = () => finish(false);
    const onError = (error: Error) => {
      if (settled) return;
      settled = true;
      reject(error);
    };
    // A client that goes away mid-body may close the request without 'end' or 'error'.
    const onClose = () => {
      if (!req.complete) onError(new Error('The client closed the connection before the body was complete.'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.once('close', onClose);
  });
}
