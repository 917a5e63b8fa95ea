/** Runs `fn` at most once per interval, trailing: calls in between collapse into one. */
export function throttle(fn: () => void, intervalMs: number): { schedule(): void; cancel(): void } {
  let timer: NodeJS.Timeout | null = null;
  return {
    schedule() {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        fn();
      }, intervalMs);
      timer.unref();
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
