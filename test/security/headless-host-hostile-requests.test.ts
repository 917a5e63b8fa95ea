/**
 * The UI port must survive whatever reaches it before the token check: a web page can open
 * `new WebSocket('ws://127.0.0.1:7701//')` (a target the URL parser throws on), a page on
 * another 127.0.0.1 port can set a cookie with bad %-encoding, and any client can reset the
 * connection of a refused upgrade. Each of these used to stop `hookbench serve`, receiver
 * included. Runs the real CLI, so a crash shows as a port that no longer answers.
 */
import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type ServeProcess, startServe } from '../helpers/cli';
import { sendRaw } from '../helpers/http';
import { tempDir } from '../helpers/temp-dir';

/** Sends raw bytes; resolves with what came back before the server closed (or the reset). */
function rawExchange(port: number, text: string, reset = false): Promise<string> {
  return new Promise((resolve) => {
    let answer = '';
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(text);
      if (reset) socket.resetAndDestroy();
    });
    socket.setTimeout(3000, () => socket.destroy());
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('latin1');
    });
    socket.on('error', () => {});
    socket.on('close', () => resolve(answer));
  });
}

function upgradeRequest(target: string, host: string, extra = ''): string {
  return [
    `GET ${target} HTTP/1.1`,
    `Host: ${host}`,
    'Connection: Upgrade',
    'Upgrade: websocket',
    'Sec-WebSocket-Version: 13',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    `Origin: http://${host}`,
    ...(extra ? [extra] : []),
    '',
    '',
  ].join('\r\n');
}

describe('hookbench serve: hostile requests to the UI port before the token check', () => {
  let dir: ReturnType<typeof tempDir>;
  let serve: ServeProcess;
  let ui: URL;
  let port: number;

  // One process per case, so each hostile request is judged on its own.
  beforeEach(async () => {
    dir = tempDir('hookbench-sec-hostile-');
    serve = await startServe(['--port', '0', '--ui-port', '0', '--data', dir.path]);
    ui = new URL(serve.uiUrl);
    port = Number(ui.port);
  });
  afterEach(async () => {
    if (serve.child.exitCode === null) await serve.stop();
    dir.cleanup();
  });

  async function stillServing(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(serve.child.exitCode, serve.output()).toBeNull();
    expect((await sendRaw(serve.uiUrl)).status).toBe(200);
    expect((await sendRaw(serve.receiverUrl, { method: 'POST', body: '{}' })).status).toBe(200);
  }

  it('refuses a WebSocket upgrade to `//` (what `new WebSocket("ws://127.0.0.1:7701//")` sends)', async () => {
    const answer = await rawExchange(port, upgradeRequest('//', ui.host));
    expect(answer).toMatch(/^HTTP\/1\.1 403/);
    await stillServing();
  });

  it('answers 400 to a plain request for `//`', async () => {
    const answer = await rawExchange(
      port,
      `GET // HTTP/1.1\r\nHost: ${ui.host}\r\nConnection: close\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    await stillServing();
  });

  it('treats a token cookie with bad %-encoding as no token, on HTTP and on the upgrade, and still finds the real one', async () => {
    const cookie = 'Cookie: hookbench_token=%E0%A4%A';
    const upgrade = await rawExchange(port, upgradeRequest('/bridge', ui.host, cookie));
    expect(upgrade).toMatch(/^HTTP\/1\.1 403/);
    const page = await sendRaw(`http://${ui.host}/`, { headers: [['Cookie', 'hookbench_token=%E0%A4%A']] });
    expect(page.status).toBe(401);
    // A cookie planted first (a longer Path is sent first) hides neither the real token nor the page.
    const real = ui.searchParams.get('token') as string;
    for (const planted of ['hookbench_token=%E0%A4%A', 'hookbench_token=planted']) {
      const both = await sendRaw(`http://${ui.host}/`, {
        headers: [['Cookie', `${planted}; hookbench_token=${encodeURIComponent(real)}`]],
      });
      expect(both.status, planted).toBe(200);
    }
    await stillServing();
  });

  it('survives clients that reset the connection of a refused upgrade', async () => {
    await Promise.all(
      Array.from({ length: 50 }, () => rawExchange(port, upgradeRequest('/bridge', ui.host), true)),
    );
    await stillServing();
  });
});

describe('hookbench serve: bad frames on an open bridge', () => {
  let dir: ReturnType<typeof tempDir>;
  let serve: ServeProcess;

  beforeEach(async () => {
    dir = tempDir('hookbench-sec-frames-');
    serve = await startServe(['--port', '0', '--ui-port', '0', '--data', dir.path]);
  });
  afterEach(async () => {
    if (serve.child.exitCode === null) await serve.stop();
    dir.cleanup();
  });

  /** Opens the bridge as the UI does, sends one frame, resolves with the close code. */
  function closeCodeAfter(send: (socket: WebSocket) => void): Promise<number> {
    const ui = new URL(serve.uiUrl);
    const socket = new WebSocket(`ws://${ui.host}/bridge${ui.search}`, {
      headers: { Origin: `http://${ui.host}` },
    });
    return new Promise((resolve, reject) => {
      socket.once('open', () => send(socket));
      socket.once('close', (code) => resolve(code));
      socket.once('error', reject);
    });
  }

  async function stillServing(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(serve.child.exitCode, serve.output()).toBeNull();
    expect((await sendRaw(serve.uiUrl)).status).toBe(200);
  }

  it('closes the socket on a text frame that is not UTF-8, and keeps serving', async () => {
    expect(await closeCodeAfter((socket) => socket.send(Buffer.from([0xff, 0xfe]), { binary: false }))).toBe(
      1007,
    );
    await stillServing();
  });

  it('closes the socket on a frame over the size limit (an import of a file over 16 MiB), and keeps serving', async () => {
    const text = JSON.stringify({
      type: 'command',
      id: 1,
      name: 'importCaptures',
      request: { text: 'x'.repeat(17 * 1024 * 1024) },
    });
    expect(await closeCodeAfter((socket) => socket.send(text))).toBe(1009);
    await stillServing();
  });
});
