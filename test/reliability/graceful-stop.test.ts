/**
 * Graceful stop of `hookbench serve` (a real child process): SIGTERM and
 * SIGINT let requests already in progress finish and be stored, flush and
 * close the store, and exit 0 — within a bounded wait even when a request
 * would never end on its own.
 */
import { existsSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORE_FILE_NAME } from '../../electron/core/index';
import { type ServeProcess, startServe } from '../helpers/cli';
import { sendRaw } from '../helpers/http';
import { responses, testRule, variant } from '../helpers/rules';
import { tempDir } from '../helpers/temp-dir';
import { openBridge } from './support/bridge';
import { delay } from './support/core';

describe('graceful stop of hookbench serve', () => {
  let dir: ReturnType<typeof tempDir>;
  let serve: ServeProcess;

  beforeEach(async () => {
    dir = tempDir('hookbench-stop-');
    serve = await startServe(['--port', '0', '--ui-port', '0', '--data', dir.path]);
  });
  afterEach(async () => {
    await serve.stop('SIGKILL');
    dir.cleanup();
  });

  /** Rows of the store after the process is gone, read as a separate program would. */
  const storedPaths = () => {
    const db = new DatabaseSync(join(dir.path, STORE_FILE_NAME), { readOnly: true });
    try {
      return db.prepare('SELECT path, status, truncated, body_size AS size FROM captures ORDER BY id').all();
    } finally {
      db.close();
    }
  };
  /** A clean close folds the WAL back into the database file. */
  const walIsFolded = () => {
    const wal = join(dir.path, `${STORE_FILE_NAME}-wal`);
    return !existsSync(wal) || statSync(wal).size === 0;
  };

  it('SIGTERM: a request held by a 1.5 s rule delay still gets its answer, is stored, and the exit is 0', async () => {
    const bridge = await openBridge(serve.uiUrl);
    await bridge.call(
      'saveRule',
      testRule({ match: { path: { kind: 'exact', value: '/slow' } }, delay: { minMs: 1500, maxMs: 1500 } }),
    );
    bridge.close();
    const answer = sendRaw(`${serve.receiverUrl}slow`, { method: 'POST', body: '{"slow":true}' });
    await delay(300); // the request is inside its delay now
    const stoppedAt = Date.now();
    const exit = serve.stop('SIGTERM');
    const res = await answer;
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe('{"ok":true}');
    expect(await exit).toBe(0);
    expect(Date.now() - stoppedAt).toBeGreaterThanOrEqual(1000); // it waited for the request
    expect(serve.output()).toMatch(/Stopping \(SIGTERM\)/);
    expect(storedPaths()).toEqual([{ path: '/slow', status: 200, truncated: 0, size: 13 }]);
    expect(walIsFolded()).toBe(true);
  });

  it('SIGINT: an upload still arriving when the signal comes is read to its end, answered and stored whole', async () => {
    const { hostname, port } = new URL(serve.receiverUrl);
    const socket = connect(Number(port), hostname);
    let answer = '';
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('latin1');
    });
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(`POST /upload HTTP/1.1\r\nHost: ${hostname}\r\nContent-Length: 10\r\n\r\nfirst`);
    await delay(300);
    const exit = serve.stop('SIGINT');
    await delay(500); // the server is stopping; the connection is busy, so it stays open
    socket.write('-last');
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(await exit).toBe(0);
    expect(storedPaths()).toEqual([{ path: '/upload', status: 200, truncated: 0, size: 10 }]);
    expect(walIsFolded()).toBe(true);
  });

  it('a request that would never end (a hang rule) is cut after the bounded drain, and the exit is still 0', async () => {
    const bridge = await openBridge(serve.uiUrl);
    await bridge.call(
      'saveRule',
      testRule({
        match: { path: { kind: 'exact', value: '/hang' } },
        responder: responses('sequential', variant({ fault: { kind: 'hang' } })),
      }),
    );
    bridge.close();
    const answer = sendRaw(`${serve.receiverUrl}hang`, { method: 'POST', body: 'x' }).then(
      () => 'answered',
      () => 'cut',
    );
    await delay(300);
    const stoppedAt = Date.now();
    expect(await serve.stop('SIGTERM')).toBe(0);
    const took = Date.now() - stoppedAt;
    console.log(`graceful stop with a hung request: exited after ${took} ms`);
    expect(took).toBeLessThan(9_000); // 5 s drain, then the connection is cut
    expect(await answer).toBe('cut');
    // A hang sends no answer, so the capture records status 0.
    expect(storedPaths()).toEqual([{ path: '/hang', status: 0, truncated: 0, size: 1 }]);
  });
});
