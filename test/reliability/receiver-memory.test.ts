/**
 * What many large uploads at once may cost: the bodies of all requests under way together are
 * bounded (limits.maxBodyBytesInFlight, at least one body limit), so a request that would cross
 * the bound is answered 503 with what arrived recorded, and the bytes are given back when a
 * request ends; and open connections are bounded (limits.maxConnections). Real sockets on loopback.
 */
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { sendRaw } from '../helpers/http';
import { delay, latestCapture, type RunningCore, startCore } from './support/core';

const KIB = 1024;

function openSocket(port: number): Promise<{ socket: Socket; answer: () => string; closed: Promise<void> }> {
  return new Promise((resolve) => {
    let text = '';
    const socket = connect(port, '127.0.0.1');
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
    });
    socket.on('error', () => {});
    const closed = new Promise<void>((done) => socket.on('close', () => done()));
    socket.once('connect', () => resolve({ socket, answer: () => text, closed }));
  });
}

const head = (path: string, length: number) =>
  `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\nContent-Length: ${length}\r\n\r\n`;

describe('the receiver bounds the memory and sockets that requests under way may hold', () => {
  let running: RunningCore;
  afterEach(() => running.close());

  it('answers 503 to the body that would cross the bound, records what arrived, and frees the bytes after', async () => {
    running = await startCore({
      receiver: { port: 0, bodyLimitBytes: 512 * KIB },
      receiverLimits: { maxBodyBytesInFlight: 1024 * KIB },
    });
    const length = 400 * KIB;
    // Two uploads of 400 KiB, each stopped 40 KiB short of its end, hold 720 KiB…
    const first = await openSocket(running.port);
    first.socket.write(head('/first', length) + 'a'.repeat(length - 40 * KIB));
    const second = await openSocket(running.port);
    second.socket.write(head('/second', length) + 'b'.repeat(length - 40 * KIB));
    await delay(200);
    // …so a third, of 400 KiB, cannot be held beside them.
    const third = await sendRaw(`${running.base}/third`, { method: 'POST', body: 'c'.repeat(length) });
    expect(third.status).toBe(503);
    expect(third.headers['retry-after']).toBe('1');
    expect(JSON.parse(third.body.toString())).toMatchObject({
      error: 'receiver_busy',
      message: expect.stringContaining('(1 MiB together)'),
    });
    const refused = await latestCapture(running.core);
    expect(refused).toMatchObject({ path: '/third', truncated: true, declaredBodySize: length });
    expect(refused.response.status).toBe(503);
    expect(Buffer.from(refused.bodyBase64, 'base64').length).toBeLessThan(length);
    expect(refused.findings.at(-1)?.message).toMatch(
      /^Answered 503 after \d+ bytes: the bodies of the requests/,
    );

    // The two held uploads finish normally and give their bytes back: the same upload now fits.
    first.socket.write('a'.repeat(40 * KIB));
    second.socket.write('b'.repeat(40 * KIB));
    await expect.poll(() => first.answer()).toMatch(/^HTTP\/1\.1 200/);
    await expect.poll(() => second.answer()).toMatch(/^HTTP\/1\.1 200/);
    const again = await sendRaw(`${running.base}/third-again`, { method: 'POST', body: 'c'.repeat(length) });
    expect(again.status).toBe(200);
    expect(Buffer.from((await latestCapture(running.core)).bodyBase64, 'base64').length).toBe(length);
    first.socket.destroy();
    second.socket.destroy();
  });

  it('one body at the limit always fits, whatever the bound', async () => {
    running = await startCore({
      receiver: { port: 0, bodyLimitBytes: 600 * KIB },
      receiverLimits: { maxBodyBytesInFlight: 100 * KIB },
    });
    const res = await sendRaw(`${running.base}/whole`, { method: 'POST', body: 'w'.repeat(600 * KIB) });
    expect(res.status).toBe(200);
  });

  it('refuses connections beyond the bound and serves again once one closes', async () => {
    running = await startCore({ receiverLimits: { maxConnections: 3 } });
    const held = await Promise.all([1, 2, 3].map(() => openSocket(running.port)));
    await delay(100);
    const extra = await openSocket(running.port);
    // Node closes a connection over server.maxConnections at once, without a word.
    await extra.closed;
    expect(extra.answer()).toBe('');
    held[0]?.socket.destroy();
    await held[0]?.closed;
    await delay(100);
    expect((await sendRaw(`${running.base}/after`, { method: 'POST', body: '{}' })).status).toBe(200);
    for (const { socket } of held) socket.destroy();
  });
});
