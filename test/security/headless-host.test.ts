/**
 * The headless host as `hookbench serve` runs it (a real child process): the
 * UI/control port listens on loopback only, needs the token on HTTP and on
 * the WebSocket, checks Host and Origin, is never the receiver's port, and
 * the token appears nowhere but in the printed UI address.
 * (test/integration/headless-host.test.ts covers the host in-process.)
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { type AddressInfo, connect, createServer } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { tokenMatches } from '../../electron/host/token';
import { REPO_ROOT, runCli, type ServeProcess, startServe } from '../helpers/cli';
import { sendRaw } from '../helpers/http';
import { tempDir } from '../helpers/temp-dir';

/** Resolves with the HTTP status of a refused upgrade, or 101 when the socket opened. */
function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_req, res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    socket.once('error', reject);
  });
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, host);
    socket.setTimeout(1000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('hookbench serve: the UI port is private to this machine and this token', () => {
  const dir = tempDir('hookbench-sec-');
  let serve: ServeProcess;
  let ui: URL;
  let token: string;
  let origin: string;

  beforeAll(async () => {
    // The receiver listens on every interface: the UI must stay on loopback regardless.
    serve = await startServe(['--host', '0.0.0.0', '--port', '0', '--ui-port', '0', '--data', dir.path]);
    ui = new URL(serve.uiUrl);
    token = ui.searchParams.get('token') as string;
    origin = `http://${ui.host}`;
  });
  afterAll(async () => {
    await serve.stop();
    dir.cleanup();
  });

  it('binds the UI to 127.0.0.1 only', async () => {
    expect(ui.hostname).toBe('127.0.0.1');
    const external = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && address.family === 'IPv4' && !address.internal)?.address;
    if (external) {
      expect(await canConnect(external, Number(ui.port))).toBe(false);
      // …while the receiver, asked to, does listen there.
      expect(await canConnect(external, Number(new URL(serve.receiverUrl).port))).toBe(true);
    }
  });

  it('serves nothing over HTTP without the right token', async () => {
    for (const path of [
      '/',
      '/index.html',
      '/assets/',
      '/?token=',
      `/?token=${token}x`,
      `/?token=${token.slice(0, -1)}`,
    ]) {
      expect((await sendRaw(`${origin}${path}`)).status, path).toBe(401);
    }
    const wrongCookie = await sendRaw(`${origin}/`, { headers: [['Cookie', `hookbench_token=${token}0`]] });
    expect(wrongCookie.status).toBe(401);
    expect((await sendRaw(serve.uiUrl)).status).toBe(200);
  });

  it('refuses other origins and hosts, even with the token; sends no CORS headers', async () => {
    const withToken = serve.uiUrl;
    const evilOrigin = await sendRaw(withToken, { headers: [['Origin', 'https://evil.example']] });
    expect(evilOrigin.status).toBe(403);
    expect((await sendRaw(withToken, { headers: [['Origin', 'null']] })).status).toBe(403);
    const rebinding = await sendRaw(withToken, { headers: [['Host', `evil.example:${ui.port}`]] });
    expect(rebinding.status).toBe(421);
    const ok = await sendRaw(withToken, { headers: [['Origin', origin]] });
    expect(ok.status).toBe(200);
    for (const res of [evilOrigin, rebinding, ok])
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect((await sendRaw(withToken, { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it('opens the WebSocket bridge only with the token, the right Origin and the right Host', async () => {
    const bridge = `ws://${ui.host}/bridge`;
    expect(await upgradeStatus(bridge, { Origin: origin })).toBe(403);
    expect(await upgradeStatus(`${bridge}?token=nope`, { Origin: origin })).toBe(403);
    expect(await upgradeStatus(`${bridge}?token=${token}`, { Origin: 'https://evil.example' })).toBe(403);
    expect(await upgradeStatus(`${bridge}?token=${token}`, { Origin: 'null' })).toBe(403);
    expect(
      await upgradeStatus(`${bridge}?token=${token}`, { Origin: origin, Host: `evil.example:${ui.port}` }),
    ).toBe(403);
    expect(await upgradeStatus(`ws://${ui.host}/other?token=${token}`, { Origin: origin })).toBe(403);
    expect(await upgradeStatus(`${bridge}?token=${token}`, { Origin: origin })).toBe(101);
  });

  it('the receiver port serves neither the UI nor the bridge: those requests are just captured', async () => {
    const receiver = new URL(serve.receiverUrl);
    const page = await sendRaw(`http://127.0.0.1:${receiver.port}/?token=${token}`);
    expect(page.headers['content-type']).toMatch(/application\/json/);
    expect(page.body.toString()).not.toMatch(/<html|<script/i);
    expect((await sendRaw(`http://127.0.0.1:${receiver.port}/index.html`)).body.toString()).not.toMatch(
      /<html/i,
    );
    // Even with the right token and Origin, /bridge on the receiver is a plain request, never an upgrade.
    const status = await upgradeStatus(`ws://127.0.0.1:${receiver.port}/bridge?token=${token}`, {
      Origin: origin,
    });
    expect(status).toBe(200);
  });

  it('the token appears once in the output (the UI address) and nowhere in the data folder', async () => {
    await sendRaw(`${origin}/?token=${token}x`); // failed attempts are not echoed either
    await upgradeStatus(`ws://${ui.host}/bridge?token=bad`, { Origin: origin });
    const output = serve.output();
    expect(output.split(token).length - 1).toBe(1);
    expect(output).toContain(`UI:       ${serve.uiUrl}`);
    for (const name of readdirSync(dir.path).filter(
      (n) => !n.endsWith('.sqlite') && !n.includes('.sqlite-'),
    )) {
      expect(readFileSync(join(dir.path, name), 'latin1'), name).not.toContain(token);
    }
  });
});

describe('token comparison', () => {
  it('accepts only the exact token, whatever the length of the guess', () => {
    expect(tokenMatches('secret-token', 'secret-token')).toBe(true);
    for (const guess of [
      '',
      'secret-toke',
      'secret-tokenX',
      'SECRET-TOKEN',
      'x'.repeat(10_000),
      null,
      undefined,
    ])
      expect(tokenMatches('secret-token', guess)).toBe(false);
  });

  it('compares in constant time (hashes of equal length through timingSafeEqual, never ===)', () => {
    const source = readFileSync(join(REPO_ROOT, 'electron/host/token.ts'), 'utf8');
    const body = source.slice(source.indexOf('export function tokenMatches'));
    expect(body.slice(0, body.indexOf('\n}'))).toMatch(/timingSafeEqual\(a, b\)/);
    expect(body.slice(0, body.indexOf('\n}'))).not.toMatch(/===\s*given|given\s*===/);
  });
});

describe('hookbench serve refuses to put the UI on the receiver port', () => {
  it('exits 2 with one line when --port and --ui-port are the same', () => {
    const dir = tempDir('hookbench-sameport-');
    const result = runCli(['serve', '--port', '7799', '--ui-port', '7799', '--data', dir.path]);
    dir.cleanup();
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe(
      'hookbench: The receiver and the UI cannot share port 7799: webhook senders must never reach the UI. Choose another with --ui-port N.',
    );
  });

  it('also when the receiver port comes from the saved settings', async () => {
    const free = createServer();
    await new Promise<void>((resolve) => free.listen(0, '127.0.0.1', resolve));
    const port = (free.address() as AddressInfo).port;
    await new Promise<void>((resolve) => free.close(() => resolve()));
    const dir = tempDir('hookbench-sameport-');
    writeFileSync(join(dir.path, 'settings.json'), JSON.stringify({ receiver: { port } }));
    const result = runCli(['serve', '--ui-port', String(port), '--data', dir.path]);
    dir.cleanup();
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`cannot share port ${port}`);
  });
});
