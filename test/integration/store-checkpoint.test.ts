/**
 * The write-ahead log is folded back into the store file by a background thread while the
 * receiver keeps capturing, instead of by whichever request's commit crossed SQLite's limit.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORE_FILE_NAME } from '../../electron/core/index';
import { sendRaw } from '../helpers/http';
import { type RunningCore, startCore } from '../reliability/support/core';

const MB = 1024 * 1024;

describe('background checkpoints of the capture store', () => {
  let running: RunningCore;

  beforeEach(async () => {
    running = await startCore();
  });
  afterEach(() => running.close());

  it('moves captured bytes from the log into the store file while the app runs', async () => {
    const { core, base, dataDir } = running;
    const file = join(dataDir, STORE_FILE_NAME);
    const before = statSync(file).size;
    // 6 MB of bodies: past the background pass's 4 MB, far below SQLite's own 40 MB checkpoint.
    for (let i = 0; i < 6; i++) {
      const res = await sendRaw(`${base}/upload-${i}`, { method: 'POST', body: Buffer.alloc(MB, 0x30 + i) });
      expect(res.status).toBe(200);
    }
    // The writer never checkpointed (its limit is 40 MB), so only the background pass can grow the file.
    const deadline = Date.now() + 10_000;
    while (statSync(file).size < before + 4 * MB && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(statSync(file).size).toBeGreaterThanOrEqual(before + 4 * MB);
    // Nothing was lost or changed on the way.
    const page = await core.handlers.listCaptures({ limit: 10 });
    expect(page.total).toBe(6);
    const last = await core.handlers.getCapture({ id: page.items[0]?.id as number });
    expect(Buffer.from(last?.bodyBase64 ?? '', 'base64').equals(Buffer.alloc(MB, 0x35))).toBe(true);
  });
});
