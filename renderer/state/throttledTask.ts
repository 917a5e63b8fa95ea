/**
 * Runs an async task at most once per `delayMs`, however often it is asked for;
 * a request made while the task runs queues exactly one more run after it.
 */
export interface ThrottledTask {
  schedule(): void;
  cancel(): void;
}

export function createThrottledTask(run: () => Promise<void>, delayMs: number): ThrottledTask {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running = false;
  let again = false;

  const start = async () => {
    timer = null;
    running = true;
    try {
      await run();
    } finally {
      running = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  };

  function schedule(): void {
    if (running) again = true;
    else timer ??= setTimeout(() => void start(), delayMs);
  }

  return {
    schedule,
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
      again = false;
    },
  };
}
