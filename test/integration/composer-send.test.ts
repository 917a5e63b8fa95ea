import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRequest } from '../../electron/core/composer/build';
import { MINIGAME_BODY, REVERSE_BODY } from '../../electron/core/composer/presets';
import { parseComposerRequest } from '../../electron/core/composer/validate';
import { closeHttpAgents, type HttpSendOptions, sendHttp } from '../../electron/core/http/index';
import { simulateReverse } from '../../electron/core/simulate/reverse';
import type { HttpTimings } from '../../shared/composer';
import { tempDir } from '../helpers/temp-dir';
import { presetData } from '../unit/composer/helpers';

interface Received {
  method: string;
  url: string;
  rawHeaders: [string, string][];
  body: Buffer;
}

/** A local server that records exactly what it received and answers by path. */
function recordingServer(handler: (req: IncomingMessage, res: ServerResponse, body: Buffer) => void) {
  const received: Received[] = [];
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const rawHeaders: [string, string][] = [];
      for (let i = 0; i < req.rawHeaders.length; i += 2)
        rawHeaders.push([req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string]);
      received.push({ method: req.method ?? '', url: req.url ?? '', rawHeaders, body });
      handler(req, res, body);
    });
  };
  return { received, onRequest };
}

function routes(req: IncomingMessage, res: ServerResponse): void {
  const path = req.url ?? '/';
  if (path.startsWith('/slow')) return; // never answers
  if (path.startsWith('/reset')) {
    req.socket.destroy();
    return;
  }
  if (path.startsWith('/redirect')) {
    res.writeHead(302, { Location: '/hook?from=redirect' }).end();
    return;
  }
  if (path.startsWith('/big')) {
    res.writeHead(200, { 'Content-Type': 'text/plain' }).end('x'.repeat(10_000));
    return;
  }
  const status = /^\/status\/(\d{3})/.exec(path);
  res.writeHead(status ? Number(status[1]) : 200, [
    ['Content-Type', 'application/json'],
    ['X-Echo-Case', 'Kept'],
  ]);
  res.end('{"ok":true}');
}

