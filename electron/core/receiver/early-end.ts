import type { PlannedResponse } from './responses';

/**
 * Connection-level errors: Node's parser rejected the bytes, a timeout fired,
 * or the client went away. The receiver answers them itself (instead of Node's
 * default handler) so that it knows exactly what it sent, records that with
 * the capture of a request cut short, and sends nothing to a client that
 * already hung up.
 */

/** Error codes meaning the client is gone: there is no one to answer. */
const CLIENT_GONE = new Set(['HPE_INVALID_EOF_STATE', 'ECONNRESET', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE']);

export const TIMEOUT_CODE = 'ERR_HTTP_REQUEST_TIMEOUT';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  413: 'Payload Too Large',
  431: 'Request Header Fields Too Large',
};

/** The answer to a connection-level error, or null when nothing should be sent. */
export function clientErrorResponse(code: string, maxHeaderBytes: number): PlannedResponse | null {
  if (CLIENT_GONE.has(code)) return null;
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return plain(
        431,
        `The request line and headers are larger than ${Math.round(maxHeaderBytes / 1024)} KiB.`,
      );
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return plain(413, 'The chunk extensions of the body are too large.');
    case TIMEOUT_CODE:
      return plain(408, 'The request did not arrive completely within the time limit.');
    default:
      return plain(400, `The request is not valid HTTP/1.1 (${code}).`);
  }
}

function plain(status: number, text: string): PlannedResponse {
  const body = Buffer.from(`Hookbench: ${text}\n`, 'utf8');
  return {
    status,
    headers: [
      ['Content-Type', 'text/plain; charset=utf-8'],
      ['Content-Length', String(body.byteLength)],
      ['Connection', 'close'],
    ],
    body,
  };
}

/** A planned response as raw HTTP/1.1 bytes, for writing straight to a socket. */
export function responseBytes(response: PlannedResponse): Buffer {
  const head = [`HTTP/1.1 ${response.status} ${REASONS[response.status] ?? ''}`.trimEnd()];
  for (const [name, value] of response.headers) head.push(`${name}: ${value}`);
  return Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1'), response.body]);
}

export interface EarlyEnd {
  /** Why the body stopped: the connection-level error code, 'stopping', or null (client closed). */
  code: string | null;
  errorMessage: string | null;
  /** What the receiver sent, if anything. */
  answered: PlannedResponse | null;
}

/** Plain words for a capture whose body never completed. */
export function describeEarlyEnd(end: EarlyEnd, received: number, declared: number | null): string {
  const progress =
    declared === null ? `${received} bytes of a body of unknown length` : `${received} of ${declared} bytes`;
  if (end.code === 'stopping') return `Hookbench was stopping and closed the connection after ${progress}`;
  if (end.code === TIMEOUT_CODE && end.answered)
    return `The request did not arrive within the receiver's time limit; Hookbench answered 408 and closed the connection after ${progress}`;
  if (end.answered)
    return `The request body is malformed (${end.errorMessage ?? end.code}); Hookbench answered ${end.answered.status} and closed the connection after ${progress}`;
  return `The client closed the connection after ${progress}`;
}
