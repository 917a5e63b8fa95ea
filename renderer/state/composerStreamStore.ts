/**
 * The composer's "send as a stream" run, a store of its own rather than the component's state:
 * a stream of 100,000 calls outlives the screen, and a user who left to watch the captures
 * arrive must come back to the run still shown as running (no second one started over it) and
 * find its report once it ends.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LoadReport } from '../../shared/replay';
import { describeError } from '../client';
import type { ComposerStore } from './composerTypes';

export interface StreamRunState {
  running: boolean;
  report: LoadReport | null;
  error: string | null;
  /** What the inputs held, so they come back as typed. */
  count: string;
  rate: string;
  setInputs(inputs: Partial<Pick<StreamRunState, 'count' | 'rate'>>): void;
  run(count: number, ratePerSecond: number): Promise<void>;
  /** Stops the run: no new calls start; the run's report then says how many were sent. */
  cancel(): Promise<void>;
}

const CANCEL_RETRY_MS = 100;

export type ComposerStreamStore = StoreApi<StreamRunState>;

export function createComposerStreamStore(composer: ComposerStore): ComposerStreamStore {
  return createStore<StreamRunState>()((set, get) => ({
    running: false,
    report: null,
    error: null,
    count: '20',
    rate: '10',
    setInputs(inputs) {
      set(inputs);
    },
    async run(count, ratePerSecond) {
      if (get().running) return;
      set({ running: true, error: null });
      try {
        set({ report: await composer.getState().stream(count, ratePerSecond), running: false });
      } catch (caught) {
        set({ error: describeError(caught, 'Could not send the stream.'), running: false });
      }
    },
    async cancel() {
      // A Cancel clicked while the env is still being saved reaches the core before the stream
      // does, with nothing to stop: asked again until the run is stopped or over.
      while (get().running) {
        if (await composer.getState().cancelStream()) return;
        await new Promise((resolve) => setTimeout(resolve, CANCEL_RETRY_MS));
      }
    },
  }));
}
