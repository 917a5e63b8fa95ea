import { writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LEVEL_BODY, MINIGAME_BODY, REVERSE_BODY } from '../../electron/core/composer/presets';
import { runCli, runCliAsync } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';

const STATE = {
  user_id: 4512873,
  user_ext_id: '100234',
  user_ext_id_clean: '100234',
  core_sm_brand_id: 3,
  level_name: 'My level with " inside',
};
const EVENT = { saw_template_id: 1204, minigame_spins_count: 3, level_id: 7 };

interface Got {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

describe('hookbench render and send (built CLI, as child processes)', () => {
  let dir: ReturnType<typeof tempDir>;
  const file = (name: string, content: string) => {
    const path = join(dir.path, name);
    writeFileSync(path, content);
    return path;
  };
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.cleanup());
  const data = () => [
    '--state',
    file('state.json', JSON.stringify(STATE)),
    '--event',
    file('event.json', JSON.stringify(EVENT)),
  ];

  describe('render', () => {
    it('prints the seed body rendered in json-safe mode and exits 0', () => {
      const result = runCli(['render', file('seed.hbs', MINIGAME_BODY), ...data()]);
      expect(result.status).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual({
        saw_template_id: '1204',
        minigame_spins_count: '3',
        smartico_user_id: '4512873',
        user_ext_id: '100234',
        user_ext_id_clean: '100234',
        brand: '3',
      });
      expect(result.stderr).toBe('');
    });

    it('warns on stderr about the platform-mode break but still exits 0 in json-safe mode', () => {
      const result = runCli(['render', file('level.hbs', LEVEL_BODY), ...data()]);
      expect(result.status).toBe(0);
      expect(JSON.parse(result.stdout).level_name).toBe('My level with " inside');
      expect(result.stderr).toContain(
        'warning: line 4, column 18: In platform (raw) mode this body breaks: state.level_name',
      );
    });

    it('exits 1 in raw mode with the diagnosis on stderr, pointing at the template', () => {
      const result = runCli(['render', file('level.hbs', LEVEL_BODY), ...data(), '--mode', 'raw']);
      expect(result.status).toBe(1);
      expect(result.stdout).toContain('"level_name": "My level with " inside"');
      expect(result.stderr).toContain(
        "invalid JSON at line 4, column 34 (byte 81): Expected ',' or '}' after a property value, found 'i'",
      );
      expect(result.stderr).toContain('1. A quote inside a text value is not escaped');
      expect(result.stderr).toContain('In the template: line 4, column 18 ({{state.level_name}}).');
    });

    it('does not check JSON for another content type', () => {
      const result = runCli([
        'render',
        file('text.hbs', 'Level: {{state.level_name}}'),
        ...data(),
        '--content-type',
        'text/plain',
      ]);
      expect(result.status).toBe(0);
      expect(result.stdout).toBe('Level: My level with " inside');
    });

    it('exits 2 naming the file and position when --state is not JSON, or a file is missing', () => {
      const bad = file('bad.json', '{\n  "user_id": 1,,\n}');
      const result = runCli(['render', file('seed.hbs', MINIGAME_BODY), '--state', bad]);
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(
        `hookbench: --state ${bad} is not valid JSON: line 2, column 16: Expected a property name in double quotes after ',', found ','.\n`,
      );
      const missing = runCli(['render', join(dir.path, 'nope.hbs')]);
      expect(missing.status).toBe(2);
      expect(missing.stderr).toContain('Cannot read the template');
      expect(missing.stderr).toContain('no such file');
      expect(runCli(['render', file('seed.hbs', MINIGAME_BODY), '--mode', 'loud']).status).toBe(2);
    });

    it('reads the template from standard input and reports template errors with exit 1', () => {
      const ok = runCli(['render', '-', '--env', 'NAME=x"y'], '{"name": "{{env.NAME}}"}');
      expect(ok.status).toBe(0);
      expect(JSON.parse(ok.stdout)).toEqual({ name: 'x"y' });
      const broken = runCli(['render', '-'], '{"a": "{{#if x}}"}');
      expect(broken.status).toBe(1);
      expect(broken.stderr).toMatch(/^error: line 1, column \d+: /);
    });
  });

  describe('send', () => {
    const received: Got[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      req.on('end', () => {
        received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        const status = req.url?.startsWith('/missing') ? 404 : 200;
        res.writeHead(status, { 'Content-Type': 'application/json', 'X-Seen': 'yes' }).end('{"ok":true}');
      });
    });
    let base: string;
    beforeAll(async () => {
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    });

    it('POSTs the rendered body with -H headers and prints status line, headers and body', async () => {
      const result = await runCliAsync([
        'send',
        file('seed.hbs', MINIGAME_BODY),
        '--to',
        `${base}/hooks/{{state.user_ext_id}}`,
        ...data(),
        '-H',
        'X-Token: t-{{state.user_id}}',
        '--header',
        'X-Plain: one: two',
      ]);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const [head, body] = result.stdout.split('\n\n');
      expect(head?.split('\n')[0]).toBe('HTTP/1.1 200 OK');
      expect(head).toContain('Content-Type: application/json');
      expect(head).toContain('X-Seen: yes');
      expect(body).toBe('{"ok":true}');
      const got = received.at(-1) as Got;
      expect(got).toMatchObject({ method: 'POST', url: '/hooks/100234' });
      expect(got.headers).toMatchObject({
        'content-type': 'application/json',
        'x-token': 't-4512873',
        'x-plain': 'one: two',
      });
      expect(JSON.parse(got.body).smartico_user_id).toBe('4512873');
    });

    it('GETs with the fields in the query string, printing timings with --verbose', async () => {
      const event = file('asset.json', JSON.stringify({ login: '42', time: 1664115803000, channel: 'SMS' }));
      const result = await runCliAsync([
        'send',
        file('reverse.hbs', REVERSE_BODY),
        '--to',
        `${base}/users/communications`,
        '--method',
        'GET',
        '--event',
        event,
        '--verbose',
      ]);
      expect(result.status).toBe(0);
      const got = received.at(-1) as Got;
      expect(got.method).toBe('GET');
      expect(got.body).toBe('');
      expect(got.url).toMatch(
        /^\/users\/communications\?login=42&time=1664115803000&view_url=&channel=SMS&campaign_name=$/,
      );
      expect(result.stderr).toContain(`> GET ${base}/users/communications?login=42`);
      expect(result.stderr).toMatch(/\* connect [\d.]+ ms, first byte [\d.]+ ms, total [\d.]+ ms/);
    });

    it('sends a raw-mode body that breaks JSON as it is, warning on stderr', async () => {
      const result = await runCliAsync([
        'send',
        file('level.hbs', LEVEL_BODY),
        '--to',
        `${base}/hooks/level`,
        ...data(),
        '--mode',
        'raw',
      ]);
      expect(result.status).toBe(0);
      expect(result.stderr).toContain('warning: the body is not valid JSON (line 4, column 34:');
      expect((received.at(-1) as Got).body).toContain('"level_name": "My level with " inside"');
    });

    it('does not GET a body that cannot become query parameters: it says why and exits 1', async () => {
      const before = received.length;
      const result = await runCliAsync([
        'send',
        file('level.hbs', LEVEL_BODY),
        '--to',
        `${base}/hooks/level`,
        '--method',
        'GET',
        ...data(),
        '--mode',
        'raw',
      ]);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(
        'hookbench: not sent: A GET request carries its fields in the query string, but the body is not valid JSON.',
      );
      expect(received.length).toBe(before);
    });

    it('exits 1 on a non-2xx answer, still printing it', async () => {
      const result = await runCliAsync(['send', '--to', `${base}/missing`, '--method', 'GET']);
      expect(result.status).toBe(1);
      expect(result.stdout.split('\n')[0]).toBe('HTTP/1.1 404 Not Found');
      expect(result.stderr).toBe('hookbench: the server answered 404 Not Found.\n');
    });

    it('exits 1 with plain words when the connection is refused or the host does not exist', async () => {
      const closed = createServer();
      await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
      const port = (closed.address() as AddressInfo).port;
      await new Promise((done) => closed.close(done));
      const refused = await runCliAsync([
        'send',
        '--to',
        `http://127.0.0.1:${port}/hook`,
        '--timeout',
        '3000',
      ]);
      expect(refused.status).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toBe(
        `hookbench: Could not connect to http://127.0.0.1:${port}/hook: the connection was refused — is the server running?\n`,
      );
      const dns = await runCliAsync(['send', '--to', 'http://hookbench-cli.invalid/hook']);
      expect(dns.status).toBe(1);
      expect(dns.stderr).toMatch(
        /^hookbench: Could not connect to http:\/\/hookbench-cli\.invalid\/hook: the host name hookbench-cli\.invalid /,
      );
    });

    it('exits 2 for a URL that is not one, or a header without a colon', async () => {
      const noUrl = await runCliAsync(['send', '--to', '{{env.BASE_URL}}/hook']);
      expect(noUrl.status).toBe(2);
      expect(noUrl.stderr).toContain('hookbench: --to: The URL "/hook" is not a full URL');
      const badHeader = await runCliAsync(['send', '--to', `${base}/x`, '-H', 'NoColon']);
      expect(badHeader.status).toBe(2);
      expect((await runCliAsync(['send', file('seed.hbs', MINIGAME_BODY)])).status).toBe(2);
    });
  });
});
