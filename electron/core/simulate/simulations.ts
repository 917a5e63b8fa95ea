import type { SimulationKind } from '../../../shared/replay';

/** The senders Hookbench plays: the three simulators and the composer's stream of events. */
export type RunKind = SimulationKind | 'composer-stream';

/**
 * The simulations under way, one per sender at most. Starting one cancels the one of the same
 * sender still running (a reloaded window has lost sight of it); a cancel stops new sends and
 * waits between attempts at once, the send in flight ends within its timeout; closing the core
 * cancels all, so a run of hours never keeps `hookbench serve` from stopping.
 */
export class Simulations {
  private readonly running = new Map<RunKind, AbortController>();

  async run<T>(kind: RunKind, simulate: (signal: AbortSignal) => Promise<T>): Promise<T> {
    this.running.get(kind)?.abort();
    const controller = new AbortController();
    this.running.set(kind, controller);
    try {
      return await simulate(controller.signal);
    } finally {
      if (this.running.get(kind) === controller) this.running.delete(kind);
    }
  }

  isRunning(kind: RunKind): boolean {
    return this.running.has(kind);
  }

  /** True when a simulation of that sender was running. */
  cancel(kind: RunKind): boolean {
    const controller = this.running.get(kind);
    controller?.abort();
    return controller !== undefined;
  }

  cancelAll(): void {
    for (const controller of this.running.values()) controller.abort();
  }
}