const listen = (server: Server): Promise<string> =>
  new Promise((done) =>
    server.listen(0, '127.0.0.1', () => done(`127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );

const OPTIONS: HttpSendOptions = { timeoutMs: 5000, followRedirects: false, verifyTls: true };

function expectOrdered(timings: HttpTimings): void {
  const marks = [
    timings.dnsMs,
    timings.connectMs,
    timings.tlsMs,
    timings.firstByteMs,
    timings.totalMs,
  ].filter((mark): mark is number => mark !== null);
  for (let i = 1; i < marks.length; i++) expect(marks[i]).toBeGreaterThanOrEqual(marks[i - 1] as number);
  expect(timings.totalMs).toBeGreaterThan(0);
}

describe('sendHttp against real local servers', () => {
  const http = recordingServer(routes);
  const server = createServer(http.onRequest);
  let host: string;
  beforeAll(async () => {
    host = await listen(server);
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
    await closeHttpAgents();
  });
  const last = () => http.received.at(-1) as Received;

  it('POSTs the rendered seed body byte for byte, with the headers in order and case', async () => {
    const built = buildRequest(
      parseComposerRequest({
        urlTemplate: `http://${host}/hook`,
        bodyTemplate: MINIGAME_BODY,
        headers: [{ name: 'X-Trace-ID', valueTemplate: 'user-{{state.user_ext_id}}' }],
      }),
      presetData('minigame-spin'),
    );
    const exchange = await sendHttp(
      { method: built.method, url: built.url, headers: built.headers, body: built.body },
      OPTIONS,
    );
    expect(exchange.error).toBeNull();
    expect(exchange.response).toMatchObject({ status: 200, statusText: 'OK', truncated: false });
    expect(exchange.response?.headers.slice(0, 2)).toEqual([
      ['Content-Type', 'application/json'],
      ['X-Echo-Case', 'Kept'],
    ]);
    expect(Buffer.from(exchange.response?.bodyBase64 ?? '', 'base64').toString()).toBe('{"ok":true}');
    const got = last();
    expect(got.method).toBe('POST');
    expect(got.url).toBe('/hook');
    expect(got.body.equals(built.body)).toBe(true);
    expect(got.body.toString()).toContain('\t"saw_template_id": "1204",');
    // What the exchange says was sent is exactly what arrived.
    expect(exchange.request.headers).toEqual(got.rawHeaders);
    expect(got.rawHeaders).toEqual([
      ['host', host],
      ['connection', 'keep-alive'],
      ['Content-Type', 'application/json'],
      ['X-Trace-ID', 'user-100234'],
      ['content-length', String(built.body.byteLength)],
    ]);
    expect(Buffer.from(exchange.request.bodyBase64, 'base64').equals(built.body)).toBe(true);
    expectOrdered(exchange.timings);
  });

  it('GETs with the body’s fields in the query string and no body', async () => {
    const built = buildRequest(
      parseComposerRequest({
        method: 'GET',
        urlTemplate: `http://${host}/users/communications`,
        bodyTemplate: REVERSE_BODY,
      }),
      presetData('asset-sent'),
    );
    const exchange = await sendHttp(
      { method: built.method, url: built.url, headers: built.headers, body: built.body },
      OPTIONS,
    );
    expect(exchange.response?.status).toBe(200);
    const got = last();
    expect(got.method).toBe('GET');
    expect(got.body.byteLength).toBe(0);
    const query = new URL(got.url, 'http://x').searchParams;
    expect(Object.fromEntries(query)).toEqual({
      login: '100234',
      time: '1664115803000',
      view_url: 'https://crm.example.com/view/asset/8c1f2e07',
      channel: 'SMS',
      campaign_name: 'RND Flow',
    });
    expect(got.rawHeaders.map(([name]) => name.toLowerCase())).toEqual(['host', 'connection']);
  });

  it('sends bearer, basic and HMAC headers; the HMAC matches the bytes the server got', async () => {
    const data = presetData('level-upgraded', { TOKEN: 'tok-123', SECRET: 'shh' });
    const send = async (auth: unknown) => {
      const built = buildRequest(
        parseComposerRequest({
          urlTemplate: `http://${host}/hook`,
          bodyTemplate: '{"level": "{{state.level_name}}"}',
          auth,
        }),
        data,
      );
      await sendHttp(
        { method: built.method, url: built.url, headers: built.headers, body: built.body },
        OPTIONS,
      );
      return last();
    };
    const header = (got: Received, name: string) =>
      got.rawHeaders.find(([n]) => n.toLowerCase() === name)?.[1];

    expect(header(await send({ kind: 'bearer', tokenTemplate: '{{env.TOKEN}}' }), 'authorization')).toBe(
      'Bearer tok-123',
    );
    const basic = header(
      await send({ kind: 'basic', user: 'hook', passwordTemplate: '{{env.SECRET}}' }),
      'authorization',
    );
    expect(Buffer.from((basic ?? '').replace('Basic ', ''), 'base64').toString()).toBe('hook:shh');
    const signed = await send({
      kind: 'hmac',
      headerName: 'X-Hub-Signature-256',
      secretTemplate: '{{env.SECRET}}',
      encoding: 'hex',
      prefix: 'sha256=',
    });
    expect(signed.body.toString()).toBe('{"level": "My level with \\" inside"}');
    expect(header(signed, 'x-hub-signature-256')).toBe(
      `sha256=${createHmac('sha256', 'shh').update(signed.body).digest('hex')}`,
    );
  });

  it('reuses the kept-alive connection: no DNS, connect or TLS times the second time', async () => {
    const url = `http://${host}/hook`;
    await sendHttp({ method: 'GET', url, headers: [], body: null }, OPTIONS);
    const again = await sendHttp({ method: 'GET', url, headers: [], body: null }, OPTIONS);
    expect(again.timings).toMatchObject({
      reusedConnection: true,
      dnsMs: null,
      connectMs: null,
      tlsMs: null,
    });
    expect(again.timings.firstByteMs).not.toBeNull();
    expectOrdered(again.timings);
  });

  it('looks the name up for a host name, and orders every timing', async () => {
    const port = host.split(':')[1];
    const exchange = await sendHttp(
      { method: 'GET', url: `http://localhost:${port}/hook`, headers: [], body: null },
      { ...OPTIONS, verifyTls: false },
    );
    expect(exchange.response?.status).toBe(200);
    expect(exchange.timings.dnsMs).not.toBeNull();
    expect(exchange.timings.connectMs).not.toBeNull();
    expectOrdered(exchange.timings);
  });

  it('returns a non-2xx answer as an answer, not an error', async () => {
    const exchange = await sendHttp(
      { method: 'POST', url: `http://${host}/status/503`, headers: [], body: null },
      OPTIONS,
    );
    expect(exchange.error).toBeNull();
    expect(exchange.response).toMatchObject({ status: 503, statusText: 'Service Unavailable' });
  });

  it('shows a redirect, or follows it when asked (POST becomes GET on 302)', async () => {
    const request = { method: 'POST', url: `http://${host}/redirect`, headers: [], body: Buffer.from('{}') };
    const shown = await sendHttp(request, OPTIONS);
    expect(shown.response?.status).toBe(302);
    expect(shown.redirects).toEqual([]);
    const followed = await sendHttp(request, { ...OPTIONS, followRedirects: true });
    expect(followed.response?.status).toBe(200);
    expect(followed.redirects).toEqual([{ status: 302, url: `http://${host}/hook?from=redirect` }]);
    expect(last()).toMatchObject({ method: 'GET', url: '/hook?from=redirect' });
  });

  it('keeps the first part of a large answer and says it was cut', async () => {
    const exchange = await sendHttp(
      { method: 'GET', url: `http://${host}/big`, headers: [], body: null },
      { ...OPTIONS, maxResponseBytes: 100 },
    );
    expect(exchange.response).toMatchObject({ bodySize: 10_000, truncated: true });
    expect(Buffer.from(exchange.response?.bodyBase64 ?? '', 'base64').byteLength).toBe(100);
  });

  it('says in plain words when the connection is refused', async () => {
    const closed = createServer();
    const closedHost = await listen(closed);
    await new Promise((done) => closed.close(done));
    const url = `http://${closedHost}/hook`;
    const exchange = await sendHttp({ method: 'POST', url, headers: [], body: Buffer.from('{}') }, OPTIONS);
    expect(exchange.response).toBeNull();
    expect(exchange.error).toEqual({
      code: 'refused',
      systemCode: 'ECONNREFUSED',
      message: `Could not connect to ${url}: the connection was refused — is the server running?`,
    });
    expect(exchange.timings.totalMs).toBeGreaterThan(0);
  });

  it('times out against a server that never answers', async () => {
    const url = `http://${host}/slow`;
    const exchange = await sendHttp(
      { method: 'GET', url, headers: [], body: null },
      { ...OPTIONS, timeoutMs: 300 },
    );
    expect(exchange.error).toMatchObject({ code: 'timeout', systemCode: null });
    expect(exchange.error?.message).toBe(
      `No complete answer from ${url} within 300 ms: connected, but the server sent no answer. Is the server stuck, or is the timeout too short?`,
    );
    expect(exchange.timings.totalMs).toBeGreaterThanOrEqual(290);
    expect(exchange.timings.totalMs).toBeLessThan(3000);
  });

  it('reports a connection reset', async () => {
    const exchange = await sendHttp(
      { method: 'GET', url: `http://${host}/reset`, headers: [], body: null },
      OPTIONS,
    );
    expect(exchange.error?.code).toBe('reset');
    expect(exchange.error?.message).toContain(`http://${host}/reset`);
  });

  it('reports a host name that does not resolve (.invalid never does)', async () => {
    const url = 'http://hookbench-test.invalid/hook';
    const exchange = await sendHttp({ method: 'GET', url, headers: [], body: null }, OPTIONS);
    expect(exchange.error?.code).toBe('dns');
    expect(['ENOTFOUND', 'EAI_AGAIN']).toContain(exchange.error?.systemCode);
    expect(exchange.error?.message).toContain('hookbench-test.invalid');
    expect(exchange.error?.message).toContain(url);
  });

  it('refuses URLs it cannot send to, in words', async () => {
    const exchange = await sendHttp(
      { method: 'GET', url: 'ftp://example.com/x', headers: [], body: null },
      OPTIONS,
    );
    expect(exchange.error).toMatchObject({
      code: 'bad-request',
      message: expect.stringContaining('only http://'),
    });
  });
});

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

