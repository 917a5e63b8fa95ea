import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ConnectionState, HookbenchClient, Transport } from '../client';

export interface ConnectionStoreState {
  transport: Transport;
  /** Electron's IPC cannot drop, so it reads as permanently open. */
  state: ConnectionState;
}

export type ConnectionStore = StoreApi<ConnectionStoreState>;

export function createConnectionStore(client: HookbenchClient): ConnectionStore {
  return createStore<ConnectionStoreState>()(() => ({
    transport: client.transport,
    state: client.connectionState?.() ?? 'open',
  }));
}
