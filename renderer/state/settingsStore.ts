import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DataFolderInfo, Settings, SettingsPatch } from '../../shared/domain';
import { describeError, type HookbenchClient } from '../client';

export interface SettingsStoreState {
  settings: Settings | null;
  loadError: string | null;
  load(): Promise<void>;
  setSettings(settings: Settings): void;
  /** Saves a partial update; resolves with the stored settings. Rejects with a ClientError. */
  update(patch: SettingsPatch): Promise<Settings>;
  /** The data folder and its files' sizes, read afresh each time. Rejects with a ClientError. */
  dataFolder(): Promise<DataFolderInfo>;
  /**
   * What the user typed into the Settings forms and has not saved, by field: the forms unmount
   * when the user visits another screen, and half-typed settings must be there on coming back.
   */
  forms: Readonly<Record<string, unknown>>;
  setForm(field: string, value: unknown): void;
}

export type SettingsStore = StoreApi<SettingsStoreState>;

export function createSettingsStore(client: HookbenchClient, flushPendingEvents: () => void): SettingsStore {
  return createStore<SettingsStoreState>()((set, get) => ({
    settings: null,
    loadError: null,
    forms: {},

    setForm(field, value) {
      set({ forms: { ...get().forms, [field]: value } });
    },

    async load() {
      try {
        const settings = await client.call('getSettings', undefined);
        flushPendingEvents();
        set({ settings, loadError: null });
      } catch (error) {
        set({ loadError: describeError(error, 'Could not read the settings.') });
      }
    },

    setSettings(settings) {
      set({ settings, loadError: null });
    },

    async update(patch) {
      const settings = await client.call('updateSettings', patch);
      flushPendingEvents();
      set({ settings, loadError: null });
      return settings;
    },

    dataFolder: () => client.call('getDataFolder', undefined),
  }));
}
