import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHookbench, type HookbenchCore } from '../../electron/core/index';
import { sendRaw } from '../helpers/http';
import { tempDir } from '../helpers/temp-dir';

describe('the retention setting', () => {
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

  it('is saved with the settings and trims the store as captures arrive, keeping pinned ones', async () => {
    const base = ((await core.handlers.getReceiverStatus(undefined)).url as string).replace(/\/$/, '');
    for (let i = 0; i < 3; i++) await sendRaw(`${base}/r/${i}`, { method: 'POST', body: String(i) });
    const oldest = (await core.handlers.listCaptures({ limit: 10 })).items.at(-1);
    await core.handlers.setCaptureMeta({ id: oldest?.id as number, pinned: true });
    const updated = await core.handlers.updateSettings({ retention: { maxCaptures: 2 } });
    expect(updated.retention).toEqual({ maxCaptures: 2, maxAgeDays: null, maxBytes: null });
    for (let i = 3; i < 6; i++) await sendRaw(`${base}/r/${i}`, { method: 'POST', body: String(i) });
    await expect
      .poll(async () => (await core.handlers.listCaptures({ limit: 10 })).items.map((c) => c.path), {
        timeout: 10_000,
      })
      // The pinned capture stays and counts toward the limit.
      .toEqual(['/r/5', '/r/0']);
  });
});
