import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import type { Settings, SettingsPatch } from '../../../shared/domain';
import type { SettingsBackendFactory } from '../types';
import { setAsideDamagedJson } from './damaged-files';
import { DEFAULT_SETTINGS, SETTINGS_FILE_NAME } from './defaults';
import {
  migrateSettings,
  type RawSettings,
  SCHEMA_VERSION_FIELD,
  SETTINGS_SCHEMA_VERSION,
  settingsVersionOf,
} from './schema-version';
import { applySettingsPatch, parseSettingsPatch } from './validate';

export const confBackend: SettingsBackendFactory = (options) => new Conf(options);

/** The file as stored: the settings plus the schema version they were written with. */
type StoredSettings = Settings & { [SCHEMA_VERSION_FIELD]?: number };

/**
 * Settings persisted through `conf` (or electron-store, its Electron subclass)
 * in the data folder. Values read from disk go through the same checks as
 * values from the UI, so a hand-edited file cannot put the core in a bad state;
 * a file that is not JSON at all is moved aside instead of overwritten.
 */
export class SettingsService {
  private readonly backend: Conf<StoredSettings>;
  private current: Settings;

  constructor(
    dataDir: string,
    factory: SettingsBackendFactory = confBackend,
    warn: (message: string) => void = () => {},
  ) {
    const file = join(dataDir, `${SETTINGS_FILE_NAME}.json`);
    setAsideDamagedJson(file, 'settings', warn);
    keepNewerFile(file, warn);
    let backend: Conf<StoredSettings>;
    try {
      backend = factory<StoredSettings>({
        cwd: dataDir,
        configName: SETTINGS_FILE_NAME,
        defaults: DEFAULT_SETTINGS,
        clearInvalidConfig: false,
      });
    } catch (error) {
      throw new Error(`Hookbench cannot use the settings file ${file}: ${(error as Error).message}`);
    }
    this.backend = backend;
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
    this.save();
    return this.current;
  }

  private save(): void {
    this.backend.store = { ...this.current, [SCHEMA_VERSION_FIELD]: SETTINGS_SCHEMA_VERSION };
  }

  private readValid(): Settings {
    const stored = this.backend.store as unknown as RawSettings;
    const version = settingsVersionOf(stored);
    const { values } = migrateSettings(stored);
    let settings: Settings;
    try {
      settings = applySettingsPatch(DEFAULT_SETTINGS, parseSettingsPatch(values));
    } catch {
      // Unknown or out-of-range values fall back to defaults field by field.
      settings = applySettingsPatch(DEFAULT_SETTINGS, salvage(values));
    }
    this.current = settings;
    if (version !== SETTINGS_SCHEMA_VERSION) this.save();
    return settings;
  }
}

/**
 * A file from a newer Hookbench loses what this version does not know at the next
 * save; a copy of it as it was is kept first (before conf itself rewrites it).
 */
function keepNewerFile(file: string, warn: (message: string) => void): void {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return; // absent (damaged files were set aside just before)
  }
  const version = settingsVersionOf(raw as RawSettings);
  if (version <= SETTINGS_SCHEMA_VERSION) return;
  const copy = `${file}.v${version}-${Date.now()}`;
  copyFileSync(file, copy);
  warn(
    `The settings file ${file} was written by a newer Hookbench (settings version ${version}); the settings this version knows are used, and the file as it was is kept in ${copy}.`,
  );
}

function salvage(stored: unknown): SettingsPatch {
  const patch: SettingsPatch = {};
  if (typeof stored !== 'object' || stored === null) return patch;
  const record = stored as Record<string, unknown>;
  try {
    patch.theme = parseSettingsPatch({ theme: record.theme }).theme;
  } catch {}
  const retention = record.retention;
  if (typeof retention === 'object' && retention !== null) {
    for (const [key, value] of Object.entries(retention)) {
      try {
        patch.retention = {
          ...patch.retention,
          ...parseSettingsPatch({ retention: { [key]: value } }).retention,
        };
      } catch {}
    }
  }
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
