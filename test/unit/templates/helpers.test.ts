import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  compileTemplate,
  type RenderOptions,
  renderTemplate,
  seededRandom,
  TEMPLATE_HELPERS,
} from '../../../electron/core/templates';

const NOW = Date.UTC(2024, 4, 1, 12, 0, 0, 123); // 2024-05-01T12:00:00.123Z
const clock = () => NOW;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function text(source: string, data: object = {}, options: RenderOptions = {}) {
  const result = renderTemplate(source, data, { mode: 'text', now: clock, seed: 7, ...options });
  expect(result.problems).toEqual([]);
  return result.output;
}

describe('clock helpers', () => {
  it('now and nowSeconds read the injected clock', () => {
    expect(text('{{now}} {{nowSeconds}}')).toBe(`${NOW} ${Math.floor(NOW / 1000)}`);
  });

  it('now is a number in json-safe value position and text in a string', () => {
    const { output } = renderTemplate(
      '{"ms": {{now}}, "s": "{{nowSeconds}}"}',
      {},
      { mode: 'json-safe', now: clock },
    );
    expect(JSON.parse(output)).toEqual({ ms: NOW, s: String(Math.floor(NOW / 1000)) });
  });

  it('date formats the SMS gateway time, ISO by default, in UTC', () => {
    expect(text('{{date now "YYYY-MM-DD HH:mm:ss"}}')).toBe('2024-05-01 12:00:00');
    expect(text('{{date}}')).toBe('2024-05-01T12:00:00.123Z');
    expect(text('{{date now}}')).toBe('2024-05-01T12:00:00.123Z');
  });

  it('date understands every token, literals, and date inputs', () => {
    expect(text('{{date "2024-12-31T23:59:59Z" "[Q]YY-M-D H:m:s.SSS ZZ X x"}}')).toBe(
      'Q24-12-31 23:59:59.000 +0000 1735689599 1735689599000',
    );
    expect(text('{{date "2024-03-05T07:08:09.010Z" "DD/MM/YYYY hh:mm a h A"}}')).toBe(
      '05/03/2024 07:08 am 7 AM',
    );
    expect(text('{{date "0"}} {{date 86400000 "YYYY-MM-DD"}}')).toBe('1970-01-01T00:00:00.000Z 1970-01-02');
    expect(text('{{date event.at "YYYY-MM-DD"}}', { event: { at: 1664115803000 } })).toBe('2022-09-25');
  });

  it('date applies a fixed tz offset', () => {
    expect(text('{{date now "YYYY-MM-DD HH:mm:ss Z" tz="+03:00"}}')).toBe('2024-05-01 15:00:00 +03:00');
    expect(text('{{date now tz="-05:30"}}')).toBe('2024-05-01T06:30:00.123-05:30');
  });
});

describe('randomness', () => {
  it('uuid is a v4 UUID, repeatable when seeded and fresh otherwise', () => {
    const seeded = text('{{uuid}}');
    expect(seeded).toMatch(UUID_V4);
    expect(text('{{uuid}}')).toBe(seeded);
    expect(text('{{uuid}}', {}, { seed: 8 })).not.toBe(seeded);
    const template = compileTemplate('{{uuid}}', { mode: 'text' });
    const a = template.render({}).output;
    expect(a).toMatch(UUID_V4);
    expect(template.render({}).output).not.toBe(a);
  });

  it('randomInt covers min..max inclusive using the injected generator', () => {
    expect(text('{{randomInt 1 6}}', {}, { random: () => 0 })).toBe('1');
    expect(text('{{randomInt 1 6}}', {}, { random: () => 0.999999 })).toBe('6');
    expect(text('{{randomInt -3 "3"}}', {}, { random: () => 0.5 })).toBe('0');
    const template = compileTemplate('{{randomInt 10 12}}', { mode: 'text' });
    const seen = new Set<string>();
    for (let seed = 0; seed < 50; seed++) seen.add(template.render({}, { seed }).output);
    expect([...seen].sort()).toEqual(['10', '11', '12']);
  });

  it('randomItem picks among its arguments or an array', () => {
    expect(text('{{randomItem "a" "b" "c"}}', {}, { random: () => 0.5 })).toBe('b');
    expect(text('{{randomItem list}}', { list: ['x', 'y'] }, { random: () => 0.99 })).toBe('y');
  });

  it('repeats a whole seeded render exactly', () => {
    const source = '{"id": "{{uuid}}", "n": {{randomInt 1 1000000}}, "pick": {{randomItem 1 2 3 4 5}} }';
    const template = compileTemplate(source, { mode: 'json-safe' });
    const first = template.render({}, { seed: 42 }).output;
    expect(template.render({}, { seed: 42 }).output).toBe(first);
    expect(template.render({}, { random: seededRandom(42) }).output).toBe(first);
    expect(template.render({}, { seed: 43 }).output).not.toBe(first);
  });
});

