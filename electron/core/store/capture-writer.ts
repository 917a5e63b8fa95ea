import type { CaptureSummary } from '../../../shared/domain';
import type { NewCapture } from './capture-record';
import type { CaptureStore } from './capture-store';
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

  constructor(
    private readonly store: CaptureStore,
    private readonly onStored: (summaries: CaptureSummary[]) => void,
    private readonly health?: StoreHealthMonitor,
  ) {}

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

  /** Writes what is queued and refuses later writes; call before closing the store. */
  close(): void {
    this.flush();
    this.closed = true;
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
    batch.forEach((pending, i) => {
      pending.resolve(summaries[i] as CaptureSummary);
    });
    this.onStored(summaries);
  }
}
