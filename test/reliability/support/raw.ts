/**
 * Raw TCP exchanges with the receiver, for requests an HTTP client would refuse
 * to send or would normalise. No test-runner imports, so Playwright can use it too.
 */
import { connect } from 'node:net';

export interface RawResult {
  /** Everything the server sent, as latin1 text (status lines and headers are ASCII). */
  text: string;
  /** The local port of the client socket: the capture's remotePort. */
  localPort: number;
  /** How the connection ended. */
  end: 'closed' | 'reset' | 'timeout';
}

/**
 * Writes raw bytes on a fresh TCP connection and collects the answer until the
 * server closes, the connection resets, or `timeoutMs` passes. `halfClose`
 * sends FIN after the bytes, as a client that has nothing more to say.
 */
export function rawExchange(
  base: string,
  bytes: Uint8Array | string,
  options: { halfClose?: boolean; timeoutMs?: number } = {},
): Promise<RawResult> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let localPort = 0;
    const socket = connect(Number(port), hostname, () => {
      localPort = socket.localPort ?? 0;
      if (options.halfClose) socket.end(bytes);
      else socket.write(bytes);
    });
    let settled = false;
    const done = (end: RawResult['end']) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ text: Buffer.concat(chunks).toString('latin1'), localPort, end });
    };
    const timer = setTimeout(() => done('timeout'), options.timeoutMs ?? 5_000);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', () => done('closed'));
    socket.on('error', () => done('reset'));
  });
}

/**
 * Status codes of every response in a raw answer, in order (interim 1xx included).
 * Pipelined responses follow each other's bodies directly, so status lines are found
 * anywhere; the receiver's own bodies never contain one.
 */
export function statusCodes(text: string): number[] {
  return [...text.matchAll(/HTTP\/1\.[01] (\d{3}) /g)].map((m) => Number(m[1]));
}
