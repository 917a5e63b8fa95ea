import { createServer } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, startServe } from '../helpers/cli';
import { sendRaw } from '../helpers/http';
import { tempDir } from '../helpers/temp-dir';

interface ExportedCapture {
  id: number;
  receivedAt: string;
  method: string;
  path: string;
  headers: [string, string][];
  bodyBase64: string;
  remoteAddress: string;
  response: { status: number; headers: [string, string][]; bodyBase64: string };
}

describe('hookbench CLI (built, as a child process)', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.cleanup());

  it('serve captures requests and export returns each with its exact bytes and headers', async () => {
    const serve = await startServe(['--port', '0', '--ui-port', '0', '--data', dir.path]);
    expect(serve.uiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
    const base = serve.receiverUrl.replace(/\/$/, '');
    const json = Buffer.from(
      '{"login":"123123","time":1664115803000,"channel":"SMS","campaign_name":"RND Flow"}',
    );
    const gz = gzipSync(Buffer.from('[{"id_sms":3234,"time":"2011-01-01 12:57:46","state":"deliver"}]'));
    const binary = Buffer.from([0x00, 0xff, 0x10, 0x80, 0x7f, 0x0d, 0x0a]);
    const sent = [
      {
        method: 'POST',
        path: '/users/communications',
        headers: [['Content-Type', 'application/json']],
        body: json,
      },
      {
        method: 'POST',
        path: '/gateway/status',
        headers: [
          ['Content-Type', 'application/json'],
          ['Content-Encoding', 'gzip'],
        ],
        body: gz,
      },
      {
        method: 'PUT',
        path: '/files/blob.bin',
        headers: [['Content-Type', 'application/octet-stream']],
        body: binary,
      },
      {
        method: 'GET',
        path: '/smartico/reverse?login=123&channel=Email&x=1&x=2',
        headers: [],
        body: undefined,
      },
    ] as const;
    for (const request of sent) {
      const res = await sendRaw(`${base}${request.path}`, {
        method: request.method,
        headers: request.headers.map(([n, v]) => [n, v] as [string, string]),
        body: request.body,
      });
      expect(res.status).toBe(200);
    }
    expect(await serve.stop('SIGTERM')).toBe(0);
    expect(serve.output()).toMatch(/Stopping \(SIGTERM\)/);

    const result = runCli(['export', '--data', dir.path, '--format', 'ndjson']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as ExportedCapture);
    expect(lines).toHaveLength(4);
    lines.forEach((line, i) => {
      const request = sent[i];
      if (!request) throw new Error('more exported than sent');
      expect(line.method).toBe(request.method);
      expect(line.path).toBe(request.path);
      expect(Buffer.from(line.bodyBase64, 'base64')).toEqual(Buffer.from(request.body ?? ''));
      for (const header of request.headers) expect(line.headers).toContainEqual(header);
      expect(line.headers[0]?.[0]).toBe('Host');
      expect(new Date(line.receivedAt).toISOString()).toBe(line.receivedAt);
      expect(line.remoteAddress).toMatch(/127\.0\.0\.1/);
      expect(line.response.status).toBe(200);
      expect(Buffer.from(line.response.bodyBase64, 'base64').toString()).toBe('{"ok":true}');
    });
    expect(lines.map((l) => l.id)).toEqual([...lines.map((l) => l.id)].sort((a, b) => a - b));
  });

  it('serve on a busy port prints one line naming the port and exits 2', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = runCli(['serve', '--port', String(port), '--ui-port', '0', '--data', dir.path]);
      expect(result.status).toBe(2);
      const lines = result.stderr
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('hookbench:'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`Port ${port}`);
      expect(lines[0]).toContain('--port');
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      blocker.close();
    }
  });

  it('answers bad usage with plain words and exit code 2', () => {
    for (const args of [
      ['frobnicate'],
      ['export'],
      ['export', '--data', dir.path, '--format', 'xml'],
      ['serve', '--port', 'abc'],
      ['serve', '--bogus'],
    ]) {
      const result = runCli(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^hookbench: /);
      expect(result.stderr, args.join(' ')).not.toMatch(/\n\s+at /);
    }
    const missing = runCli(['export', '--data', dir.path]);
    expect(missing.stderr).toContain('No capture store');
  });
});
