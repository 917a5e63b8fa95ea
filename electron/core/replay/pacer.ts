import { setTimeout as sleep } from 'node:timers/promises';

export interface PaceOptions {
  /** Tasks in flight at once (at least 1). */
  concurrency: number;
  /** Starts per second at most; null for no limit. */
  ratePerSecond: number | null;
  signal?: AbortSignal;
  /** Checked before each start; true stops the run (e.g. stop on first failure). */
  shouldStop?: () => boolean;
}

/**
 * Runs `task` over items in order, with at most `concurrency` in flight and
 * starts at least 1/rate apart: a slow answer delays later starts, it never makes
 * them burst to catch up ("at most N per second" holds over any second). Resolves
 * when every started task has finished; cancellation stops new starts only.
 */
export async function runPaced<T>(
  items: readonly T[],
  options: PaceOptions,
  task: (item: T, index: number) => Promise<void>,
): Promise<void> {
  const concurrency = Math.max(1, Math.floor(options.concurrency));
  const interval = options.ratePerSecond && options.ratePerSecond > 0 ? 1000 / options.ratePerSecond : 0;
  /** When the next start may happen; each start claims its slot before it waits. */
  let nextSlot = performance.now();
  let next = 0;
  const worker = async () => {
    for (;;) {
      if (options.signal?.aborted || options.shouldStop?.()) return;
      const index = next++;
      if (index >= items.length) return;
      if (interval > 0) {
        const slot = Math.max(nextSlot, performance.now());
        nextSlot = slot + interval;
        const due = slot - performance.now();
        if (due > 0) {
          try {
            await sleep(due, undefined, { signal: options.signal });
          } catch {
            return;
          }
        }
        if (options.signal?.aborted || options.shouldStop?.()) return;
      }
      await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}
