import type { CommandError, ErrorCode } from '../../shared/contract';

/** An error meant for the user: a contract error code plus a message in plain words. */
export class CoreError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'CoreError';
    this.code = code;
  }
}

/** Turns anything thrown into a contract error, never leaking a stack trace. */
export function toCommandError(error: unknown): CommandError {
  if (error instanceof CoreError) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: message || 'Something went wrong inside Hookbench.' };
}
