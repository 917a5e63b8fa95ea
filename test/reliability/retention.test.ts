/**
 * Store growth: retention (keep the last N captures, N days, N bytes) over
 * real HTTP. Pruning runs in the background in small batches, so requests
 * keep their latency while a large backlog is removed; pinned captures stay.
 */
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { STORE_FILE_NAME } from '../../electron/core/index';
import { CaptureStore } from '../../electron/core/store/capture-store';
import { parseRetention, type Retention } from '../../electron/core/store/retention';
import type { EventPayload } from '../../shared/contract';
import { sendRaw } from '../helpers/http';
import { tempDir } from '../helpers/temp-dir';
import { captureCount, startCore } from './support/core';

const NONE: Retention = { maxCaptures: null, maxAgeDays: null, maxBytes: null };
const PROMPT = { afterWriteDelayMs: 10 };

async function paths(core: Awaited<ReturnType<typeof startCore>>['core']): Promise<string[]> {
  return (await core.handlers.listCaptures({ limit: 1000 })).items.map((c) => c.path).reverse();
}

describe('retention', () => {
  it('keeps the last N captures (pinned ones are kept beyond it) and announces what it removed', async () => {
    const running = await startCore({ retention: { ...NONE, maxCaptures: 10 }, retentionTiming: PROMPT });
    const { core, base } = running;
    const removed: EventPayload<'capturesRemoved'>[] = [];
    core.on('capturesRemoved', (event) => removed.push(event));
    await sendRaw(`${base}/r/0`, { method: 'POST', body: '0' });
    const [first] = (await core.handlers.listCaptures({})).items;
    await core.handlers.setCaptureMeta({ id: first?.id as number, pinned: true });
    for (let i = 1; i < 30; i++) await sendRaw(`${base}/r/${i}`, { method: 'POST', body: String(i) });
    await expect.poll(() => captureCount(core)).toBe(10);
    expect(await paths(core)).toEqual(['/r/0', ...Array.from({ length: 9 }, (_, i) => `/r/${21 + i}`)]);
    expect(removed.flatMap((e) => e.ids as number[])).toHaveLength(20);
    expect(removed.at(-1)?.total).toBe(10);
    await running.close();
  });

  it('removes captures older than N days, even when nothing new arrives to trigger it', async () => {
    const running = await startCore({
      retention: { ...NONE, maxAgeDays: 7 },
      retentionTiming: { ...PROMPT, intervalMs: 100 },
    });
    const { core, base } = running;
    await sendRaw(`${base}/fresh`, { method: 'POST', body: 'new' });
    const old = (days: number, path: string) => ({
      startedDateTime: new Date(Date.now() - days * 86_400_000).toISOString(),
      request: { method: 'POST', url: `http://old.example${path}`, headers: [], postData: { text: path } },
      response: { status: 200, headers: [], content: { text: 'ok' } },
    });
    const har = { log: { entries: [old(30, '/30-days'), old(8, '/8-days'), old(6, '/6-days')] } };
    await core.handlers.importCaptures({ text: JSON.stringify(har) });
    await expect.poll(() => paths(core), { timeout: 5000 }).toEqual(['/fresh', '/6-days']);
    await running.close();
  });

  it('keeps the store under N bytes, newest kept, and the file stops growing', async () => {
    const maxBytes = 512 * 1024;
    const running = await startCore({ retention: { ...NONE, maxBytes }, retentionTiming: PROMPT });
    const { core, base, dataDir } = running;
    const body = Buffer.alloc(64 * 1024, 0x6b);
    const used = () => {
      const db = new DatabaseSync(join(dataDir, STORE_FILE_NAME), { readOnly: true });
      const pragma = (name: string) => Number(Object.values(db.prepare(`PRAGMA ${name}`).get() ?? {})[0]);
      const bytes = (pragma('page_count') - pragma('freelist_count')) * pragma('page_size');
      db.close();
      return bytes;
    };
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 40; i++) await sendRaw(`${base}/b/${round}/${i}`, { method: 'POST', body });
      await expect.poll(used, { timeout: 5000 }).toBeLessThanOrEqual(maxBytes);
    }
    const kept = await paths(core);
    expect(kept.at(-1)).toBe('/b/2/39');
    expect(kept.length).toBeGreaterThanOrEqual(5); // not emptied: about limit / 64 KiB remain
    expect(kept.length).toBeLessThanOrEqual(8);
    await running.close();
  });

  it('does not stall ingest while pruning a backlog of 30,000 captures', async () => {
    const dir = tempDir('hookbench-backlog-');
    const seed = new CaptureStore(join(dir.path, STORE_FILE_NAME));
    const row = (i: number) => ({
      receivedAt: Date.now(),
      method: 'POST',
      path: `/backlog/${i}`,
      httpVersion: '1.1',
      headers: [['Content-Type', 'application/json']] as [string, string][],
      body: Buffer.from(`{"n":${i},"pad":"${'x'.repeat(200)}"}`),
      declaredBodySize: null,
      truncated: false,
      remoteAddress: '127.0.0.1',
      remotePort: 1,
      response: { status: 200, headers: [], body: Buffer.from('{"ok":true}') },
      kind: null,
      valid: null,
      findings: [],
      origin: { ruleId: null, ruleName: null, fault: null, error: null },
      bucket: null,
    });
    for (let b = 0; b < 30; b++) seed.insertMany(Array.from({ length: 1000 }, (_, i) => row(b * 1000 + i)));
    seed.close();

    const running = await startCore({
      dataDir: dir.path,
      retention: { ...NONE, maxCaptures: 100 },
      retentionTiming: PROMPT,
    });
    const { core, base } = running;
    const latencies: number[] = [];
    const started = Date.now();
    while ((await captureCount(core)) > 100 || latencies.length < 50) {
      const t = performance.now();
      const res = await sendRaw(`${base}/during-prune`, { method: 'POST', body: '{}' });
      latencies.push(performance.now() - t);
      expect(res.status).toBe(200);
      if (Date.now() - started > 20_000) throw new Error('pruning did not finish');
    }
    const worst = Math.max(...latencies);
    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(
      `retention: pruned 30,000 → 100 in ${Date.now() - started} ms while serving ${latencies.length} requests; ` +
        `latency median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms, worst ${worst.toFixed(1)} ms`,
    );
    expect(worst).toBeLessThan(250);
    await expect.poll(() => captureCount(core)).toBe(100);
    expect((await paths(core)).at(-1)).toBe('/during-prune');
    await running.close();
    dir.cleanup();
  }, 30_000);

  it('checks a retention setting and names the field that is wrong', () => {
    expect(parseRetention({ maxCaptures: 1000, maxAgeDays: 0.5, maxBytes: null })).toEqual({
      maxCaptures: 1000,
      maxAgeDays: 0.5,
      maxBytes: null,
    });
    expect(parseRetention({})).toEqual(NONE);
    expect(() => parseRetention({ maxCaptures: 0 })).toThrow(/maxCaptures must be a positive whole number/);
    expect(() => parseRetention({ maxCaptures: 1.5 })).toThrow(/maxCaptures/);
    expect(() => parseRetention({ maxAgeDays: -1 })).toThrow(/maxAgeDays must be a positive number/);
    expect(() => parseRetention({ maxBytes: '1GB' })).toThrow(/maxBytes/);
    expect(() => parseRetention({ keep: 5 })).toThrow(/Unknown retention setting "keep"/);
  });
});
