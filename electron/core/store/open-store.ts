import { closeSync, openSync, readSync } from 'node:fs';
import { moveAside } from '../settings/damaged-files';
import { CaptureStore } from './capture-store';
import { ForeignStoreError } from './schema';

/** SQLite result codes (node:sqlite puts them on `errcode`). */
const SQLITE_CORRUPT = 11;
const SQLITE_NOTADB = 26;

/** Why the file can never be a usable store, or null when the error is something else (busy, no access…). */
function damage(error: unknown): string | null {
  if (error instanceof ForeignStoreError) return error.message;
  const code = (error as { errcode?: unknown }).errcode;
  if (code === SQLITE_NOTADB) return 'it is not an SQLite database';
  if (code === SQLITE_CORRUPT) return `the database is corrupt (${(error as Error).message})`;
  return null;
}

/**
 * Opens the capture store. A file that is not a store (another program's file, a
 * corrupt database) is moved aside with its WAL and a fresh store is started,
 * so the receiver keeps working and the old bytes are kept for inspection.
 * Any other failure (a newer schema, no permission) is thrown, naming the file.
 */
export function openCaptureStore(file: string, warn: (message: string) => void): CaptureStore {
  return openOrSetAside(file, 'capture store', (path) => new CaptureStore(path), warn);
}

/** openCaptureStore's way for any of the data folder's SQLite files (`what` names it in the words). */
export function openOrSetAside<T>(
  file: string,
  what: string,
  open: (file: string) => T,
  warn: (message: string) => void,
): T {
  const setAside = (reason: string) => {
    const moved = moveAside(file, ['-wal', '-shm']);
    warn(
      `The ${what} ${file} cannot be used (${reason}). It was moved to ${moved} and Hookbench started with a new, empty one.`,
    );
  };
  // Checked before SQLite opens it: SQLite would delete a -wal it cannot match to the file.
  if (!hasSqliteHeader(file, what)) setAside('it is not an SQLite database');
  try {
    return open(file);
  } catch (error) {
    const reason = damage(error);
    if (reason === null) throw new Error(`Cannot open the ${what} ${file}: ${(error as Error).message}`);
    setAside(reason);
    return open(file);
  }
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** True for a missing or empty file (SQLite starts a new database) or one that starts like SQLite. */
function hasSqliteHeader(file: string, what: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw new Error(`Cannot open the ${what} ${file}: ${(error as Error).message}`);
  }
  try {
    const head = Buffer.alloc(SQLITE_MAGIC.length);
    const read = readSync(fd, head, 0, head.length, 0);
    return read === 0 || head.equals(SQLITE_MAGIC);
  } finally {
    closeSync(fd);
  }
}
