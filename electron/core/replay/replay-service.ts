import { randomUUID } from 'node:crypto';
import type { HttpExchange } from '../../../shared/composer';
import type {
  BulkReplayRequest,
  ReplayEdit,
  ReplayProgress,
  ReplayRecord,
  ReplayTarget,
} from '../../../shared/replay';
import { CoreError } from '../errors';
import { sendHttp } from '../http/index';
import type { CapturedRequest, CaptureStore } from '../store/capture-store';
import { parseFilterOrThrow } from '../store/parse-filter';
import { replayRequest, replaysTo } from './build-request';
import { runPaced } from './pacer';
import type { ReplayStore } from './replay-store';

/** A replay "succeeded" when the target answered 2xx. */
export function isSuccess(exchange: HttpExchange): boolean {
  return exchange.response !== null && exchange.response.status >= 200 && exchange.response.status < 300;
}

/**
 * Sends captured requests again: one (optionally edited; the capture never
 * changes) or many, paced, with progress and cancellation. Each result is
 * stored linked to its source capture.
 */
export class ReplayService {
  private readonly running = new Map<string, { progress: ReplayProgress; abort: AbortController }>();
  /** How recent runs ended, for a window that missed their last events (a dropped connection). */
  private readonly finished = new Map<string, ReplayProgress>();

  constructor(
    private readonly captures: CaptureStore,
    private readonly replays: ReplayStore,
    private readonly onProgress: (progress: ReplayProgress) => void = () => {},
    private readonly onFailure: (error: unknown) => void = () => {},
  ) {}

  async replayOne(captureId: number, target: ReplayTarget, edit?: ReplayEdit): Promise<ReplayRecord> {
    const capture = this.captures.request(captureId);
    if (!capture) throw new CoreError('not_found', `Capture ${captureId} no longer exists.`);
    const exchange = await sendHttp(replayRequest(capture, target, edit), target);
    return await this.replays.add(captureId, null, edit !== undefined, exchange);
  }

  /** The ids a bulk request covers, oldest first. */
  selection(request: BulkReplayRequest): number[] {
    if (request.ids) return [...request.ids];
    return this.captures.idsMatching(parseFilterOrThrow(request.filter));
  }

  /** Starts a bulk run in the background; progress arrives through onProgress. */
  start(request: BulkReplayRequest): ReplayProgress {
    const batchId = randomUUID();
    // Selecting first makes a bad filter fail the command instead of the background run.
    const ids = this.selection(request);
    this.run(request, batchId, undefined, ids).catch((error: unknown) => this.onFailure(error));
    const run = this.running.get(batchId);
    if (!run) throw new CoreError('internal', 'The replay could not start.');
    return run.progress;
  }

