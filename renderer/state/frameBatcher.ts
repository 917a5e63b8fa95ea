/**
 * Collects pushed events and hands them over in one go per animation frame.
 * The receiver may ingest thousands of requests a second; rendering per event
 * would stall the window, rendering per frame cannot fall behind the screen.
 */
export interface FrameBatcher<T> {
  push(item: T): void;
  /** Delivers whatever is buffered right now (e.g. before applying a command's answer). */
  flush(): void;
  dispose(): void;
}

export type FrameScheduler = (callback: () => void) => () => void;

/** Hidden windows get no animation frames; the timer keeps the buffer from growing without bound. */
const HIDDEN_FALLBACK_MS = 250;

export const animationFrameScheduler: FrameScheduler = (callback) => {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    callback();
  };
  const frame = requestAnimationFrame(run);
  const timer = setTimeout(run, HIDDEN_FALLBACK_MS);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
};

export function createFrameBatcher<T>(
  deliver: (items: T[]) => void,
  schedule: FrameScheduler = animationFrameScheduler,
): FrameBatcher<T> {
  let buffer: T[] = [];
  let cancel: (() => void) | null = null;

  const flush = () => {
    cancel?.();
    cancel = null;
    if (buffer.length === 0) return;
    const items = buffer;
    buffer = [];
    deliver(items);
  };

  return {
    push(item) {
      buffer.push(item);
      cancel ??= schedule(flush);
    },
    flush,
    dispose() {
      cancel?.();
      cancel = null;
      buffer = [];
    },
  };
}
