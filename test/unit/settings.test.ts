import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../electron/core/settings/defaults';
import { SettingsService } from '../../electron/core/settings/settings-service';
import { MAX_BODY_LIMIT_BYTES } from '../../electron/core/settings/validate';
import { tempDir } from '../helpers/temp-dir';

describe('SettingsService (conf in the data folder)', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.cleanup());

  it('starts from the defaults and persists merged updates to the data folder', () => {
    const settings = new SettingsService(dir.path);
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(settings.file).toBe(join(dir.path, 'settings.json'));
    settings.update({ receiver: { port: 9100 } });
    expect(settings.get().receiver).toEqual({ ...DEFAULT_SETTINGS.receiver, port: 9100 });
    const onDisk = JSON.parse(readFileSync(settings.file, 'utf8'));
    expect(onDisk.receiver.port).toBe(9100);
    expect(new SettingsService(dir.path).get().receiver.port).toBe(9100);
  });

  it('rejects bad values with a message naming the field and keeps the old ones', () => {
    const settings = new SettingsService(dir.path);
    expect(() => settings.update({ receiver: { port: 70000 } })).toThrow(/port/);
    expect(() => settings.update({ receiver: { bodyLimitBytes: 0 } })).toThrow(/Body limit/);
    expect(() => settings.update({ theme: 'neon' })).toThrow(/Theme/);
    expect(() => settings.update({ colour: 'red' })).toThrow(/Unknown setting/);
    expect(() => settings.update({ retention: { maxCaptures: 0 } })).toThrow(
      /maxCaptures must be a positive whole number/,
    );
    expect(settings.update({ retention: { maxAgeDays: 0.5 } }).retention).toEqual({
      maxCaptures: null,
      maxAgeDays: 0.5,
      maxBytes: null,
    });
    settings.update({ retention: { maxAgeDays: null } });
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps the valid fields of a hand-edited file and defaults the rest', () => {
    writeFileSync(
      join(dir.path, 'settings.json'),
      JSON.stringify({
        receiver: { port: 'eighty', host: '0.0.0.0', bodyLimitBytes: 2048 },
        retention: { maxCaptures: 500, maxAgeDays: -1 },
        theme: 'dark',
      }),
    );
    const settings = new SettingsService(dir.path);
    expect(settings.get()).toEqual({
      receiver: { host: '0.0.0.0', port: DEFAULT_SETTINGS.receiver.port, bodyLimitBytes: 2048 },
      retention: { maxCaptures: 500, maxAgeDays: null, maxBytes: null },
      theme: 'dark',
    });
  });

  it('takes a body limit up to 1 GiB and refuses more, in words', () => {
    const settings = new SettingsService(dir.path);
    expect(
      settings.update({ receiver: { bodyLimitBytes: MAX_BODY_LIMIT_BYTES } }).receiver.bodyLimitBytes,
    ).toBe(MAX_BODY_LIMIT_BYTES);
    expect(() => settings.update({ receiver: { bodyLimitBytes: MAX_BODY_LIMIT_BYTES + 1 } })).toThrow(
      /1 GiB/,
    );
  });
});
