import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createHookbench, type HookbenchCore } from '../../electron/core/index';
import { type HeadlessHost, startHeadlessHost } from '../../electron/host/headless-host';
import type { WsServerFrame } from '../../shared/contract';
import { sendRaw } from '../helpers/http';
import { tempDir } from '../helpers/temp-dir';

const TOKEN = 'test-token-0123456789';

describe('headless host (UI over HTTP + contract over WebSocket)', () => {
  let dir: ReturnType<typeof tempDir>;
  let core: HookbenchCore;
  let host: HeadlessHost;
  let origin: string;
  let receiverUrl: string;

  beforeAll(async () => {
    dir = tempDir();
    const ui = join(dir.path, 'ui');
    mkdirSync(join(ui, 'assets'), { recursive: true });
    writeFileSync(join(ui, 'index.html'), '<!doctype html><title>Hookbench</title>');
    writeFileSync(join(ui, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir.path, 'secret.txt'), 'outside the UI folder');
    core = await createHookbench({ dataDir: join(dir.path, 'data'), receiver: { port: 0 } });
    await core.start();
    receiverUrl = (await core.handlers.getReceiverStatus(undefined)).url as string;
    host = await startHeadlessHost({ core, rendererDir: ui, port: 0, token: TOKEN });
    origin = `http://127.0.0.1:${host.port}`;
  });
  afterAll(async () => {
    await host.close();
    await core.close();
    dir.cleanup();
  });

  it('serves nothing without the token', async () => {
    const res = await fetch(`${origin}/`);
    expect(res.status).toBe(401);
    expect(await res.text()).toMatch(/access token/);
    expect((await fetch(`${origin}/?token=wrong`)).status).toBe(401);
    expect((await fetch(`${origin}/assets/app.js`)).status).toBe(401);
  });

  it('serves the UI with the token, sets an HttpOnly cookie and a strict CSP', async () => {
    expect(host.url).toBe(`${origin}/?token=${TOKEN}`);
    const res = await fetch(host.url);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Hookbench</title>');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const asset = await fetch(`${origin}/assets/app.js`, {
      headers: { cookie: cookie.split(';')[0] as string },
    });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
  });

  it('never serves files outside the UI folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const res = await sendRaw(`${origin}${path}?token=${TOKEN}`);
      expect(res.status, path).toBe(404);
    }
  });

  it('refuses a Host header that is not this server (DNS rebinding)', async () => {
    const res = await sendRaw(`${origin}/?token=${TOKEN}`, {
      headers: [['Host', `evil.example:${host.port}`]],
    });
    expect(res.status).toBe(421);
  });

  it('refuses WebSocket upgrades without the token or from another origin', async () => {
    await expect(openSocket(`ws://127.0.0.1:${host.port}/bridge`)).rejects.toThrow(/403/);
    await expect(openSocket(`ws://127.0.0.1:${host.port}/bridge?token=nope`)).rejects.toThrow(/403/);
    await expect(
      openSocket(`ws://127.0.0.1:${host.port}/bridge?token=${TOKEN}`, { origin: 'https://evil.example' }),
    ).rejects.toThrow(/403/);
  });

  it('carries commands and pushed events over the bridge', async () => {
    const socket = await openSocket(`ws://127.0.0.1:${host.port}/bridge?token=${TOKEN}`, { origin });
    const frames: WsServerFrame[] = [];
    socket.on('message', (data) => frames.push(JSON.parse(String(data)) as WsServerFrame));
    const waitFor = async (predicate: (frame: WsServerFrame) => boolean) => {
      for (let i = 0; i < 200; i++) {
        const hit = frames.find(predicate);
        if (hit) return hit;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error('frame did not arrive');
    };

    socket.send(JSON.stringify({ type: 'command', id: 1, name: 'getReceiverStatus', request: undefined }));
    const status = await waitFor((f) => f.type === 'result' && f.id === 1);
    expect(status).toMatchObject({ result: { ok: true, value: { state: 'listening', url: receiverUrl } } });

    await fetch(`${receiverUrl}via-bridge`, { method: 'POST', body: '{"a":1}' });
    const added = await waitFor((f) => f.type === 'event' && f.name === 'capturesAdded');
    expect(added).toMatchObject({ payload: { items: [{ path: '/via-bridge', method: 'POST' }] } });

    socket.send(JSON.stringify({ type: 'command', id: 2, name: 'getCapture', request: { id: 'x' } }));
    expect(await waitFor((f) => f.type === 'result' && f.id === 2)).toMatchObject({
      result: { ok: false, error: { code: 'bad_request' } },
    });
    socket.send(JSON.stringify({ type: 'command', id: 3, name: 'constructor', request: {} }));
    expect(await waitFor((f) => f.type === 'result' && f.id === 3)).toMatchObject({
      result: { ok: false, error: { code: 'bad_request', message: 'Unknown command "constructor".' } },
    });
    socket.close();
  });
});

function openSocket(url: string, options: { origin?: string } = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, options.origin ? { origin: options.origin } : {});
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    socket.once('error', reject);
  });
}
