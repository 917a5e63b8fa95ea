import { describe, expect, it } from 'vitest';
import { compileTemplate, renderTemplate } from '../../../electron/core/templates';
import { ADVERSARIAL_STRINGS, SEED_BODY, seedData } from './fixtures';

const seed = compileTemplate(SEED_BODY, { mode: 'json-safe' });

function render(source: string, data: object) {
  return renderTemplate(source, data, { mode: 'json-safe' });
}

describe('json-safe mode: values inside JSON strings', () => {
  it.each(ADVERSARIAL_STRINGS)('round-trips %s exactly through the seed body', (_why, value) => {
    const result = seed.render(seedData({ user_ext_id: value, core_sm_brand_id: value }));
    expect(result.problems).toEqual([]);
    const parsed = JSON.parse(result.output);
    expect(parsed.user_ext_id).toBe(value);
    expect(parsed.brand).toBe(value);
    expect(parsed.smartico_user_id).toBe('987654');
  });

  it('never HTML-escapes', () => {
    const value = `"quoted" & 'single' <tag> = \`tick\``;
    const { output } = seed.render(seedData({ user_ext_id: value }));
    expect(output).not.toMatch(/&quot;|&amp;|&#x27;|&lt;|&gt;|&#x3D;|&#x60;/);
    expect(output).toContain('\\"quoted\\" & \'single\' <tag> = `tick`');
  });

  it('escapes control characters as \\n \\t \\u00XX and U+2028/U+2029 as \\u2028/\\u2029', () => {
    const { output } = seed.render(seedData({ user_ext_id: 'a\nb\tc\u0001d\u2028e\u2029f\\g"h' }));
    expect(output).toContain('"user_ext_id": "a\\nb\\tc\\u0001d\\u2028e\\u2029f\\\\g\\"h"');
    for (const raw of ['\u2028', '\u2029', '\u0001']) expect(output).not.toContain(raw);
  });

  it('writes non-string values inside a string as text: numbers, booleans, null as nothing, objects as JSON', () => {
    const nested = { level: { name: 'Gold "VIP"', ids: [1, 2] }, ok: true };
    const result = seed.render(
      seedData({
        saw_template_id: 1042.5,
        minigame_spins_count: -0.25,
        user_id: true,
        user_ext_id: null,
        user_ext_id_clean: nested,
        core_sm_brand_id: ['a"', 'b\n'],
      }),
    );
    expect(result.problems).toEqual([]);
    const parsed = JSON.parse(result.output);
    expect(parsed).toMatchObject({
      saw_template_id: '1042.5',
      minigame_spins_count: '-0.25',
      smartico_user_id: 'true',
      user_ext_id: '',
    });
    expect(JSON.parse(parsed.user_ext_id_clean)).toEqual(nested);
    expect(JSON.parse(parsed.brand)).toEqual(['a"', 'b\n']);
  });

  it('treats a value in a JSON key like any string content', () => {
    const { output } = render('{"{{key}}": 1}', { key: 'we"ird\nkey' });
    expect(JSON.parse(output)).toEqual({ 'we"ird\nkey': 1 });
  });
});

describe('json-safe mode: values outside strings become JSON literals', () => {
  const template = compileTemplate('{"count": {{event.count}} }', { mode: 'json-safe' });
  const cases: ReadonlyArray<[string, unknown, string]> = [
    ['a number stays a number', 5, '{"count": 5 }'],
    ['a float', 2.5e-7, '{"count": 2.5e-7 }'],
    ['a string gets quoted and escaped', 'five "5"', '{"count": "five \\"5\\"" }'],
    ['a numeric string stays a string', '5', '{"count": "5" }'],
    ['true', true, '{"count": true }'],
    ['false', false, '{"count": false }'],
    ['null', null, '{"count": null }'],
    ['an object as JSON', { a: [1, { b: 'x"' }] }, '{"count": {"a":[1,{"b":"x\\""}]} }'],
    ['an array as JSON', [1, 'two', null], '{"count": [1,"two",null] }'],
    ['a separator in a nested string', { s: '\u2028' }, '{"count": {"s":"\\u2028"} }'],
  ];
  it.each(cases)('%s', (_what, value, expected) => {
    const result = template.render({ event: { count: value } });
    expect(result.output).toBe(expected);
    expect(JSON.parse(result.output)).toEqual({ count: value });
  });

  it('writes a missing value as null (and reports it) so the JSON stays valid', () => {
    const result = template.render({ event: {} });
    expect(result.output).toBe('{"count": null }');
    expect(result.problems.map((p) => p.kind)).toEqual(['missing-variable']);
  });

  it('writes non-finite numbers as null, as JSON.stringify does', () => {
    expect(template.render({ event: { count: Number.NaN } }).output).toBe('{"count": null }');
  });

  it('keeps helper results typed: numbers, booleans and strings', () => {
    const source =
      '{"id": {{uuid}}, "at": {{now}}, "ok": {{eq a 1}}, "name": {{upper n}}, "n": {{randomInt 5 5}} }';
    const { output, problems } = renderTemplate(
      source,
      { a: 1, n: 'x"y' },
      { mode: 'json-safe', now: () => 7, seed: 1 },
    );
    expect(problems).toEqual([]);
    expect(JSON.parse(output)).toEqual({ id: expect.any(String), at: 7, ok: true, name: 'X"Y', n: 5 });
  });

  it('treats {{{triple}}} as verbatim, for pre-built JSON fragments', () => {
    const { output } = render('{"extra": {{{fragment}}}, "s": "{{{text}}}"}', {
      fragment: '{"a": 1}',
      text: 'plain',
    });
    expect(JSON.parse(output)).toEqual({ extra: { a: 1 }, s: 'plain' });
  });
});

describe('json-safe mode: blocks', () => {
  it('renders #each over an array of mixed values inside a JSON array', () => {
    const source = '{"items": [{{#each event.items}}{{#unless @first}}, {{/unless}}{{this}}{{/each}}]}';
    const items = [1, 'two "2"', null, true, { three: [3] }, 'line\nbreak'];
    const { output, problems } = render(source, { event: { items } });
    expect(problems).toEqual([]);
    expect(JSON.parse(output)).toEqual({ items });
  });

  it('renders #each over objects with fields in and out of strings', () => {
    const source = `{
  "lines": [
    {{#each order.lines}}
    {"sku": "{{sku}}", "qty": {{qty}}, "note": "{{../order.note}}"}{{#unless @last}},{{/unless}}
    {{/each}}
  ]
}`;
    const order = {
      note: 'rush "today"',
      lines: [
        { sku: 'A"1', qty: 2 },
        { sku: 'B\\2', qty: 1.5 },
      ],
    };
    const { output, problems } = render(source, { order });
    expect(problems).toEqual([]);
    expect(JSON.parse(output)).toEqual({
      lines: [
        { sku: 'A"1', qty: 2, note: 'rush "today"' },
        { sku: 'B\\2', qty: 1.5, note: 'rush "today"' },
      ],
    });
  });

  it('renders an empty or missing list as an empty array, reporting the missing one', () => {
    const source = '{"items": [{{#each items}}{{this}}{{/each}}]}';
    expect(render(source, { items: [] })).toEqual({ output: '{"items": []}', problems: [] });
    const missing = render(source, {});
    expect(missing.output).toBe('{"items": []}');
    expect(missing.problems).toMatchObject([
      { kind: 'missing-variable', path: 'items', line: 1, column: 20 },
    ]);
  });

  it('keeps the JSON state through #if/else branches', () => {
    const source = '{"tier": {{#if vip}}"gold {{name}}"{{else}}{{level}}{{/if}}, "name": "{{name}}"}';
    expect(JSON.parse(render(source, { vip: true, name: 'A"B' }).output)).toEqual({
      tier: 'gold A"B',
      name: 'A"B',
    });
    expect(JSON.parse(render(source, { vip: false, level: 3, name: 'x' }).output)).toEqual({
      tier: 3,
      name: 'x',
    });
  });

  it('resolves #with and block params', () => {
    const source = '{{#with state}}{"id": {{user_id}}, "ext": "{{user_ext_id}}"}{{/with}}';
    expect(JSON.parse(render(source, seedData()).output)).toEqual({ id: 987654, ext: 'ext-42' });
    const params = '[{{#each list as |item i|}}{{#if i}},{{/if}}{"i": {{i}}, "v": "{{item}}"}{{/each}}]';
    expect(JSON.parse(render(params, { list: ['a', 'b"'] }).output)).toEqual([
      { i: 0, v: 'a' },
      { i: 1, v: 'b"' },
    ]);
  });

  it('warns when a branch leaves a JSON string open on one path only', () => {
    const template = compileTemplate('{"a": {{#if x}}"{{/if}}{{y}}"}', { mode: 'json-safe' });
    expect(template.problems).toMatchObject([
      { kind: 'json-context', severity: 'warning', line: 1, column: 7 },
    ]);
  });

  it('warns when a loop body does not end where it started', () => {
    // The second element would start inside the string the first one opened.
    const template = compileTemplate('[{{#each xs}}"{{this}}{{/each}}"]', { mode: 'json-safe' });
    expect(template.problems.map((p) => p.kind)).toEqual(['json-context']);
    // Opening and closing within the body is fine, even across the separator.
    expect(compileTemplate('["{{#each xs}}{{this}}", "{{/each}}"]', { mode: 'json-safe' }).problems).toEqual(
      [],
    );
  });

  it('warns, at the backslashes, when Handlebars leaves one escaping the value after it', () => {
    // As JSON is written: "C:\\" is C:\ — but Handlebars reads \\{{ as \ then the tag.
    const source = String.raw`{"p": "C:\\{{state.dir}}", "q": "{{state.dir}}"}`;
    const broken = render(source, { state: { dir: 'Users' } });
    expect(broken.output).toBe(String.raw`{"p": "C:\Users", "q": "Users"}`);
    expect(() => JSON.parse(broken.output)).toThrow();
    expect(broken.problems).toEqual([
      {
        kind: 'json-context',
        severity: 'warning',
        line: 1,
        column: 10,
        path: 'state.dir',
        message: String.raw`{{state.dir}} comes right after a backslash inside a JSON string, and Handlebars reads \\{{ as \ and then the tag (it drops one backslash before {{), so that backslash escapes the first character of the value: the JSON breaks, or the character silently changes (a "t" becomes a tab). Write \\\{{state.dir}} instead: with one backslash more, \\ reaches the JSON.`,
      },
    ]);
    // The fix the warning gives: one backslash more, and the JSON holds C:\Users.
    const fixed = render(String.raw`{"p": "C:\\\{{state.dir}}"}`, { state: { dir: 'Users' } });
    expect(fixed.problems).toEqual([]);
    expect(JSON.parse(fixed.output)).toEqual({ p: String.raw`C:\Users` });
    // A block opened there is warned about too; \{{ (Handlebars' "print the tag as text") is not.
    const block = compileTemplate(String.raw`{"p": "\\{{#if x}}t{{/if}}"}`, { mode: 'json-safe' });
    expect(block.problems).toMatchObject([{ kind: 'json-context', line: 1, column: 8 }]);
    expect(compileTemplate(String.raw`{"p": "\{{x}}"}`, { mode: 'json-safe' }).problems).toEqual([]);
  });

  it('warns about a JSON string the template never closes, at its opening quote', () => {
    const template = compileTemplate('{\n  "a": "{{x}}\n}', { mode: 'json-safe' });
    expect(template.problems).toMatchObject([{ kind: 'json-context', line: 2, column: 8 }]);
  });
});

describe('missing policy', () => {
  it("'empty' renders like the platform (nothing, or null for a JSON value) and reports nothing", () => {
    const template = compileTemplate(
      '{"a": "{{state.nope}}", "b": {{state.nope}}, "c": "{{upper state.nope}}"}',
      {
        mode: 'json-safe',
        missing: 'empty',
      },
    );
    const result = template.render({ state: {} });
    expect(result).toEqual({ output: '{"a": "", "b": null, "c": ""}', problems: [] });
  });
});
