import type { IncomingMessage } from 'node:http';

export interface BodyReadResult {
  /** The bytes kept: the whole body, or its first `limit` bytes when it was too large. */
  body: Buffer;
  /** Bytes seen on the wire (more than body.length when truncated). */
  receivedBytes: number;
  truncated: boolean;
  /**
   * False when the body never finished: the client went away, Node gave up on a
   * malformed body, or a timeout cut it off. The bytes that did arrive are kept.
   */
  complete: boolean;
  /**
   * True when the body stopped being read because the bodies of all requests under way together
   * would have held more memory than the receiver allows (`take` said no); truncated too.
   */
  overBudget: boolean;
}

/** Asks to hold `bytes` more of body in memory; false when that would cross the receiver's budget. */
export type TakeBytes = (bytes: number) => boolean;

/**
 * Reads a request body, keeping at most `limit` bytes. Resolves as soon as the
 * body ends or crosses the limit, so an oversized upload is answered at once;
 * the rest is discarded by the caller. Never rejects: a body cut short resolves
 * with `complete: false`, because the part that arrived is worth recording.
 */
export function readBody(req: IncomingMessage, limit: number, take: TakeBytes): Promise<BodyReadResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    let received = 0;
    let settled = false;
    const finish = (truncated: boolean, complete: boolean, overBudget = false) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
      resolve({
        body: Buffer.concat(chunks, kept),
        receivedBytes: received,
        truncated,
        complete,
        overBudget,
      });
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      const room = limit - kept;
      const keep = Math.min(chunk.length, Math.max(room, 0));
      if (keep > 0 && !take(keep)) {
        finish(true, true, true);
        return;
      }
      if (chunk.length <= room) {
        chunks.push(chunk);
        kept += chunk.length;
        return;
      }
      if (room > 0) {
        chunks.push(chunk.subarray(0, room));
        kept += room;
      }
      finish(true, true);
    };
    const onEnd = () => finish(false, true);
    // 'error' ("aborted") and a 'close' before the end both mean the body stopped arriving.
    // (Node emits a request's 'error' only while someone listens, so removing ours is safe.)
    const onError = () => finish(true, false);
    const onClose = () => {
      if (!req.complete) finish(true, false);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}
