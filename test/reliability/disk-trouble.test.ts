/**
 * The store cannot write (disk full, or read-only): the receiver answers 503
 * with a JSON error, the storeHealth event and getStoreHealth say so in
 * words, nothing crashes, and capture resumes when the store can write again.
 *
 * A full disk is simulated with SQLite's own limit (`PRAGMA max_page_count` on
 * the store's connection: the next write that needs a new page fails with
 * SQLITE_FULL, exactly as on a full disk), and a read-only store with
 * `PRAGMA query_only`. Both work the same for root and in any container,
 * unlike chmod (root ignores it) or a tmpfs mount (needs privileges).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaptureStore } from '../../electron/core/store/capture-store';
import type { StoreHealth } from '../../shared/domain';
import { sendRaw } from '../helpers/http';
import { captureCount, latestCapture, type RunningCore, startCore } from './support/core';

const BIG = Buffer.alloc(64 * 1024, 0x61); // needs new pages: cannot fit in what is already allocated

describe('disk trouble: the store cannot write', () => {
  let running: RunningCore;
  let store: CaptureStore;
  let healthEvents: StoreHealth[];

  beforeEach(async () => {
    running = await startCore({
      onStoreOpened: (opened) => {
        store = opened;
      },
    });
    healthEvents = [];
    running.core.on('storeHealth', (health) => healthEvents.push(health));
  });
  afterEach(() => running.close());

  it('disk full: 503 with a JSON error, one failing event in words, and recovery when space returns', async () => {
    const { core, base } = running;
    expect((await sendRaw(`${base}/before`, { method: 'POST', body: BIG })).status).toBe(200);
    store.setPragmaForTest('max_page_count', 1); // clamps to the current size: the disk is "full"

    for (let i = 0; i < 3; i++) {
      const res = await sendRaw(`${base}/while-full-${i}`, { method: 'POST', body: BIG });
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(JSON.parse(res.body.toString())).toMatchObject({
        error: 'store_unavailable',
        message: expect.stringMatching(/could not save this request/),
      });
    }
    // One event for the change, not one per request.
    expect(healthEvents).toHaveLength(1);
    expect(healthEvents[0]).toMatchObject({ state: 'failing', since: expect.any(String) });
    expect(healthEvents[0]?.message).toMatch(/disk holding .*captures\.sqlite is full/);
    expect(await core.handlers.getStoreHealth(undefined)).toEqual(healthEvents[0]);
    expect(await captureCount(core)).toBe(1); // nothing half-written
    // Reading still works while writing does not.
    expect((await latestCapture(core)).path).toBe('/before');

    store.setPragmaForTest('max_page_count', 1_073_741_823); // space returns
    const res = await sendRaw(`${base}/after`, { method: 'POST', body: BIG });
    expect(res.status).toBe(200);
    expect(healthEvents.at(-1)).toEqual({ state: 'ok', message: null, since: null });
    expect(await core.handlers.getStoreHealth(undefined)).toEqual({
      state: 'ok',
      message: null,
      since: null,
    });
    const after = await latestCapture(core);
    expect(after.path).toBe('/after');
    expect(Buffer.from(after.bodyBase64, 'base64').equals(BIG)).toBe(true);
    expect(await captureCount(core)).toBe(2);
  });

  it('read-only store: 503 and a message saying the store cannot be written, then recovery', async () => {
    const { core, base } = running;
    store.setPragmaForTest('query_only', 1);
    const res = await sendRaw(`${base}/readonly`, { method: 'POST', body: 'x' });
    expect(res.status).toBe(503);
    const health = await core.handlers.getStoreHealth(undefined);
    expect(health.state).toBe('failing');
    expect(health.message).toMatch(/cannot write to .*captures\.sqlite \(the folder is read-only/);
    // Small requests too, and concurrent ones: all answered, none crash the receiver.
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) => sendRaw(`${base}/burst-${i}`, { method: 'POST', body: `${i}` })),
    );
    expect(burst.map((r) => r.status)).toEqual(Array(20).fill(503));

    store.setPragmaForTest('query_only', 0);
    expect((await sendRaw(`${base}/writable-again`, { method: 'POST', body: 'y' })).status).toBe(200);
    expect((await core.handlers.getStoreHealth(undefined)).state).toBe('ok');
    expect((await latestCapture(core)).path).toBe('/writable-again');
    expect(healthEvents.map((h) => h.state)).toEqual(['failing', 'ok']);
  });
});
