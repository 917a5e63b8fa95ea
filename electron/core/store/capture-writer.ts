import type { CaptureSummary } from '../../../shared/domain';
import type { NewCapture } from './capture-record';
import type { CaptureStore } from './capture-store';
import { Checkpointer } from './checkpointer';
import type { StoreHealthMonitor } from './store-health';

interface Pending {
  capture: NewCapture;
  resolve: (summary: CaptureSummary) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: captures that finish in the same turn of the event loop are
 * written in one transaction, and each request is answered only after its
 * transaction committed. Under load this turns thousands of commits a second
 * into a few hundred, without ever answering before the bytes are stored.
 */
export class CaptureWriter {
  private queue: Pending[] = [];
  private scheduled = false;
  private closed = false;
  /** Folds the log this writer grows back into the store file, off the thread serving HTTP. */
  private readonly checkpointer: Checkpointer;

  constructor(
    private readonly store: CaptureStore,
    private readonly onStored: (summaries: CaptureSummary[]) => void,
    private readonly health?: StoreHealthMonitor,
    warn: (message: string) => void = () => {},
  ) {
    this.checkpointer = new Checkpointer(store.file, warn);
  }

  write(capture: NewCapture): Promise<CaptureSummary> {
    // After close the store is gone; the request gets a 503 instead of a write into a closed database.
    if (this.closed) return Promise.reject(new Error('The capture store is closed.'));
    return new Promise((resolve, reject) => {
      this.queue.push({ capture, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Writes what is queued, refuses later writes and ends the checkpoint thread; call before closing the store. */
  async close(): Promise<void> {
    this.flush();
    this.closed = true;
    await this.checkpointer.close();
  }

  /** Writes whatever is queued now; used on shutdown as well as by the scheduler. */
  flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    if (batch.length === 0) return;
    this.queue = [];
    let summaries: CaptureSummary[];
    try {
      summaries = this.store.insertMany(batch.map((p) => p.capture));
    } catch (error) {
      this.health?.failed(error, this.store.file);
      for (const pending of batch) pending.reject(error);
      return;
    }
    this.health?.succeeded();
    this.checkpointer.wrote(logBytes(batch));
    batch.forEach((pending, i) => {
      pending.resolve(summaries[i] as CaptureSummary);
    });
    this.onStored(summaries);
  }
}

/** Bytes of write-ahead log a capture adds beyond its bodies (row, index entries, page slack). */
const LOG_BYTES_PER_ROW = 512;

/** What a committed batch added to the log, roughly. */
function logBytes(batch: readonly Pending[]): number {
  let bytes = 0;
  for (const { capture } of batch)
    bytes += capture.body.byteLength + capture.response.body.byteLength + LOG_BYTES_PER_ROW;
  return bytes;
}
