/**
 * Bad bodies at the receiver (real HTTP on loopback, real SQLite): each is
 * captured as it arrived (or as far as it arrived), answered or not as the
 * case needs, and the receiver keeps serving the next sender.
 */
import { connect } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORE_FILE_NAME } from '../../electron/core/index';
import { CaptureStore } from '../../electron/core/store/capture-store';
import { sendRaw } from '../helpers/http';
import {
  captureCount,
  delay,
  expectStillServing,
  latestCapture,
  type RunningCore,
  rawExchange,
  startCore,
} from './support/core';

describe('bad bodies at the receiver', () => {
  let running: RunningCore;
  beforeEach(async () => {
    running = await startCore();
  });
  afterEach(async () => {
    await expectStillServing(running.base);
    await running.close();
  });

  it('malformed JSON: captured byte-exact, answered, and the doctor says why it is broken', async () => {
    const { core, base } = running;
    const body = '{"id_sms": 1, "text": "say "hi"",}';
    const res = await sendRaw(`${base}/bad-json`, {
      method: 'POST',
      headers: [['Content-Type', 'application/json']],
      body,
    });
    expect(res.status).toBe(200);
    const capture = await latestCapture(core);
    expect(Buffer.from(capture.bodyBase64, 'base64').toString('utf8')).toBe(body);
    expect(capture.truncated).toBe(false);
    const diagnosis = await core.handlers.diagnoseCapture({ id: capture.id });
    expect(diagnosis.valid).toBe(false);
  });

  it('invalid UTF-8: the exact bytes are kept, not replaced by U+FFFD', async () => {
    const { core, base } = running;
    const body = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0x22, 0x7d]);
    expect(
      (
        await sendRaw(`${base}/utf8`, {
          method: 'POST',
          headers: [['Content-Type', 'application/json']],
          body,
        })
      ).status,
    ).toBe(200);
    const capture = await latestCapture(core);
    expect(Buffer.from(capture.bodyBase64, 'base64').equals(body)).toBe(true);
    const diagnosis = await core.handlers.diagnoseCapture({ id: capture.id });
    expect(diagnosis.valid).toBe(false);
  });

  it('a body over the limit: 413, recorded truncated with the declared size', async () => {
    const { core, base } = running;
    await core.handlers.updateSettings({ receiver: { bodyLimitBytes: 4096 } });
    const res = await sendRaw(`${base}/big`, { method: 'POST', body: Buffer.alloc(100_000, 0x62) });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body.toString())).toMatchObject({ error: 'payload_too_large' });
    expect(await latestCapture(core)).toMatchObject({
      path: '/big',
      status: 413,
      truncated: true,
      bodySize: 4096,
      declaredBodySize: 100_000,
    });
  });

  it('a gzip bomb: the raw bytes are kept and the inspector refuses to inflate it past its limit', async () => {
    const { core, base } = running;
    const bomb = gzipSync(Buffer.alloc(65 * 1024 * 1024)); // 65 MiB of zeros in ~65 KB
    expect(bomb.byteLength).toBeLessThan(200_000);
    const res = await sendRaw(`${base}/bomb`, {
      method: 'POST',
      headers: [
        ['Content-Type', 'application/json'],
        ['Content-Encoding', 'gzip'],
      ],
      body: bomb,
    });
    expect(res.status).toBe(200);
    const capture = await latestCapture(core);
    expect(Buffer.from(capture.bodyBase64, 'base64').equals(bomb)).toBe(true);
    const decoded = await core.handlers.getCaptureBody({ id: capture.id, side: 'request', decode: true });
    expect(decoded.decoded).toBeNull();
    expect(decoded.decodeError).toMatch(/compression bomb/);
    expect(decoded.size).toBe(bomb.byteLength); // shown as received
  });

  it('a request aborted half-way (FIN): recorded truncated with the bytes received and a finding, status 0', async () => {
    const { core, base, port } = running;
    const head = `POST /half HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: 1000\r\n\r\n`;
    const result = await rawExchange(base, `${head}${'a'.repeat(400)}`, { halfClose: true });
    expect(result.text).toBe(''); // no answer is written to a client that hung up
    await expect.poll(() => captureCount(core)).toBe(1);
    const capture = await latestCapture(core);
    expect(capture).toMatchObject({
      path: '/half',
      status: 0,
      truncated: true,
      bodySize: 400,
      declaredBodySize: 1000,
      findings: [
        {
          severity: 'error',
          message: 'The client closed the connection after 400 of 1000 bytes',
          path: null,
        },
      ],
    });
    expect(capture.response).toEqual({ status: 0, headers: [], bodyBase64: '' });
  });

  it('a request aborted half-way (reset): recorded the same way', async () => {
    const { core, base, port } = running;
    const socket = connect(port, new URL(base).hostname);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(`PUT /reset HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\n0123456789`);
    await delay(100);
    socket.resetAndDestroy();
    await expect.poll(() => captureCount(core)).toBe(1);
    expect(await latestCapture(core)).toMatchObject({
      path: '/reset',
      status: 0,
      truncated: true,
      bodySize: 10,
      findings: [{ message: 'The client closed the connection after 10 of 50 bytes' }],
    });
  });

  it('a chunked body with a bad chunk size: Node rejects it, the receiver answers 400 and records what came', async () => {
    const { core, base, port } = running;
    const request =
      `POST /chunks HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nTransfer-Encoding: chunked\r\n\r\n` +
      '5\r\nhello\r\nzz\r\nworld\r\n0\r\n\r\n';
    const result = await rawExchange(base, request);
    expect(result.text).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    await expect.poll(() => captureCount(core)).toBe(1);
    const capture = await latestCapture(core);
    expect(capture).toMatchObject({ path: '/chunks', status: 400, truncated: true, bodySize: 5 });
    expect(capture.findings[0]?.message).toMatch(
      /^The request body is malformed \(.*chunk size.*\); Hookbench answered 400 and closed the connection after 5 bytes of a body of unknown length$/,
    );
    // The recorded answer is the one that went out.
    expect(result.text.endsWith(Buffer.from(capture.response.bodyBase64, 'base64').toString())).toBe(true);
  });

  it('chunk sizes that overflow or go negative are refused without a crash', async () => {
    const { base, port } = running;
    for (const size of ['fffffffffffffffffff', '-1', '0x10', `1;${'x'.repeat(20_000)}`]) {
      const request = `POST /c HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nTransfer-Encoding: chunked\r\n\r\n${size}\r\nabc\r\n0\r\n\r\n`;
      const result = await rawExchange(base, request);
      expect(result.text, size.slice(0, 20)).toMatch(/^HTTP\/1\.1 (400|413) /);
    }
  });
});

describe('a stop cuts an upload that does not finish in time', () => {
  it('records the part that arrived, saying Hookbench was stopping', async () => {
    const running = await startCore({ receiverLimits: { drainTimeoutMs: 300 } });
    const { core, base, port, dataDir } = running;
    const socket = connect(port, new URL(base).hostname);
    socket.on('error', () => {});
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(`POST /slow-upload HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n${'z'.repeat(30)}`);
    await delay(100);
    await core.close();
    socket.destroy();
    const store = new CaptureStore(join(dataDir, STORE_FILE_NAME));
    const [capture] = [...store.iterateOldestFirst()];
    store.close();
    expect(capture).toMatchObject({
      path: '/slow-upload',
      truncated: true,
      bodySize: 30,
      status: 0,
      findings: [{ message: 'Hookbench was stopping and closed the connection after 30 of 100 bytes' }],
    });
    await running.close();
  });
});
