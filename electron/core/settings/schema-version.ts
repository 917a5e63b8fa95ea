/**
 * The settings file's schema version. Version 1 is the file Hookbench 0.1
 * wrote, which carries no version field; every later file has
 * `schemaVersion`. Each migration takes the raw object of one version to the
 * next, so a file of any older version is brought forward step by step.
 */
export const SETTINGS_SCHEMA_VERSION = 2;
export const SCHEMA_VERSION_FIELD = 'schemaVersion';

export type RawSettings = Record<string, unknown>;
/** Index i migrates version i+1 to version i+2. */
export type SettingsMigration = (raw: RawSettings) => RawSettings;

export const SETTINGS_MIGRATIONS: readonly SettingsMigration[] = [
  // 1 → 2: the file starts carrying its version; the values keep their meaning.
  (raw) => ({ ...raw }),
];

export interface MigratedSettings {
  /** The values at the current version, without the version field. */
  values: RawSettings;
  /** The version the file had. */
  from: number;
  /** True when the file was written by a newer Hookbench (its unknown fields are ignored). */
  newer: boolean;
}

/** The version a raw settings object declares (1 when it has none). */
export function settingsVersionOf(raw: RawSettings): number {
  const declared = raw[SCHEMA_VERSION_FIELD];
  return Number.isSafeInteger(declared) && (declared as number) >= 1 ? (declared as number) : 1;
}

export function migrateSettings(
  raw: RawSettings,
  migrations: readonly SettingsMigration[] = SETTINGS_MIGRATIONS,
): MigratedSettings {
  const target = migrations.length + 1;
  const from = settingsVersionOf(raw);
  const { [SCHEMA_VERSION_FIELD]: _version, ...rest } = raw;
  let values: RawSettings = rest;
  for (let version = from; version < target; version++) {
    values = (migrations[version - 1] as SettingsMigration)(values);
  }
  return { values, from, newer: from > target };
}
