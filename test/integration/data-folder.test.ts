import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHookbench, type HookbenchCore } from '../../electron/core/index';
import { sendRaw } from '../helpers/http';
import { tempDir } from '../helpers/temp-dir';

describe('getDataFolder: the data folder and its files, for Settings', () => {
  let dir: ReturnType<typeof tempDir>;
  let core: HookbenchCore;

  beforeEach(async () => {
    dir = tempDir();
    core = await createHookbench({ dataDir: dir.path, receiver: { port: 0 } });
    await core.start();
  });
  afterEach(async () => {
    await core.close();
    dir.cleanup();
  });

  it('names every file with what it holds; a store counts its write-ahead log; a file not made yet has no size', async () => {
    const before = await core.handlers.getDataFolder(undefined);
    expect(before.path).toBe(dir.path);
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
      statSync(join(dir.path, 'workspace.json')).size,
    );

    const url = (await core.handlers.getReceiverStatus(undefined)).url as string;
    await sendRaw(`${url}big`, { method: 'POST', body: Buffer.alloc(1024 * 1024, 0x61) });
    const after = await core.handlers.getDataFolder(undefined);
    const store = after.files.find((file) => file.name === 'captures.sqlite');
    const onDisk = ['captures.sqlite', 'captures.sqlite-wal']
      .map((name) => statSync(join(dir.path, name), { throwIfNoEntry: false })?.size ?? 0)
      .reduce((a, b) => a + b, 0);
    expect(store?.bytes).toBe(onDisk);
    expect(store?.bytes).toBeGreaterThan(1024 * 1024);
  });
});
