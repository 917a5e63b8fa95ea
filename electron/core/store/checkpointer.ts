import type { DatabaseSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';

/**
 * The checkpoint thread. It runs as source text (this function's, with `eval`), so it needs no
 * file of its own inside a bundle, an asar or a test runner, and it must use nothing from this
 * module's scope. On each 'checkpoint' message it copies what the write-ahead log holds back into
 * the database file; PASSIVE never blocks the writer (a commit that lands meanwhile waits for
 * the next pass).
 */
function checkpointThread(): void {
  const { parentPort, workerData } = process.getBuiltinModule('node:worker_threads');
  const { DatabaseSync } = process.getBuiltinModule('node:sqlite');
  if (!parentPort) return;
  const port = parentPort;
  const db = new DatabaseSync((workerData as { file: string }).file);
  db.exec('PRAGMA synchronous = NORMAL');
  port.on('message', (message: unknown) => {
    if (message === 'close') {
      db.close();
      port.close();
      return;
    }
    try {
      db.exec('PRAGMA wal_checkpoint(PASSIVE)');
    } catch (error) {
      // The writer's own automatic checkpoints remain; say why this pass failed and carry on.
      port.postMessage({ failed: error instanceof Error ? error.message : String(error) });
    }
  });
}

const THREAD_SOURCE = `(${checkpointThread.toString()})();`;

/**
 * SQLite's own checkpoint, for a connection whose log a Checkpointer folds back: every ~40 MB
 * of log instead of 4 MB. It stays as the bound on the log's size; with the thread keeping up,
 * it finds almost nothing left to copy.
 */
const WRITER_AUTOCHECKPOINT_BYTES = 40 * 1024 * 1024;

/**
 * Sets up the connection that writes a store whose log a Checkpointer folds back. WAL keeps
 * readers and the writer apart; synchronous=NORMAL makes a commit durable against a process
 * crash (the kill test) without an fsync per batch.
 */
export function enableWriteAheadLog(db: DatabaseSync): void {
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
  const { page_size: pageBytes } = db.prepare('PRAGMA page_size').get() as { page_size: number };
  db.exec(`PRAGMA wal_autocheckpoint = ${Math.ceil(WRITER_AUTOCHECKPOINT_BYTES / pageBytes)}`);
}

/** Bytes written between two background checkpoints (about 1,000 pages of the log). */
const CHECKPOINT_EVERY_BYTES = 4 * 1024 * 1024;

/**
 * Folds the store's write-ahead log back into the database file from a thread of its own
 * (checkpointThread), a few megabytes at a time. SQLite would otherwise do it inside a
 * capture's commit every ~40 MB: a stall of tens of milliseconds for whichever request
 * triggered it, and with 100 KB bodies about half of all the time spent storing them.
 * The writer's connection keeps SQLite's own checkpoint as the bound (enableWriteAheadLog).
 */
export class Checkpointer {
  private worker: Worker | null = null;
  private written = 0;
  private closed = false;

  constructor(
    private readonly file: string,
    private readonly warn: (message: string) => void,
  ) {}

  /** Counts bytes committed; starts a pass once enough have accumulated. */
  wrote(bytes: number): void {
    this.written += bytes;
    if (this.written < CHECKPOINT_EVERY_BYTES || this.closed) return;
    this.written = 0;
    (this.worker ?? this.spawn()).postMessage('checkpoint');
  }

  /** Ends the thread after the pass in progress, if any. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    // Waited for, so it must keep the process alive until it has closed its connection.
    worker.ref();
    worker.postMessage('close');
    await exited;
  }

  private spawn(): Worker {
    const worker = new Worker(THREAD_SOURCE, { eval: true, workerData: { file: this.file } });
    // A checkpoint is housekeeping: it must never keep a CLI run alive.
    worker.unref();
    worker.on('message', (message: { failed?: string }) => {
      if (message.failed) this.warn(`A background checkpoint of ${this.file} failed: ${message.failed}`);
    });
    worker.on('error', (error) => this.warn(`The checkpoint thread stopped: ${error.message}`));
    // Started again by the next pass if it died.
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null;
    });
    this.worker = worker;
    return worker;
  }
}
