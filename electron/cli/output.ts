import { EXIT_FAILED, fileErrorReason } from './usage-error';

/**
 * Standard output when its reader goes away (`hookbench export | head`): Node ignores SIGPIPE,
 * so a closed pipe surfaces as an EPIPE 'error' event, which with no listener crashes with a stack
 * trace. The reader leaving is not a failure of the command: output stops quietly and the command
 * ends with the exit code it would have had, as `git log | head` prints nothing about it.
 */
let readerGone = false;
let writeFailure: unknown = null;

/** True once nothing more can reach standard output. */
export function stdoutClosed(): boolean {
  return readerGone || writeFailure !== null;
}

/** Why standard output could not be written (a full disk, say), other than its reader leaving. */
export function stdoutFailure(): string | null {
  return writeFailure === null ? null : fileErrorReason(writeFailure);
}

function readerLeft(error: NodeJS.ErrnoException): boolean {
  return error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED' || error.code === 'ECONNRESET';
}

/**
 * Installs the listeners; call once before any command writes. A write error can arrive after
 * the command returned, so it is turned into exit 1 only as the process exits.
 */
export function guardOutput(): void {
  process.on('exit', () => {
    const failure = stdoutFailure();
    if (failure === null) return;
    process.stderr.write(`hookbench: cannot write to standard output: ${failure}.\n`);
    if (!process.exitCode) process.exitCode = EXIT_FAILED;
  });
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (readerLeft(error)) readerGone = true;
    else writeFailure ??= error;
  });
  // Standard error has no one to tell: a closed one is ignored the same way.
  process.stderr.on('error', () => {});
}

/** Writes to standard output unless its reader has gone. */
export function print(text: string | Uint8Array): void {
  if (!stdoutClosed()) process.stdout.write(text);
}
