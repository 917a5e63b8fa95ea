import type { RetentionSettings } from '../../../shared/domain';
import type { CaptureStore } from './capture-store';

/** How much capture history to keep (the Settings' retention; see shared/domain.ts). */
export type Retention = RetentionSettings;

export const UNLIMITED_RETENTION: Readonly<Retention> = Object.freeze({
  maxCaptures: null,
  maxAgeDays: null,
  maxBytes: null,
});

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionOptions {
  /** Captures removed per transaction; small, so ingest never waits long behind a prune. */
  batchSize?: number;
  /** A prune runs this long after writes (coalescing bursts)… */
  afterWriteDelayMs?: number;
  /** …and at this interval, so age limits apply while nothing arrives. */
  intervalMs?: number;
  now?: () => number;
}

/**
 * Enforces a Retention in the background. Pruning never runs inside the
 * request path: writes only schedule it, and it deletes in small transactions
 * with a turn of the event loop between them, so the receiver's group commits
 * interleave with it.
 */
export class RetentionPruner {
  private readonly batchSize: number;
  private readonly afterWriteDelayMs: number;
  private readonly now: () => number;
  private readonly interval: NodeJS.Timeout;
  private soon: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly store: CaptureStore,
    private readonly retention: () => Retention,
    private readonly onRemoved: (ids: number[]) => void,
    private readonly onError: (error: unknown) => void,
    options: RetentionOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.afterWriteDelayMs = options.afterWriteDelayMs ?? 250;
    this.now = options.now ?? Date.now;
    this.interval = setInterval(() => this.schedule(0), options.intervalMs ?? 60_000);
    this.interval.unref();
  }

  /** Called after captures were stored: a prune follows shortly, once per burst. */
  schedule(delayMs = this.afterWriteDelayMs): void {
    if (this.stopped || this.soon) return;
    this.soon = setTimeout(() => {
      this.soon = null;
      void this.run();
    }, delayMs);
    this.soon.unref();
  }

  /** Prunes until every limit holds; resolves with the number of captures removed. */
  run(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.pruneAll().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.schedule(0);
      }
    });
    return this.running;
  }

  /** Stops the timers and waits for a prune in progress (before the store closes). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.interval);
    if (this.soon) clearTimeout(this.soon);
    this.soon = null;
    await this.running;
  }

  private async pruneAll(): Promise<number> {
    let removed = 0;
    while (!this.stopped) {
      let ids: number[];
      try {
        ids = this.nextBatch(this.retention());
        if (ids.length === 0) break;
        this.store.delete(ids);
      } catch (error) {
        // E.g. the disk is full: the next scheduled run tries again.
        this.onError(error);
        break;
      }
      removed += ids.length;
      this.onRemoved(ids);
      // Let queued requests commit before the next batch.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return removed;
  }

  /** The next captures to remove under any of the limits, oldest first, at most one batch. */
  private nextBatch(limits: Retention): number[] {
    const ids = new Set<number>();
    if (limits.maxAgeDays !== null) {
      const cutoff = this.now() - limits.maxAgeDays * DAY_MS;
      for (const id of this.store.oldestUnpinned(this.batchSize, cutoff)) ids.add(id);
    }
    if (limits.maxCaptures !== null && this.store.count > limits.maxCaptures) {
      const excess = Math.min(this.store.count - limits.maxCaptures, this.batchSize);
      for (const id of this.store.oldestUnpinned(excess)) ids.add(id);
    }
    if (limits.maxBytes !== null && this.store.count > 0) {
      const used = this.store.usedBytes();
      if (used > limits.maxBytes) {
        // Remove about as many as the excess takes at the average size, so a byte limit
        // does not delete a whole batch of large captures to free a few kilobytes.
        const average = used / this.store.count;
        const wanted = Math.min(this.batchSize, Math.max(1, Math.ceil((used - limits.maxBytes) / average)));
        for (const id of this.store.oldestUnpinned(wanted)) ids.add(id);
      }
    }
    return [...ids];
  }
}

/** Checks a retention setting from a client or a file; throws plain words naming the field. */
export function parseRetention(input: unknown): Retention {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new Error('Retention must be an object.');
  const record = input as Record<string, unknown>;
  const limit = (key: keyof Retention, integer: boolean): number | null => {
    const value = record[key];
    if (value === undefined || value === null) return null;
    if (
      typeof value !== 'number' ||
      !(value > 0) ||
      !Number.isFinite(value) ||
      (integer && !Number.isSafeInteger(value))
    )
      throw new Error(
        `Retention ${key} must be a positive ${integer ? 'whole ' : ''}number, or null for no limit.`,
      );
    return value;
  };
  for (const key of Object.keys(record)) {
    if (key !== 'maxCaptures' && key !== 'maxAgeDays' && key !== 'maxBytes')
      throw new Error(`Unknown retention setting "${key}".`);
  }
  return {
    maxCaptures: limit('maxCaptures', true),
    maxAgeDays: limit('maxAgeDays', false),
    maxBytes: limit('maxBytes', true),
  };
}
