import { createStore, type StoreApi } from 'zustand/vanilla';
import type { StoreHealth } from '../../shared/domain';
import type { HookbenchClient } from '../client';

export interface HealthStoreState {
  /** null until the first answer; the banner stays hidden meanwhile. */
  health: StoreHealth | null;
  load(): Promise<void>;
  setHealth(health: StoreHealth): void;
}

export type HealthStore = StoreApi<HealthStoreState>;

/** Whether the capture store can write; the core pushes a change both when writes fail and when they recover. */
export function createHealthStore(client: HookbenchClient, flushPendingEvents: () => void): HealthStore {
  return createStore<HealthStoreState>()((set) => ({
    health: null,

    async load() {
      try {
        const health = await client.call('getStoreHealth', undefined);
        // A health event buffered before this answer is older than it.
        flushPendingEvents();
        set({ health });
      } catch {
        // Unknown health shows no banner; the next storeHealth event tells.
      }
    },

    setHealth(health) {
      set({ health });
    },
  }));
}
