/**
 * The settings file is versioned. Version 1 is the file Hookbench 0.1 wrote
 * (no version field); opening it brings it to the current version with every
 * value kept. Migrations run in order from whatever version a file has, and a
 * file from a newer Hookbench is kept aside before this version rewrites it.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../electron/core/settings/defaults';
import {
  migrateSettings,
  SETTINGS_SCHEMA_VERSION,
  type SettingsMigration,
} from '../../electron/core/settings/schema-version';
import { SettingsService } from '../../electron/core/settings/settings-service';
import { tempDir } from '../helpers/temp-dir';

/** Byte for byte what Hookbench 0.1 (conf, tab-indented) wrote after the user changed a few settings. */
const VERSION_1_FILE = `{
\t"receiver": {
\t\t"host": "0.0.0.0",
\t\t"port": 9100,
\t\t"bodyLimitBytes": 2048
\t},
\t"theme": "dark"
}`;

describe('settings schema versions', () => {
  let dir: ReturnType<typeof tempDir>;
  let warnings: string[];
  beforeEach(() => {
    dir = tempDir('hookbench-settings-');
    warnings = [];
  });
  afterEach(() => dir.cleanup());
  const file = () => join(dir.path, 'settings.json');
  const open = () => new SettingsService(dir.path, undefined, (m) => warnings.push(m));

  it('migrates a version 1 file (no version field): every value kept, the file now says its version', () => {
    writeFileSync(file(), VERSION_1_FILE);
    const settings = open();
    expect(settings.get()).toEqual({
      receiver: { host: '0.0.0.0', port: 9100, bodyLimitBytes: 2048 },
      retention: DEFAULT_SETTINGS.retention,
      theme: 'dark',
    });
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toEqual({
      receiver: { host: '0.0.0.0', port: 9100, bodyLimitBytes: 2048 },
      retention: DEFAULT_SETTINGS.retention,
      theme: 'dark',
      schemaVersion: SETTINGS_SCHEMA_VERSION,
    });
    expect(warnings).toEqual([]);
    // Reopening the migrated file gives the same settings and leaves it alone.
    const migrated = readFileSync(file(), 'utf8');
    expect(open().get()).toEqual(settings.get());
    expect(readFileSync(file(), 'utf8')).toBe(migrated);
  });

  it('writes the version with every change, and a new data folder starts at the current version', () => {
    const settings = open();
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(JSON.parse(readFileSync(file(), 'utf8')).schemaVersion).toBe(SETTINGS_SCHEMA_VERSION);
    settings.update({ theme: 'light' });
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toMatchObject({ theme: 'light', schemaVersion: 2 });
    expect(settings.get()).not.toHaveProperty('schemaVersion'); // the UI never sees it
  });

  it('runs each migration once, in order, from the version the file has', () => {
    const calls: string[] = [];
    const chain: SettingsMigration[] = [
      (raw) => {
        calls.push('1→2');
        return { ...raw, theme: raw.colour, colour: undefined };
      },
      (raw) => {
        calls.push('2→3');
        return { ...raw, retention: { maxCaptures: null } };
      },
    ];
    expect(migrateSettings({ colour: 'dark' }, chain)).toEqual({
      values: { theme: 'dark', colour: undefined, retention: { maxCaptures: null } },
      from: 1,
      newer: false,
    });
    expect(calls).toEqual(['1→2', '2→3']);
    calls.length = 0;
    expect(migrateSettings({ schemaVersion: 2, theme: 'light' }, chain).values).toEqual({
      theme: 'light',
      retention: { maxCaptures: null },
    });
    expect(calls).toEqual(['2→3']);
    // A version that is not a whole number ≥ 1 is read as version 1.
    expect(migrateSettings({ schemaVersion: 'two' }, chain).from).toBe(1);
    expect(migrateSettings({ schemaVersion: 3 }, chain)).toMatchObject({ from: 3, newer: false });
    expect(migrateSettings({ schemaVersion: 4 }, chain)).toMatchObject({ from: 4, newer: true });
  });

  it('a file from a newer Hookbench: known settings used, the file kept aside before it is rewritten', () => {
    const newer = JSON.stringify({
      schemaVersion: 9,
      theme: 'dark',
      retention: { maxCaptures: 10 },
      sync: { cloud: true },
    });
    writeFileSync(file(), newer);
    const settings = open();
    expect(settings.get()).toEqual({
      ...DEFAULT_SETTINGS,
      theme: 'dark',
      retention: { ...DEFAULT_SETTINGS.retention, maxCaptures: 10 },
    });
    const kept = readdirSync(dir.path).filter((f) => f.startsWith('settings.json.v9-'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(dir.path, kept[0] as string), 'utf8')).toBe(newer);
    expect(warnings).toEqual([
      expect.stringMatching(/written by a newer Hookbench \(settings version 9\).*kept in/),
    ]);
  });
});
