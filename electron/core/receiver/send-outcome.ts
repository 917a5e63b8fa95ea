import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Fault } from '../../../shared/rules';
import type { PlannedResponse } from './responses';

/**
 * Puts a decided answer on the wire: after its delay, as a normal response, or
 * as the fault a rule asked for. Resolves when the exchange is over, so the
 * receiver's shutdown can wait for it (a hung request ends when the client
 * gives up or the receiver stops).
 */
export async function sendOutcome(
  req: IncomingMessage,
  res: ServerResponse,
  response: PlannedResponse,
  fault: Fault | null,
  delayMs: number,
): Promise<void> {
  if (delayMs > 0) await waitUnlessClosed(res, delayMs);
  if (res.destroyed) return;
  switch (fault?.kind) {
    case 'close':
      // FIN without a response: the sender sees the connection end with no answer.
      req.socket.end();
      req.socket.destroySoon();
      return;
    case 'reset':
      req.socket.resetAndDestroy();
      return;
    case 'hang':
      await new Promise<void>((resolve) => res.once('close', () => resolve()));
      return;
    case 'trickle':
      await trickle(res, response, fault.chunkBytes, fault.intervalMs);
      return;
    default:
      sendNow(res, response);
  }
}

export function sendNow(res: ServerResponse, response: PlannedResponse): void {
  if (res.destroyed) return;
  // Node drains an unread remainder of the request (an oversized upload) after
  // this response, so the client still reads it.
  res.writeHead(response.status, response.headers.flat());
  res.end(response.body);
}

async function trickle(
  res: ServerResponse,
  response: PlannedResponse,
  chunkBytes: number,
  intervalMs: number,
): Promise<void> {
  res.writeHead(response.status, response.headers.flat());
  res.flushHeaders();
  for (let offset = 0; offset < response.body.byteLength; offset += chunkBytes) {
    if (res.destroyed) return;
    res.write(response.body.subarray(offset, offset + chunkBytes));
    if (offset + chunkBytes < response.body.byteLength) await waitUnlessClosed(res, intervalMs);
  }
  if (!res.destroyed) res.end();
}

function waitUnlessClosed(res: ServerResponse, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      res.off('close', done);
      resolve();
    }
    res.once('close', done);
  });
}
