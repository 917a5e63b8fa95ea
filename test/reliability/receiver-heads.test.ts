/**
 * Bad or unusual request heads at the receiver: huge header sets and URLs,
 * control characters, unknown and uncommon methods, Expect: 100-continue,
 * pipelining and upgrades. Each test ends by checking that an ordinary
 * request still gets its 200. What Node's parser rejects before the
 * receiver's handler runs (431, 400) is answered but not recorded: there is
 * no request to record, only bytes that are not HTTP.
 */
import { METHODS } from 'node:http';
import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sendRaw } from '../helpers/http';
import { responses, testRule, variant } from '../helpers/rules';
import {
  captureCount,
  expectStillServing,
  latestCapture,
  type RunningCore,
  rawExchange,
  startCore,
  statusCodes,
} from './support/core';

describe('request heads at the receiver', () => {
  let running: RunningCore;
  let host: string;
  beforeEach(async () => {
    running = await startCore();
    host = `127.0.0.1:${running.port}`;
  });
  afterEach(async () => {
    await expectStillServing(running.base);
    await running.close();
  });

  const headWith = (lines: string[], target = '/') =>
    `GET ${target} HTTP/1.1\r\nHost: ${host}\r\n${lines.map((l) => `${l}\r\n`).join('')}Connection: close\r\n\r\n`;

  it('10,000 headers (~230 KB) get 431 from the size limit, are not recorded, and nothing crashes', async () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `X-Header-${String(i).padStart(5, '0')}: value`);
    const result = await rawExchange(running.base, headWith(lines));
    expect(result.text).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
    expect(await captureCount(running.core)).toBe(0);
  });

  it('3,000 headers within the size limit are all kept (Node would silently drop those past 2,000)', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `X-${i}: ${i}`);
    const result = await rawExchange(running.base, headWith(lines, '/many-headers'));
    expect(statusCodes(result.text)).toEqual([200]);
    const capture = await latestCapture(running.core);
    expect(capture.headers).toHaveLength(3002); // + Host and Connection
    expect(capture.headers[3000]).toEqual(['X-2999', '2999']);
  });

  it('a 64 KB URL is captured whole; past the 80 KiB head limit it gets 431', async () => {
    const query = `q=${'a'.repeat(64 * 1024)}`;
    const res = await sendRaw(`${running.base}/long?${query}`);
    expect(res.status).toBe(200);
    expect((await latestCapture(running.core)).path).toBe(`/long?${query}`);

    const tooLong = await rawExchange(running.base, headWith([], `/longer?q=${'b'.repeat(120 * 1024)}`));
    expect(tooLong.text).toMatch(/^HTTP\/1\.1 431 /);
    expect(await captureCount(running.core)).toBe(1);
  });

  it('control characters in a header value get 400 and are not recorded; tab and bytes ≥ 0x80 are kept', async () => {
    for (const bad of [
      'X-Evil: a\u0001b',
      'X-Evil: a\u001b[31mred',
      'X-Evil: a\u0000b',
      'X-Evil: a\u007fb',
    ]) {
      const result = await rawExchange(running.base, headWith([bad]));
      expect(result.text, JSON.stringify(bad)).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    }
    expect(await captureCount(running.core)).toBe(0);
    const ok = await rawExchange(
      running.base,
      Buffer.from(headWith(['X-Tab: a\tb', 'X-Latin: caf\u00e9'], '/kept'), 'latin1'),
    );
    expect(statusCodes(ok.text)).toEqual([200]);
    const headers = (await latestCapture(running.core)).headers;
    expect(headers).toContainEqual(['X-Tab', 'a\tb']);
    expect(headers).toContainEqual(['X-Latin', 'caf\u00e9']); // the byte 0xE9, read as latin1
  });

  it('an unknown method (BREW) gets 400 from the parser and is not recorded', async () => {
    const result = await rawExchange(running.base, `BREW /pot HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
    expect(result.text).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(await captureCount(running.core)).toBe(0);
  });

  it('every method Node knows (PURGE, PROPFIND, MKCOL, REPORT…) is captured, CONNECT aside', async () => {
    const methods = METHODS.filter((m) => m !== 'CONNECT');
    for (const method of methods) {
      const result = await rawExchange(
        running.base,
        `${method} /m/${method} HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi`,
      );
      expect(statusCodes(result.text), method).toEqual([200]);
      expect((await latestCapture(running.core)).method).toBe(method);
    }
    expect(await captureCount(running.core)).toBe(methods.length);
    // CONNECT asks for a tunnel; the receiver offers none: the connection is closed, nothing breaks.
    const connect = await rawExchange(
      running.base,
      `CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n`,
    );
    expect(connect.end).toBe('closed');
  });

  it('Expect: 100-continue gets its interim answer first, then the body is captured', async () => {
    const socket = connect(running.port, '127.0.0.1');
    let text = '';
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
    });
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(
      `POST /continue HTTP/1.1\r\nHost: ${host}\r\nExpect: 100-continue\r\nContent-Length: 7\r\nConnection: close\r\n\r\n`,
    );
    await expect.poll(() => text).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\n$/);
    socket.write('payload');
    await new Promise<void>((resolve) => socket.on('close', () => resolve()));
    expect(statusCodes(text)).toEqual([100, 200]);
    const capture = await latestCapture(running.core);
    expect(Buffer.from(capture.bodyBase64, 'base64').toString()).toBe('payload');
    expect(capture.headers).toContainEqual(['Expect', '100-continue']);
  });

  it('pipelining: requests written back to back in one packet are all answered in order and stored', async () => {
    const { core } = running;
    await core.handlers.updateSettings({ receiver: { bodyLimitBytes: 1024 } });
    await core.handlers.saveRule(
      testRule({
        match: { path: { kind: 'exact', value: '/p/created' } },
        responder: responses('sequential', variant({ status: 201, body: 'made', bodyMode: 'raw' })),
      }),
    );
    const big = 'x'.repeat(3000);
    const pipeline = [
      `POST /p/one HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 3\r\n\r\none`,
      `POST /p/created HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 3\r\n\r\ntwo`,
      // Over the limit: answered 413 early; the rest of its body must still be skipped correctly.
      `POST /p/big HTTP/1.1\r\nHost: ${host}\r\nContent-Length: ${big.length}\r\n\r\n${big}`,
      `GET /p/four?x=1 HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
      `DELETE /p/five HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
    ].join('');
    const result = await rawExchange(running.base, pipeline);
    expect(statusCodes(result.text)).toEqual([200, 201, 413, 200, 200]);
    const page = await core.handlers.listCaptures({ limit: 10 });
    expect(page.items.map((c) => `${c.method} ${c.path} ${c.status}`).reverse()).toEqual([
      'POST /p/one 200',
      'POST /p/created 201',
      'POST /p/big 413',
      'GET /p/four?x=1 200',
      'DELETE /p/five 200',
    ]);
  });

  it('an Upgrade request is captured like any other request: the receiver never switches protocols', async () => {
    const result = await rawExchange(
      running.base,
      `GET /socket HTTP/1.1\r\nHost: ${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      { timeoutMs: 300 },
    );
    expect(statusCodes(result.text)).toEqual([200]);
    expect((await latestCapture(running.core)).path).toBe('/socket');
  });
});
