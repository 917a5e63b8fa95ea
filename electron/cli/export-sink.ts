import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, realpathSync, renameSync, rmSync, type Stats, statSync } from 'node:fs';
import { type FileHandle, open, rm } from 'node:fs/promises';
import { constants } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { DATA_FILES } from '../core/index';
import { STOP_SIGNALS } from './interrupt';
import { stdoutClosed } from './output';
import { CliError, EXIT_FAILED, fileErrorReason } from './usage-error';

/** Where an export goes: standard output, or a file that appears only once complete. */
export interface Sink {
  write(text: string): Promise<void>;
  /** False once nothing more can arrive (the reader of standard output left): stop early. */
  readonly open: boolean;
  finish(): Promise<void>;
  abandon(): Promise<void>;
}

export const stdoutSink: Sink = {
  get open() {
    return !stdoutClosed();
  },
  async write(text) {
    if (stdoutClosed() || process.stdout.write(text)) return;
    // Respects back-pressure so a large store streams instead of piling up in memory.
    await new Promise<void>((done) => {
      const settle = () => {
        for (const event of ['drain', 'error', 'close']) process.stdout.off(event, settle);
        done();
      };
      for (const event of ['drain', 'error', 'close']) process.stdout.once(event, settle);
    });
  },
  async finish() {},
  async abandon() {},
};

/**
 * What the data folder holds (stores with their -wal/-shm, settings, workspace, composer files)
 * and the copies the core keeps of damaged ones (`settings.json.damaged-…`): an export must
 * never be written over any of them, --force or not.
 */
const DATA_FILE_PREFIXES = DATA_FILES.map(({ name }) =>
  (name.endsWith('.json') ? name.slice(0, -'json'.length) : name).toLowerCase(),
);

const isDataFileName = (name: string) =>
  DATA_FILE_PREFIXES.some((prefix) => name.toLowerCase().startsWith(prefix));

/** The data file `target` is (by real path, or as a hard link of one), or null. */
function dataFileAt(target: string, existing: Stats | null, dataDir: string): string | null {
  let realDir: string;
  try {
    realDir = realpathSync(dataDir);
  } catch {
    return null;
  }
  const realTarget = existing ? realpathSync(target) : join(realpathSync(dirname(target)), basename(target));
  if (dirname(realTarget) === realDir && isDataFileName(basename(realTarget))) return basename(realTarget);
  if (!existing) return null;
  for (const name of readdirSync(realDir).filter(isDataFileName)) {
    const stats = statSync(join(realDir, name), { throwIfNoEntry: false });
    if (stats && stats.ino === existing.ino && stats.dev === existing.dev) return name;
  }
  return null;
}

/** A write may take only part of the bytes (at a size limit, say); the rest is retried until it fails. */
async function writeAll(handle: FileHandle, text: string): Promise<void> {
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; ) {
    const { bytesWritten } = await handle.write(bytes, at);
    if (bytesWritten === 0) throw new Error('nothing could be written');
    at += bytesWritten;
  }
}

function statOrNull(path: string, what: string): Stats | null {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return null;
    throw new CliError(`Cannot write ${what}: ${fileErrorReason(error)}.`);
  }
}

/**
 * A sink writing to `out`: refused (exit 2) when `out` is a file of the data folder, a folder,
 * or an existing file without `force`. Writes go to a temporary file beside it, renamed over
 * `out` only once complete, so a failed export never leaves a half-written file behind.
 */
export async function fileSink(out: string, options: { force: boolean; dataDir: string }): Promise<Sink> {
  const target = resolve(out);
  const existing = statOrNull(target, out);
  const parent = statOrNull(dirname(target), out);
  if (!parent) throw new CliError(`Cannot write ${out}: the folder ${dirname(target)} does not exist.`);
  if (existing?.isDirectory()) throw new CliError(`--out ${out} is a folder; give a file name.`);
  const dataFile = dataFileAt(target, existing, options.dataDir);
  if (dataFile !== null)
    throw new CliError(
      `--out ${out} is the data folder's ${dataFile}: exporting over it would destroy it. Choose a file outside the data folder.`,
    );
  const refuseExisting = () =>
    new CliError(`${out} already exists. Add --force to replace it, or choose another --out.`);
  // A device or named pipe (/dev/stdout, a FIFO) is written to as it is: renaming over it would
  // replace it, and there is nothing in it to lose.
  if (existing && !existing.isFile()) return directSink(target, out);
  if (existing && !options.force) throw refuseExisting();

  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.part`);
  // Set before the file exists, so no moment leaves it behind.
  const release = removeOnSignal(temp, out);
  let handle: FileHandle;
  try {
    handle = await open(temp, 'wx');
  } catch (error) {
    release();
    throw new CliError(`Cannot write ${out}: ${fileErrorReason(error)}.`);
  }
  // Many small lines become few large writes.
  let pending: string[] = [];
  let pendingLength = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    pendingLength = 0;
    await writeAll(handle, text);
  };
  const failed = (error: unknown) =>
    new CliError(
      `Could not write ${out}: ${fileErrorReason(error)}. Nothing was written there.`,
      EXIT_FAILED,
    );
  const discard = async () => {
    release();
    await handle.close().catch(() => {});
    await rm(temp, { force: true });
  };
  return {
    open: true,
    async write(text) {
      pending.push(text);
      pendingLength += text.length;
      if (pendingLength < 1 << 20) return;
      try {
        await flush();
      } catch (error) {
        await discard();
        throw failed(error);
      }
    },
    async finish() {
      try {
        await flush();
        await handle.sync();
        await handle.close();
      } catch (error) {
        await discard();
        throw failed(error);
      }
      // The target may have appeared while the export ran.
      if (!options.force && existsSync(target)) {
        await discard();
        throw refuseExisting();
      }
      try {
        renameSync(temp, target);
        release();
      } catch (error) {
        await discard();
        throw failed(error);
      }
    },
    abandon: discard,
  };
}

/**
 * Ctrl-C (or TERM) during an export would end the process with the hidden temporary file left
 * beside `out`: it is removed, and the process ends as the signal would have ended it (exit 128 +
 * its number). Returns the function that stands the handlers down.
 */
function removeOnSignal(temp: string, out: string): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    rmSync(temp, { force: true });
    process.stderr.write(`hookbench: export stopped by ${signal}; nothing was written to ${out}.\n`);
    process.exit(128 + (constants.signals[signal] ?? 0));
  };
  for (const signal of STOP_SIGNALS) process.once(signal, onSignal);
  return () => {
    for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
  };
}

async function directSink(target: string, out: string): Promise<Sink> {
  let handle: FileHandle;
  try {
    handle = await open(target, 'w');
  } catch (error) {
    throw new CliError(`Cannot write ${out}: ${fileErrorReason(error)}.`);
  }
  // A pipe whose reader left (--out /dev/stdout | head) ends the export quietly, as standard output does.
  let readerGone = false;
  const guard = async (work: () => Promise<unknown>) => {
    if (readerGone) return;
    try {
      await work();
    } catch (error) {
      if ((error as { code?: unknown }).code === 'EPIPE') {
        readerGone = true;
        return;
      }
      await handle.close().catch(() => {});
      throw new CliError(`Could not write ${out}: ${fileErrorReason(error)}.`, EXIT_FAILED);
    }
  };
  return {
    get open() {
      return !readerGone;
    },
    write: (text) => guard(() => writeAll(handle, text)),
    // A device or pipe holds nothing to lose, so closing it cannot fail an export.
    finish: () => handle.close().catch(() => {}),
    abandon: () => handle.close().catch(() => {}),
  };
}