describe('value helpers', () => {
  const event = { name: 'Spin "x"', ids: [1, 2], nested: { ok: true } };

  it('json embeds a JSON value outside strings and escaped JSON text inside them', () => {
    const { output } = renderTemplate(
      '{"event": {{json event}}, "text": "{{json event}}"}',
      { event },
      { mode: 'json-safe' },
    );
    const parsed = JSON.parse(output);
    expect(parsed.event).toEqual(event);
    expect(JSON.parse(parsed.text)).toEqual(event);
    expect(text('{{json ids 2}}', event)).toBe('[\n  1,\n  2\n]');
    expect(text('{{json now}}')).toBe(String(NOW));
  });

  it('default falls back for missing, null and empty values only, without reporting them', () => {
    expect(
      text('{{default state.nope "fb"}}|{{default nil "fb"}}|{{default empty "fb"}}|{{default zero "fb"}}', {
        state: {},
        nil: null,
        empty: '',
        zero: 0,
      }),
    ).toBe('fb|fb|fb|0');
  });

  it('upper and lower change case', () => {
    expect(text('{{upper name}} {{lower name}}', { name: 'Brand_X é' })).toBe('BRAND_X É brand_x é');
  });

  it('eq compares strictly, as a subexpression of #if', () => {
    const source = '{{#if (eq request.method "POST")}}post{{else}}other{{/if}} {{eq n 5}} {{eq s 5}}';
    expect(text(source, { request: { method: 'POST' }, n: 5, s: '5' })).toBe('post true false');
    expect(text(source, { request: { method: 'GET' }, n: 5, s: '5' }).startsWith('other')).toBe(true);
  });

  it('base64 encodes UTF-8', () => {
    expect(text('{{base64 "user:secret"}} {{base64 s}}', { s: 'é🎰' })).toBe(
      `dXNlcjpzZWNyZXQ= ${Buffer.from('é🎰').toString('base64')}`,
    );
  });

  it('hmacSha256 signs in hex, base64 or base64url', () => {
    const data = { key: 'key', msg: 'The quick brown fox jumps over the lazy dog' };
    expect(text('{{hmacSha256 key msg}}', data)).toBe(
      'f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8',
    );
    const digest = createHmac('sha256', 'key').update(data.msg).digest();
    expect(text('{{hmacSha256 key msg "base64"}}', data)).toBe(digest.toString('base64'));
    expect(text('{{hmacSha256 key msg "base64url"}}', data)).toBe(digest.toString('base64url'));
    expect(text('{{hmacSha256 "k" (json body)}}', { body: { a: 1 } })).toBe(
      createHmac('sha256', 'k').update('{"a":1}').digest('hex'),
    );
  });

  it('urlEncode percent-encodes', () => {
    expect(text('{{urlEncode v}}', { v: 'a b/c?d=é&' })).toBe('a%20b%2Fc%3Fd%3D%C3%A9%26');
  });

  it('supports the built-ins if, unless, each, with and lookup', () => {
    const data = { flag: true, off: 0, list: ['a', 'b'], obj: { k: 'v' }, key: 'k' };
    expect(
      text(
        '{{#if flag}}Y{{/if}}{{#unless off}}N{{/unless}}{{#each list}}[{{@index}}{{this}}]{{/each}}{{#with obj}}{{k}}{{/with}}{{lookup obj key}}',
        data,
      ),
    ).toBe('YN[0a][1b]vv');
    expect(text('{{#each obj}}{{@key}}={{this}}{{/each}}', data)).toBe('k=v');
  });
});

describe('helper errors', () => {
  it('reports bad input at the call and renders the rest', () => {
    const result = renderTemplate(
      'ok\n  {{randomInt "a" 5}} {{date "soon"}} {{hmacSha256 "k" "m" "hex2"}} end',
      {},
      {
        mode: 'text',
      },
    );
    expect(result.output).toBe('ok\n     end');
    expect(result.problems).toMatchObject([
      { kind: 'helper-error', severity: 'error', line: 2, column: 3, path: 'randomInt' },
      { kind: 'helper-error', line: 2, column: 23, path: 'date' },
      { kind: 'helper-error', line: 2, column: 39, path: 'hmacSha256' },
    ]);
    expect(result.problems[0]?.message).toMatch(/whole numbers/);
    expect(result.problems[1]?.message).toMatch(/cannot read "soon" as a date/);
  });

  it('reports wrong argument counts at compile time', () => {
    const template = compileTemplate('{{randomInt 1}} {{upper}} {{#if}}x{{/if}}', { mode: 'text' });
    expect(template.problems).toMatchObject([
      {
        kind: 'helper-error',
        line: 1,
        column: 1,
        path: 'randomInt',
        message: expect.stringMatching(/takes 2 arguments/),
      },
      { kind: 'helper-error', line: 1, column: 17, path: 'upper' },
      { kind: 'helper-error', line: 1, column: 27, path: 'if' },
    ]);
    // Each bad call renders as nothing; the text around them stays.
    expect(template.render({}).output).toBe('  ');
  });
});

describe('TEMPLATE_HELPERS', () => {
  const names = TEMPLATE_HELPERS.map((helper) => helper.name);

  it('documents every helper once', () => {
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining([
        'now',
        'nowSeconds',
        'date',
        'uuid',
        'randomInt',
        'randomItem',
        'json',
        'default',
        'upper',
        'lower',
        'eq',
        'if',
        'each',
        'unless',
        'with',
        'base64',
        'hmacSha256',
        'urlEncode',
      ]),
    );
    for (const helper of TEMPLATE_HELPERS) {
      expect(helper.description.length).toBeGreaterThan(10);
      expect(helper.signature).toContain(helper.name);
    }
  });

  it.each(TEMPLATE_HELPERS.map((helper) => [helper.name, helper.example] as const))(
    'example of %s compiles cleanly: %s',
    (_name, example) => {
      const template = compileTemplate(example, { mode: 'text' });
      expect(template.problems).toEqual([]);
      expect(
        template.render({}, { now: clock, seed: 1 }).problems.filter((p) => p.severity === 'error'),
      ).toEqual([]);
    },
  );
});
