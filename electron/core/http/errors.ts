/**
 * Network and HTTP-client errors in plain words, always naming the URL. The code tells the UI
 * what kind of failure it was; the system code (ENOTFOUND, DEPTH_ZERO_SELF_SIGNED_CERT…) is
 * kept for people who search for it. Never a stack.
 */
import type { HttpErrorCode, HttpFailure } from '../../../shared/composer';

/** Where a send was when it failed, for the timeout's wording. */
export type SendPhase = 'connecting' | 'waiting' | 'reading';

export class SendTimeoutError extends Error {
  constructor(
    readonly timeoutMs: number,
    readonly phase: SendPhase,
  ) {
    super(`timed out after ${timeoutMs} ms`);
    this.name = 'SendTimeoutError';
  }
}

const TLS_WORDS: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the server’s certificate is self-signed, so it cannot be trusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'the server’s certificate chain ends in a self-signed certificate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    'the server’s certificate was issued by an authority this computer does not know',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    'the server’s certificate was issued by an authority this computer does not know',
  CERT_HAS_EXPIRED: 'the server’s certificate has expired',
  CERT_NOT_YET_VALID: 'the server’s certificate is not valid yet (check the computer’s clock)',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the server’s certificate is for a different host name',
  ERR_SSL_WRONG_VERSION_NUMBER: 'the server did not answer in TLS (is it plain http rather than https)',
};

const INSECURE_HINT =
  " For a test server, turn off TLS verification: untick 'Verify TLS certificates', or --insecure on the command line.";

function codeOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  // Happy eyeballs (several addresses tried) fails with an AggregateError of the attempts.
  const inner = (error as { errors?: unknown } | null)?.errors;
  if (Array.isArray(inner)) for (const item of inner) if (codeOf(item)) return codeOf(item);
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause !== undefined && cause !== error ? codeOf(cause) : null;
}

/**
 * A URL as messages and logs show it: a password in it is masked (as curl never echoes one), so a
 * CI log or a shared screenshot of an error does not carry it. The request itself is unchanged.
 */
export function shownUrl(url: string | URL): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return String(url);
  }
  if (parsed.password === '') return parsed.href;
  parsed.password = '***';
  return parsed.href;
}

function failure(code: HttpErrorCode, systemCode: string | null, message: string): HttpFailure {
  return { code, systemCode, message };
}

function timeoutWords(error: SendTimeoutError, url: string): string {
  const where =
    error.phase === 'connecting'
      ? 'could not even connect'
      : error.phase === 'waiting'
        ? 'connected, but the server sent no answer'
        : 'the answer started but did not finish';
  return `No complete answer from ${url} within ${error.timeoutMs} ms: ${where}. Is the server stuck, or is the timeout too short?`;
}

/** Turns anything a send threw into an HttpFailure. */
export function describeHttpError(
  error: unknown,
  url: string,
  host: string,
  /** False where no switch turns verification off (forwarding): the words then do not point to one. */
  canSkipTls = true,
): HttpFailure {
  if (error instanceof SendTimeoutError) return failure('timeout', null, timeoutWords(error, url));
  const code = codeOf(error);
  const detail = error instanceof Error && error.message ? error.message : String(error);
  switch (code) {
    case 'ENOTFOUND':
      return failure(
        'dns',
        code,
        `Could not connect to ${url}: the host name ${host} was not found (DNS) — check the spelling.`,
      );
    case 'EAI_AGAIN':
      return failure(
        'dns',
        code,
        `Could not connect to ${url}: the host name ${host} could not be looked up (no DNS answer) — is the network up?`,
      );
    case 'ECONNREFUSED':
      return failure(
        'refused',
        code,
        `Could not connect to ${url}: the connection was refused — is the server running?`,
      );
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return failure('refused', code, `Could not reach ${url}: there is no network route to ${host}.`);
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
      return failure(
        'reset',
        code,
        `The connection to ${url} was closed by the other side before a complete answer arrived.`,
      );
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
      return failure(
        'timeout',
        code,
        `Could not connect to ${url}: the server did not accept the connection in time.`,
      );
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return failure('timeout', code, `No complete answer from ${url}: the server stopped sending.`);
    case 'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH':
      return failure(
        'bad-request',
        code,
        `Not sent to ${url}: a Content-Length header does not match the body's size; remove it and it is computed.`,
      );
    case 'UND_ERR_INVALID_ARG':
    case 'UND_ERR_NOT_SUPPORTED':
      return failure('bad-request', code, `Not sent to ${url}: ${detail.replace(/\.$/, '')}.`);
    default:
      break;
  }
  if (code !== null && (code in TLS_WORDS || /CERT|SSL|TLS/.test(code))) {
    const words = TLS_WORDS[code] ?? `the secure connection failed (${detail})`;
    // Turning verification off only helps with certificate problems, not with a server that is not TLS.
    const hint = canSkipTls && /CERT|SIGNATURE|ISSUER/.test(code) ? INSECURE_HINT : '';
    return failure('tls', code, `Could not connect securely to ${url}: ${words}.${hint}`);
  }
  return failure('other', code, `Could not send to ${url}: ${detail}`);
}
