import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { appendQuery, bodyToQuery, buildRequest } from '../../../electron/core/composer/build';
import { REVERSE_BODY } from '../../../electron/core/composer/presets';
import { composerRequest, presetData } from './helpers';

const header = (headers: [string, string][], name: string) =>
  headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];

describe('GET: the rendered body goes to the query string', () => {
  it('moves the reverse-integration fields into the query, encoded, and sends no body', () => {
    const built = buildRequest(
      composerRequest({
        method: 'GET',
        urlTemplate: '{{env.BASE_URL}}/users/communications',
        bodyTemplate: REVERSE_BODY,
      }),
      presetData('asset-sent', { BASE_URL: 'http://127.0.0.1:7700' }),
    );
    expect(built.problems).toEqual([]);
    expect(built.body.byteLength).toBe(0);
    expect(built.query).toEqual([
      ['login', '100234'],
      ['time', '1664115803000'],
      ['view_url', 'https://crm.example.com/view/asset/8c1f2e07'],
      ['channel', 'SMS'],
      ['campaign_name', 'RND Flow'],
    ]);
    expect(built.url).toBe(
      'http://127.0.0.1:7700/users/communications?login=100234&time=1664115803000' +
        '&view_url=https%3A%2F%2Fcrm.example.com%2Fview%2Fasset%2F8c1f2e07&channel=SMS&campaign_name=RND%20Flow',
    );
    // No body, so no Content-Type either.
    expect(header(built.headers, 'content-type')).toBeUndefined();
  });

  it('keeps the query the URL template already has, and its fragment', () => {
    expect(appendQuery('http://h/p?a=1#top', [['b', 'x y']])).toBe('http://h/p?a=1&b=x%20y#top');
    expect(appendQuery('http://h/p?', [['b', '2']])).toBe('http://h/p?b=2');
    expect(appendQuery('http://h/p', [])).toBe('http://h/p');
  });

  it('writes nested values as JSON text and null as empty', () => {
    expect(bodyToQuery('{"a": {"b": [1]}, "n": null, "t": true, "s": "x"}').query).toEqual([
      ['a', '{"b":[1]}'],
      ['n', ''],
      ['t', 'true'],
      ['s', 'x'],
    ]);
  });

  it('is not sendable when the body cannot become query parameters (its fields would be lost)', () => {
    // The platform's raw mode with a quote in the level name: the body is not JSON.
    const built = buildRequest(
      composerRequest({
        method: 'GET',
        urlTemplate: 'http://127.0.0.1:7700/hooks/level',
        bodyTemplate: '{"level": "{{state.level_name}}"}',
        bodyMode: 'raw',
      }),
      presetData('level-upgraded'),
    );
    expect(built.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(built.queryError).toMatch(/not valid JSON/);
    expect(built.sendable).toBe(false);
    const array = buildRequest(
      composerRequest({ method: 'GET', urlTemplate: 'http://h/', bodyTemplate: '[1]' }),
      presetData('level-upgraded'),
    );
    expect(array.sendable).toBe(false);
  });

  it('explains a body that cannot become query parameters', () => {
    expect(bodyToQuery('[1, 2]').error).toMatch(/must be a JSON object/);
    expect(bodyToQuery('{"a": ').error).toMatch(/not valid JSON/);
    expect(bodyToQuery('  ')).toEqual({ query: [], error: null });
  });
});

describe('auth', () => {
  const body = '{"level_name": "{{state.level_name}}", "n": {{event.level_id}} }';
  const data = presetData('level-upgraded', { SECRET: 's3cr3t', TOKEN: 'tok-1' });

  it('signs the exact body bytes with HMAC-SHA256, hex or base64, with a prefix', () => {
    for (const encoding of ['hex', 'base64'] as const) {
      const built = buildRequest(
        composerRequest({
          bodyTemplate: body,
          auth: {
            kind: 'hmac',
            headerName: 'X-Signature',
            secretTemplate: '{{env.SECRET}}',
            algorithm: 'sha256',
            encoding,
            prefix: 'sha256=',
          },
        }),
        data,
      );
      const bytes = Buffer.from('{"level_name": "My level with \\" inside", "n": 7 }', 'utf8');
      expect(built.body.equals(bytes)).toBe(true);
      const expected = createHmac('sha256', 's3cr3t').update(bytes).digest(encoding);
      expect(header(built.headers, 'X-Signature')).toBe(`sha256=${expected}`);
    }
  });

  it('signs multi-byte UTF-8 as bytes, not characters', () => {
    const built = buildRequest(
      composerRequest({
        bodyTemplate: '{"name": "{{event.name}}"}',
        auth: {
          kind: 'hmac',
          headerName: 'X-Sig',
          secretTemplate: 'k',
          algorithm: 'sha256',
          encoding: 'hex',
          prefix: '',
        },
      }),
      { state: {}, event: { name: 'Café 🎰' }, env: {} },
    );
    const bytes = Buffer.from('{"name": "Café 🎰"}', 'utf8');
    expect(header(built.headers, 'X-Sig')).toBe(createHmac('sha256', 'k').update(bytes).digest('hex'));
  });

  it('adds bearer and basic Authorization headers, rendering their templates', () => {
    const bearer = buildRequest(
      composerRequest({ auth: { kind: 'bearer', tokenTemplate: '{{env.TOKEN}}' } }),
      data,
    );
    expect(header(bearer.headers, 'authorization')).toBe('Bearer tok-1');
    const basic = buildRequest(
      composerRequest({ auth: { kind: 'basic', user: 'hook', passwordTemplate: '{{env.SECRET}}' } }),
      data,
    );
    expect(header(basic.headers, 'authorization')).toBe(
      `Basic ${Buffer.from('hook:s3cr3t').toString('base64')}`,
    );
  });
});

describe('headers and URL', () => {
  it('sends the content type unless a header sets it, and renders header templates', () => {
    const built = buildRequest(
      composerRequest({ headers: [{ name: 'X-User', valueTemplate: 'u-{{state.user_ext_id}}' }] }),
      presetData('minigame-spin'),
    );
    expect(built.headers).toEqual([
      ['Content-Type', 'application/json'],
      ['X-User', 'u-100234'],
    ]);
    const own = buildRequest(
      composerRequest({ headers: [{ name: 'content-type', valueTemplate: 'application/vnd.x+json' }] }),
      presetData('minigame-spin'),
    );
    expect(own.headers).toEqual([['content-type', 'application/vnd.x+json']]);
  });

  it('refuses to send with an unusable URL or a header value holding a line break', () => {
    const noEnv = buildRequest(
      composerRequest({ urlTemplate: '{{env.BASE_URL}}/hook' }),
      presetData('minigame-spin'),
    );
    expect(noEnv.sendable).toBe(false);
    expect(noEnv.problems.map((p) => [p.part, p.kind])).toEqual([
      ['url', 'missing-variable'],
      ['url', 'syntax'],
    ]);
    const broken = buildRequest(
      composerRequest({ headers: [{ name: 'X-Name', valueTemplate: '{{event.name}}' }] }),
      { state: {}, event: { name: 'two\nlines' }, env: {} },
    );
    expect(broken.sendable).toBe(false);
    expect(broken.problems[0]).toMatchObject({ part: 'header', header: 'X-Name' });
  });
});
