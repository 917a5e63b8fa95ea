import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewCapture } from '../../electron/core/store/capture-record';
import { CaptureStore } from '../../electron/core/store/capture-store';
import { tempDir } from '../helpers/temp-dir';

function capture(path: string, body: Uint8Array | string = '{"a":1}'): NewCapture {
  return {
    receivedAt: Date.UTC(2026, 10, 21, 12, 0, 0, 123),
    method: 'POST',
    path,
    httpVersion: '1.1',
    headers: [
      ['Content-Type', 'application/json'],
      ['X-Dup', 'a'],
      ['x-dup', 'b'],
    ],
    body: typeof body === 'string' ? Buffer.from(body) : body,
    declaredBodySize: null,
    truncated: false,
    remoteAddress: '127.0.0.1',
    remotePort: 5555,
    response: {
      status: 200,
      headers: [['Content-Type', 'application/json']],
      body: Buffer.from('{"ok":true}'),
    },
    kind: null,
    valid: null,
    findings: [],
    origin: { ruleId: null, ruleName: null, fault: null, error: null },
    bucket: null,
  };
}

describe('CaptureStore', () => {
  let dir: ReturnType<typeof tempDir>;
  let file: string;
  beforeEach(() => {
    dir = tempDir();
    file = join(dir.path, 'captures.sqlite');
  });
  afterEach(() => dir.cleanup());

  it('stores bytes and headers exactly and reads them back after reopening', () => {
    const binary = new Uint8Array([0, 255, 1, 254, 0x1f, 0x8b]);
    const store = new CaptureStore(file);
    const [first, second] = store.insertMany([capture('/a?x=1'), capture('/bin', binary)]);
    expect(first?.id).toBe(1);
    expect(second?.contentType).toBe('application/json');
    store.close();

    const reopened = new CaptureStore(file);
    expect(reopened.count).toBe(2);
    const detail = reopened.get(2);
    expect(Buffer.from(detail?.bodyBase64 ?? '', 'base64')).toEqual(Buffer.from(binary));
    expect(detail?.headers).toEqual([
      ['Content-Type', 'application/json'],
      ['X-Dup', 'a'],
      ['x-dup', 'b'],
    ]);
    expect(detail?.receivedAt).toBe('2026-11-21T12:00:00.123Z');
    expect(Buffer.from(detail?.response.bodyBase64 ?? '', 'base64').toString()).toBe('{"ok":true}');
    expect(reopened.get(99)).toBeNull();
    reopened.close();
  });

  it('pages newest first and says whether older captures remain', () => {
    const store = new CaptureStore(file);
    store.insertMany(Array.from({ length: 5 }, (_, i) => capture(`/p${i + 1}`)));
    const page1 = store.page({ limit: 2 });
    expect(Object.keys(page1.items[0] ?? {}).sort()).toEqual(
      [
        'bodySize',
        'bucket',
        'contentType',
        'fault',
        'id',
        'kind',
        'method',
        'note',
        'path',
        'pinned',
        'receivedAt',
        'ruleName',
        'status',
        'truncated',
        'valid',
      ].sort(),
    );
    expect(Object.values(page1.items[0] ?? {})).not.toContain(undefined);
    expect(page1.items.map((c) => c.path)).toEqual(['/p5', '/p4']);
    expect(page1).toMatchObject({ total: 5, hasMore: true });
    const page3 = store.page({ limit: 2, beforeId: 2 });
    expect(page3.items.map((c) => c.path)).toEqual(['/p1']);
    expect(page3.hasMore).toBe(false);
    store.close();
  });

  it('deletes chosen captures with their bodies and clears all', () => {
    const store = new CaptureStore(file);
    store.insertMany([capture('/1'), capture('/2'), capture('/3')]);
    expect(store.delete([2, 42])).toBe(1);
    expect(store.count).toBe(2);
    expect(store.get(2)).toBeNull();
    expect(store.clear()).toBe(2);
    expect(store.count).toBe(0);
    store.close();
    const db = new DatabaseSync(file);
    expect(db.prepare('SELECT count(*) AS n FROM capture_bodies').get()).toEqual({ n: 0 });
    db.close();
  });

  it('exports in insertion order across page boundaries', () => {
    const store = new CaptureStore(file);
    store.insertMany(Array.from({ length: 7 }, (_, i) => capture(`/e${i}`)));
    expect([...store.iterateOldestFirst(3)].map((c) => c.path)).toEqual([
      '/e0',
      '/e1',
      '/e2',
      '/e3',
      '/e4',
      '/e5',
      '/e6',
    ]);
    store.close();
  });

  it('reads several requests in one go, exactly as stored, leaving out ids that are gone', () => {
    const binary = new Uint8Array([0, 255, 1, 254]);
    const store = new CaptureStore(file);
    store.insertMany([capture('/r0?q=1'), capture('/r1', binary), capture('/r2')]);
    store.delete([2]);
    const read = store.requests([3, 2, 1, 99]);
    expect([...read.keys()].sort()).toEqual([1, 3]);
    expect(read.get(1)).toEqual({
      method: 'POST',
      path: '/r0?q=1',
      headers: [
        ['Content-Type', 'application/json'],
        ['X-Dup', 'a'],
        ['x-dup', 'b'],
      ],
      body: new Uint8Array(Buffer.from('{"a":1}')),
    });
    expect(read.get(3)).toEqual(store.request(3));
    expect(store.requests([]).size).toBe(0);
    store.close();
  });

  it('refuses a store written by a newer schema instead of damaging it', () => {
    const db = new DatabaseSync(file);
    db.exec('PRAGMA user_version = 99');
    db.close();
    expect(() => new CaptureStore(file)).toThrow(/newer Hookbench/);
  });
});
