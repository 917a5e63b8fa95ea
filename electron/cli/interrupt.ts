import { constants } from 'node:os';

/** Not SIGHUP: a listener would replace the "ignore" that `nohup hookbench …` relies on. */
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export interface Interrupt {
  /** Aborted on the first Ctrl-C (or TERM). */
  readonly signal: AbortSignal;
  /** The signal that stopped the run, or null. */
  stoppedBy(): NodeJS.Signals | null;
  /** The exit code for a stopped run (128 + the signal's number, as the shell reports it). */
  exitCode(): number;
  dispose(): void;
}

/**
 * For a command that sends over time (replay, simulate): the first Ctrl-C stops new sends, lets
 * the ones in flight end and the command print what was done, instead of ending the process with
 * nothing said. A second one ends the process at once (the handler is gone by then).
 */
export function stopOnSignal(onStop: (signal: NodeJS.Signals) => void = () => {}): Interrupt {
  const controller = new AbortController();
  let stopped: NodeJS.Signals | null = null;
  const handle = (signal: NodeJS.Signals) => {
    for (const one of STOP_SIGNALS) process.off(one, handle);
    stopped = signal;
    process.stderr.write(
      `hookbench: ${signal}: no new sends; waiting for those in flight (again to stop at once).\n`,
    );
    controller.abort();
    onStop(signal);
  };
  for (const one of STOP_SIGNALS) process.once(one, handle);
  return {
    signal: controller.signal,
    stoppedBy: () => stopped,
    exitCode: () => 128 + (stopped ? (constants.signals[stopped] ?? 0) : 0),
    dispose: () => {
      for (const one of STOP_SIGNALS) process.off(one, handle);
    },
  };
}
