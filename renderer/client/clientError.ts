import type { ErrorCode } from '../../shared/contract';

/** What every failed `call` rejects with: a contract error code and a message in plain words. */
export class ClientError extends Error {
  readonly code: ErrorCode;
  /**
   * True when the command reached Hookbench and the connection dropped before its answer: what
   * it started may still be going on (a simulation), unlike a call that was never sent.
   */
  readonly answerLost: boolean;

  constructor(code: ErrorCode, message: string, options: { answerLost?: boolean } = {}) {
    super(message);
    this.name = 'ClientError';
    this.code = code;
    this.answerLost = options.answerLost ?? false;
  }
}

const ERROR_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'bad_request',
  'not_found',
  'unavailable',
  'internal',
]);

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && ERROR_CODES.has(value);
}

export function isClientError(value: unknown): value is ClientError {
  return value instanceof ClientError;
}

/**
 * Turns anything thrown into a sentence the UI can show. Unknown errors get a
 * generic sentence on purpose: their messages are often stack-like internals.
 */
export function describeError(error: unknown, fallback = 'Something went wrong.'): string {
  if (error instanceof ClientError && error.message.trim() !== '') return error.message;
  return fallback;
}
