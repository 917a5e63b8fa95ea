/**
 * Connections that cost the receiver without being requests: clients that
 * trickle one byte a second, and thousands of sockets that sit idle. Every
 * wait is bounded (headersTimeout / requestTimeout, shortened here through
 * the receiver limits; the defaults are 30 s and 5 min), and the receiver
 * keeps answering others meanwhile.
 */
import { connect, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createReceiverServer,
  DEFAULT_RECEIVER_LIMITS,
  receiverLimits,
} from '../../electron/core/receiver/limits';
import { sendRaw } from '../helpers/http';
import {
  captureCount,
  delay,
  expectStillServing,
  latestCapture,
  type RunningCore,
  startCore,
} from './support/core';

const LIMITS = { headersTimeoutMs: 1500, requestTimeoutMs: 2500, timeoutCheckIntervalMs: 100 };

/** Writes `text` one byte per `everyMs` until done or the server closes the socket. */
async function trickle(socket: Socket, text: string, everyMs: number): Promise<number> {
  let sent = 0;
  for (const char of text) {
    if (socket.destroyed || !socket.writable) break;
    socket.write(char);
    sent++;
    await delay(everyMs);
  }
  return sent;
}

function open(port: number): Promise<{ socket: Socket; answer: () => string; closed: Promise<number> }> {
  return new Promise((resolve) => {
    const started = Date.now();
    let text = '';
    const socket = connect(port, '127.0.0.1');
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
    });
    socket.on('error', () => {});
    const closed = new Promise<number>((done) => socket.on('close', () => done(Date.now() - started)));
    socket.once('connect', () => resolve({ socket, answer: () => text, closed }));
  });
}

describe('slow and idle connections', () => {
  let running: RunningCore;
  beforeEach(async () => {
    running = await startCore({ receiverLimits: LIMITS });
  });
  afterEach(async () => {
    await expectStillServing(running.base);
    await running.close();
  });

  it('a client sending its headers one byte a second gets 408 at the headers timeout; others are served meanwhile', async () => {
    const slow = await open(running.port);
    void trickle(
      slow.socket,
      `GET /slowloris HTTP/1.1\r\nHost: x\r\nX-Padding: ${'p'.repeat(50)}\r\n\r\n`,
      1000,
    );
    await delay(300);
    for (let i = 0; i < 5; i++) await expectStillServing(running.base);
    const took = await slow.closed;
    expect(slow.answer()).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(took).toBeGreaterThanOrEqual(1400);
    expect(took).toBeLessThan(4000);
    // Nothing to record: the request never had a complete head.
    expect(await captureCount(running.core)).toBe(5);
  });

  it('a client sending its body one byte a second gets 408 at the request timeout, recorded with what came', async () => {
    const slow = await open(running.port);
    slow.socket.write('POST /slow-body HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n');
    void trickle(slow.socket, 'b'.repeat(100), 1000);
    const took = await slow.closed;
    expect(slow.answer()).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(took).toBeGreaterThanOrEqual(2400);
    expect(took).toBeLessThan(5000);
    await expect.poll(() => captureCount(running.core)).toBe(1);
    const capture = await latestCapture(running.core);
    expect(capture).toMatchObject({
      path: '/slow-body',
      status: 408,
      truncated: true,
      declaredBodySize: 100,
    });
    expect(capture.bodySize).toBeGreaterThanOrEqual(2);
    expect(capture.findings[0]?.message).toMatch(
      /^The request did not arrive within the receiver's time limit; Hookbench answered 408 and closed the connection after \d+ of 100 bytes$/,
    );
  });
});

describe('thousands of idle connections', () => {
  // Headers timeout long enough that all 2,000 sockets are surely open when the request is
  // made, even on a busy machine, and short enough to watch it close the silent ones.
  const IDLE_LIMITS = { headersTimeoutMs: 6000, requestTimeoutMs: 10_000, timeoutCheckIntervalMs: 200 };

  it('2,000 idle connections (half never spoke, half kept alive after a request) do not stop a normal request', async () => {
    const running = await startCore({ receiverLimits: IDLE_LIMITS });
    const silent = await Promise.all(Array.from({ length: 1000 }, () => open(running.port)));
    const keptAlive = await Promise.all(
      Array.from({ length: 1000 }, async (_, i) => {
        const conn = await open(running.port);
        conn.socket.write(`POST /ka/${i} HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\n${i % 10}`);
        return conn;
      }),
    );
    await expect
      .poll(() => keptAlive.every((c) => c.answer().startsWith('HTTP/1.1 200 ')), { timeout: 10_000 })
      .toBe(true);
    const started = Date.now();
    const res = await sendRaw(`${running.base}/while-2000-idle`, { method: 'POST', body: 'still here' });
    expect(res.status).toBe(200);
    console.log(`a request with 2,000 idle connections open took ${Date.now() - started} ms`);
    expect([...silent, ...keptAlive].filter((c) => c.socket.destroyed)).toHaveLength(0); // all still open
    expect(await captureCount(running.core)).toBe(1001);
    // The silent ones are closed by the headers timeout, not kept forever.
    await Promise.all(silent.map((c) => c.closed));
    await expectStillServing(running.base);
    for (const c of keptAlive) c.socket.destroy();
    await running.close();
  }, 30_000);
});

describe('receiver limits', () => {
  it('default to 30 s for headers, 5 min for a request, an 80 KiB head and no header count cap', () => {
    const server = createReceiverServer(receiverLimits(), () => {});
    expect(server.headersTimeout).toBe(30_000);
    expect(server.requestTimeout).toBe(300_000);
    expect(server.keepAliveTimeout).toBe(DEFAULT_RECEIVER_LIMITS.keepAliveTimeoutMs);
    expect(server.maxHeadersCount).toBe(0);
    expect(DEFAULT_RECEIVER_LIMITS.maxHeaderBytes).toBe(80 * 1024);
    server.close();
  });

  it('never let the headers timeout exceed the request timeout (Node would refuse to start)', () => {
    expect(receiverLimits({ requestTimeoutMs: 1000 }).headersTimeoutMs).toBe(1000);
  });
});
