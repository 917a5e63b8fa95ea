import type { CaptureSummary } from '../../../shared/domain';
import type { NewCapture } from './capture-record';
import type { CaptureStore } from './capture-store';
import { Checkpointer } from './checkpointer';
import { GroupCommit } from './group-commit';
import type { StoreHealthMonitor } from './store-health';

/**
 * Captures that finish in the same turn of the event loop are written in one transaction
 * (GroupCommit), and each request is answered only after its transaction committed: never
 * before the bytes are stored.
 */
export class CaptureWriter {
  private readonly commits: GroupCommit<NewCapture, CaptureSummary>;
  private closed = false;
  /** Folds the log this writer grows back into the store file, off the thread serving HTTP. */
  private readonly checkpointer: Checkpointer;

  constructor(
    private readonly store: CaptureStore,
    onStored: (summaries: CaptureSummary[]) => void,
    private readonly health?: StoreHealthMonitor,
    warn: (message: string) => void = () => {},
  ) {
    this.checkpointer = new Checkpointer(store.file, warn);
    this.commits = new GroupCommit((captures) => this.insert(captures), onStored);
  }

  write(capture: NewCapture): Promise<CaptureSummary> {
    // After close the store is gone; the request gets a 503 instead of a write into a closed database.
    if (this.closed) return Promise.reject(new Error('The capture store is closed.'));
    return this.commits.add(capture);
  }

  /** Writes what is queued, refuses later writes and ends the checkpoint thread; call before closing the store. */
  async close(): Promise<void> {
    this.flush();
    this.closed = true;
    await this.checkpointer.close();
  }

  /** Writes whatever is queued now; used on shutdown as well as by the scheduler. */
  flush(): void {
    this.commits.flush();
  }

  private insert(captures: NewCapture[]): CaptureSummary[] {
    let summaries: CaptureSummary[];
    try {
      summaries = this.store.insertMany(captures);
    } catch (error) {
      this.health?.failed(error, this.store.file);
      throw error;
    }
    this.health?.succeeded();
    this.checkpointer.wrote(logBytes(captures));
    return summaries;
  }
}

/** Bytes of write-ahead log a capture adds beyond its bodies (row, index entries, page slack). */
const LOG_BYTES_PER_ROW = 512;

/** What a committed batch added to the log, roughly. */
function logBytes(captures: readonly NewCapture[]): number {
  let bytes = 0;
  for (const capture of captures)
    bytes += capture.body.byteLength + capture.response.body.byteLength + LOG_BYTES_PER_ROW;
  return bytes;
}
