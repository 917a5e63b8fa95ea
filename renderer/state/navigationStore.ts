import { createStore, type StoreApi } from 'zustand/vanilla';

/** The sidebar's sections, in the product map's order. */
export type Section = 'captures' | 'responders' | 'composer' | 'replay' | 'settings';

export interface NavigationStoreState {
  section: Section;
  setSection(section: Section): void;
}

export type NavigationStore = StoreApi<NavigationStoreState>;

/**
 * Which section the main area shows. A store rather than the layout's local state, so a
 * screen can send the user to another one (e.g. "Replay" on a capture opens Replay & Simulate).
 */
export function createNavigationStore(initial: Section = 'captures'): NavigationStore {
  return createStore<NavigationStoreState>()((set) => ({
    section: initial,
    setSection(section) {
      set({ section });
    },
  }));
}
