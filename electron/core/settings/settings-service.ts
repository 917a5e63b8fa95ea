import Conf from 'conf';
import type { Settings, SettingsPatch } from '../../../shared/domain';
import type { SettingsBackendFactory } from '../types';
import { DEFAULT_SETTINGS, SETTINGS_FILE_NAME } from './defaults';
import { applySettingsPatch, parseSettingsPatch } from './validate';

export const confBackend: SettingsBackendFactory = (options) => new Conf(options);

/**
 * Settings persisted through `conf` (or electron-store, its Electron subclass)
 * in the data folder. Values read from disk go through the same checks as
 * values from the UI, so a hand-edited file cannot put the core in a bad state.
 */
export class SettingsService {
  private readonly backend: Conf<Settings>;
  private current: Settings;

  constructor(dataDir: string, factory: SettingsBackendFactory = confBackend) {
    this.backend = factory({
      cwd: dataDir,
      configName: SETTINGS_FILE_NAME,
      defaults: DEFAULT_SETTINGS,
      clearInvalidConfig: false,
    });
    this.current = this.readValid();
  }

  get(): Settings {
    return this.current;
  }

  get file(): string {
    return this.backend.path;
  }

  update(input: unknown): Settings {
    const patch: SettingsPatch = parseSettingsPatch(input);
    this.current = applySettingsPatch(this.current, patch);
    this.backend.store = this.current;
    return this.current;
  }

  private readValid(): Settings {
    const stored = this.backend.store as unknown;
    try {
      const patch = parseSettingsPatch(stored);
      return applySettingsPatch(DEFAULT_SETTINGS, patch);
    } catch {
      // Unknown or out-of-range values fall back to defaults field by field.
      return applySettingsPatch(DEFAULT_SETTINGS, salvage(stored));
    }
  }
}

function salvage(stored: unknown): SettingsPatch {
  const patch: SettingsPatch = {};
  if (typeof stored !== 'object' || stored === null) return patch;
  const record = stored as Record<string, unknown>;
  try {
    patch.theme = parseSettingsPatch({ theme: record.theme }).theme;
  } catch {}
  const receiver = record.receiver;
  if (typeof receiver === 'object' && receiver !== null) {
    for (const [key, value] of Object.entries(receiver)) {
      try {
        patch.receiver = {
          ...patch.receiver,
          ...parseSettingsPatch({ receiver: { [key]: value } }).receiver,
        };
      } catch {}
    }
  }
  return patch;
}