  /** Runs a bulk replay to the end (the CLI waits for this). */
  async run(
    request: BulkReplayRequest,
    batchId: string = randomUUID(),
    onEach?: (record: ReplayRecord) => void,
    selected?: number[],
  ): Promise<ReplayProgress> {
    const ids = selected ?? this.selection(request);
    const aim = replaysTo(request);
    const abort = new AbortController();
    const progress: ReplayProgress = {
      batchId,
      total: ids.length,
      sent: 0,
      ok: 0,
      non2xx: 0,
      errors: 0,
      inFlight: 0,
      state: 'running',
      stopReason: null,
    };
    this.running.set(batchId, { progress, abort });
    const read = new ReadAhead(this.captures, ids);
    let lastEmit = 0;
    const emit = (force = false) => {
      const now = performance.now();
      if (force || now - lastEmit > 100) {
        lastEmit = now;
        this.onProgress({ ...progress });
      }
    };
    emit(true);
    try {
      await runPaced(
        ids,
        {
          // In captured order means one at a time, so the target sees them in that order.
          concurrency: request.keepOrder ? 1 : request.concurrency,
          ratePerSecond: request.ratePerSecond,
          signal: abort.signal,
          shouldStop: () => progress.state !== 'running',
        },
        async (id, index) => {
          const capture = read.take(index);
          if (!capture) return;
          progress.inFlight += 1;
          let record: ReplayRecord;
          let exchange: HttpExchange;
          try {
            exchange = await sendHttp(aim(capture), request);
            // Waited for: a run that did not wait for its results to be stored sent no faster here, and
            // its larger commits held the event loop longer (replies waited, p50 2 → 4 ms).
            record = await this.replays.add(id, batchId, false, exchange);
          } finally {
            progress.inFlight -= 1;
          }
          progress.sent += 1;
          if (exchange.error) progress.errors += 1;
          else if (isSuccess(exchange)) progress.ok += 1;
          else progress.non2xx += 1;
          if (request.stopOnFailure && !isSuccess(exchange) && progress.state === 'running') {
            progress.state = 'stopped';
            progress.stopReason = exchange.error
              ? `Capture #${id}: ${exchange.error.message}`
              : `Capture #${id} got ${exchange.response?.status} from the target.`;
          }
          onEach?.(record);
          emit();
        },
      );
      if (progress.state === 'running') progress.state = abort.signal.aborted ? 'cancelled' : 'done';
    } catch (error) {
      // A result that cannot be stored (or captures that cannot be read) stops the run, and the
      // other sends stop starting: the run must not be left on screen as running.
      if (progress.state === 'running') {
        progress.state = 'stopped';
        progress.stopReason = `The run stopped on an error: ${error instanceof Error ? error.message : String(error)}`;
      }
      throw error;
    } finally {
      this.running.delete(batchId);
      this.remember(progress);
      emit(true);
    }
    return { ...progress };
  }

  /** The latest counts of a run that is going or ended recently. */
  progress(batchId: string): ReplayProgress {
    const progress = this.running.get(batchId)?.progress ?? this.finished.get(batchId);
    if (!progress) throw new CoreError('not_found', 'Hookbench no longer knows that replay run.');
    return { ...progress };
  }

  private remember(progress: ReplayProgress): void {
    this.finished.set(progress.batchId, { ...progress });
    for (const batchId of this.finished.keys()) {
      if (this.finished.size <= FINISHED_KEPT) break;
      this.finished.delete(batchId);
    }
  }

  cancel(batchId: string): ReplayProgress {
    const run = this.running.get(batchId);
    if (!run) throw new CoreError('not_found', 'That replay is not running any more.');
    run.progress.state = 'cancelled';
    run.abort.abort();
    return { ...run.progress };
  }

  cancelAll(): void {
    for (const batchId of this.running.keys()) this.cancel(batchId);
  }
}

/** Finished runs whose outcome is kept for `progress` (oldest forgotten first). */
const FINISHED_KEPT = 50;

/** Bulk runs read their captures in pages ahead of the sends instead of one read per send. */
const READ_AHEAD = 256;

/**
 * The captures of a run, read a page at a time as the sends reach them. Each is taken once, so
 * what is held stays about one page (a capture deleted after its page was read is still sent).
 */
class ReadAhead {
  private readonly held = new Map<number, CapturedRequest>();
  private readUpTo = 0;

  constructor(
    private readonly captures: CaptureStore,
    private readonly ids: readonly number[],
  ) {}

  /** The capture at this index of the run (indexes are taken in order, each once). */
  take(index: number): CapturedRequest | null {
    if (index >= this.readUpTo) {
      const page = this.ids.slice(this.readUpTo, this.readUpTo + READ_AHEAD);
      const found = this.captures.requests(page);
      page.forEach((id, i) => {
        const capture = found.get(id);
        if (capture) this.held.set(this.readUpTo + i, capture);
      });
      this.readUpTo += page.length;
    }
    const capture = this.held.get(index) ?? null;
    this.held.delete(index);
    return capture;
  }
}
