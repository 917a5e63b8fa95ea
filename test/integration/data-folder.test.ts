import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sendRaw } from '../helpers/http';
import { type RunningCore, startCore } from '../reliability/support/core';

describe('getDataFolder: the data folder and its files, for Settings', () => {
  let running: RunningCore;
  beforeEach(async () => {
    running = await startCore();
  });
  afterEach(() => running.close());

  it('names every file with what it holds; a store counts its write-ahead log; a file not made yet has no size', async () => {
    const { core, dataDir } = running;
    const before = await core.handlers.getDataFolder(undefined);
    expect(before.path).toBe(dataDir);
    expect(before.files.map((file) => file.name)).toEqual([
      'captures.sqlite',
      'replays.sqlite',
      'workspace.json',
      'composer.json',
      'composer-history.json',
      'settings.json',
    ]);
    expect(before.files.find((file) => file.name === 'composer-history.json')?.bytes).toBeNull();
    expect(before.files.find((file) => file.name === 'workspace.json')?.bytes).toBe(
      statSync(join(dataDir, 'workspace.json')).size,
    );

    await sendRaw(`${running.base}/big`, { method: 'POST', body: Buffer.alloc(1024 * 1024, 0x61) });
    const after = await core.handlers.getDataFolder(undefined);
    const store = after.files.find((file) => file.name === 'captures.sqlite');
    const onDisk = ['captures.sqlite', 'captures.sqlite-wal']
      .map((name) => statSync(join(dataDir, name), { throwIfNoEntry: false })?.size ?? 0)
      .reduce((a, b) => a + b, 0);
    expect(store?.bytes).toBe(onDisk);
    expect(store?.bytes).toBeGreaterThan(1024 * 1024);
  });
});
