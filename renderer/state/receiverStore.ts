import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ReceiverStatus } from '../../shared/domain';
import { describeError, type HookbenchClient } from '../client';

export interface ReceiverStoreState {
  status: ReceiverStatus | null;
  loadError: string | null;
  restarting: boolean;
  load(): Promise<void>;
  setStatus(status: ReceiverStatus): void;
  /** Re-binds the receiver; resolves with the new status. Rejects with a ClientError. */
  restart(): Promise<ReceiverStatus>;
}

export type ReceiverStore = StoreApi<ReceiverStoreState>;

export function createReceiverStore(client: HookbenchClient, flushPendingEvents: () => void): ReceiverStore {
  return createStore<ReceiverStoreState>()((set) => ({
    status: null,
    loadError: null,
    restarting: false,

    async load() {
      try {
        const status = await client.call('getReceiverStatus', undefined);
        // A status event buffered before this answer is older; applying it afterwards would regress the state.
        flushPendingEvents();
        set({ status, loadError: null });
      } catch (error) {
        set({ loadError: describeError(error, 'Could not read the receiver status.') });
      }
    },

    setStatus(status) {
      set({ status, loadError: null });
    },

    async restart() {
      set({ restarting: true });
      try {
        const status = await client.call('restartReceiver', undefined);
        flushPendingEvents();
        set({ status, loadError: null });
        return status;
      } finally {
        set({ restarting: false });
      }
    },
  }));
}