describe.skipIf(!hasOpenssl)('sendHttp over TLS with a self-signed certificate', () => {
  const dir = tempDir();
  const tls = recordingServer((_req, res) => res.writeHead(200).end('secure'));
  let server: ReturnType<typeof createHttpsServer>;
  let url: string;
  beforeAll(async () => {
    const key = join(dir.path, 'key.pem');
    const cert = join(dir.path, 'cert.pem');
    const made = spawnSync('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
    ]);
    if (made.status !== 0) throw new Error(`openssl failed: ${made.stderr.toString()}`);
    server = createHttpsServer({ key: readFileSync(key), cert: readFileSync(cert) }, tls.onRequest);
    url = `https://${await listen(server as unknown as Server)}/secure`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
    await closeHttpAgents();
    dir.cleanup();
  });

  it('refuses the certificate when verifying, in words that suggest the switch', async () => {
    const exchange = await sendHttp({ method: 'GET', url, headers: [], body: null }, OPTIONS);
    expect(exchange.response).toBeNull();
    expect(exchange.error).toEqual({
      code: 'tls',
      systemCode: 'DEPTH_ZERO_SELF_SIGNED_CERT',
      message: `Could not connect securely to ${url}: the server’s certificate is self-signed, so it cannot be trusted. For a test server, turn off TLS verification: untick 'Verify TLS certificates', or --insecure on the command line.`,
    });
    expect(tls.received).toHaveLength(0);
  });

  it('says when an https:// URL reaches a server that speaks plain http, in one sentence', async () => {
    const plain = createServer((_req, res) => res.end('plain'));
    const address = await listen(plain);
    try {
      const target = `https://${address}/x`;
      const exchange = await sendHttp({ method: 'GET', url: target, headers: [], body: null }, OPTIONS);
      expect(exchange.error).toEqual({
        code: 'tls',
        systemCode: 'ERR_SSL_WRONG_VERSION_NUMBER',
        message: `Could not connect securely to ${target}: the server did not answer in TLS (is it plain http rather than https).`,
      });
    } finally {
      plain.closeAllConnections();
      await new Promise((done) => plain.close(done));
    }
  });

  it('succeeds with verification off, with a TLS time between connect and first byte', async () => {
    const exchange = await sendHttp(
      { method: 'POST', url, headers: [['Content-Type', 'application/json']], body: Buffer.from('{"a":1}') },
      { ...OPTIONS, verifyTls: false },
    );
    expect(exchange.error).toBeNull();
    expect(exchange.response?.status).toBe(200);
    expect(Buffer.from(exchange.response?.bodyBase64 ?? '', 'base64').toString()).toBe('secure');
    expect(tls.received.at(-1)?.body.toString()).toBe('{"a":1}');
    expect(exchange.timings.tlsMs).not.toBeNull();
    expect(exchange.timings.connectMs).not.toBeNull();
    expectOrdered(exchange.timings);
  });

  it('the sender simulators reach a test server with verification off, and refuse it with it on', async () => {
    const options = { targetUrl: url, count: 1, ratePerSecond: 10, method: 'POST' as const, timeoutMs: 5000 };
    const refused = await simulateReverse(options);
    expect(refused.statuses).toEqual({ error: 1 });
    expect(refused.errors[0]).toMatch(/untick 'Verify TLS certificates'/);
    expect((await simulateReverse({ ...options, verifyTls: false })).statuses).toEqual({ 200: 1 });
  });
});
