import { describe, expect, it } from 'vitest';
import { compileTemplate, renderTemplate } from '../../../electron/core/templates';
import { SEED_BODY, seedData } from './fixtures';

describe('missing variables', () => {
  it('reports each absent path with its exact 1-based line and column, and still renders', () => {
    const data = seedData();
    const result = compileTemplate(SEED_BODY, { mode: 'json-safe' }).render({
      state: { ...data.state, user_ext_id: undefined },
    });
    expect(JSON.parse(result.output)).toMatchObject({
      saw_template_id: '',
      user_ext_id: '',
      brand: 'brand_x',
    });
    expect(result.problems).toEqual([
      {
        kind: 'missing-variable',
        severity: 'warning',
        message: '"event.saw_template_id" is not in the data, so it rendered as nothing.',
        line: 2,
        column: 24,
        path: 'event.saw_template_id',
      },
      expect.objectContaining({ path: 'event.minigame_spins_count', line: 3, column: 29 }),
      expect.objectContaining({ path: 'state.user_ext_id', line: 5, column: 20 }),
    ]);
  });

  it('counts lines the way editors do, including CRLF', () => {
    const result = renderTemplate('{\r\n  "a": "{{x}}",\r\n\r\n  "b": {{y.z}} }', {}, { mode: 'json-safe' });
    expect(result.problems).toMatchObject([
      { path: 'x', line: 2, column: 11 },
      { path: 'y.z', line: 4, column: 10 },
    ]);
  });

  it('reports a tag inside a loop once, not once per element', () => {
    const result = renderTemplate(
      '{{#each items}}[{{this.name}}]{{/each}}',
      { items: [{}, {}, { name: 'n' }] },
      { mode: 'text' },
    );
    expect(result.output).toBe('[][][n]');
    expect(result.problems).toMatchObject([
      { kind: 'missing-variable', path: 'this.name', line: 1, column: 19 },
    ]);
  });

  it('reports absent helper arguments at the argument', () => {
    const result = renderTemplate(
      'x {{upper state.nope}} {{hmacSha256 env.key "m"}}',
      { state: {}, env: {} },
      { mode: 'text' },
    );
    expect(result.problems).toMatchObject([
      { kind: 'missing-variable', path: 'state.nope', line: 1, column: 11 },
      { kind: 'missing-variable', path: 'env.key', line: 1, column: 37 },
    ]);
  });

  it('does not report paths that are tested for presence: if, unless, with, default, eq', () => {
    const source =
      '{{#if a}}1{{/if}}{{#unless b}}2{{/unless}}{{#with c}}3{{else}}4{{/with}}{{default d "5"}}{{#if (eq e "x")}}6{{/if}}';
    expect(renderTemplate(source, {}, { mode: 'text' })).toEqual({ output: '245', problems: [] });
  });

  it("reports nothing with missing: 'empty'", () => {
    const result = compileTemplate(SEED_BODY, { mode: 'raw', missing: 'empty' }).render({});
    expect(result.problems).toEqual([]);
    expect(result.output).toContain('"user_ext_id": "",');
  });
});

describe('syntax errors', () => {
  const cases: ReadonlyArray<[string, string, number, number, RegExp]> = [
    ['an unclosed tag', 'ok\n  {{foo', 2, 5, /./],
    [
      'a tag closed with one brace',
      '{\n  "a": "{{foo}"\n}',
      2,
      14,
      /Unexpected "}" in this tag; expected }}/,
    ],
    ['a mismatched block', '{{#if x}}\n{{/each}}', 1, 4, /\{\{#if\}\} is closed by \{\{\/each\}\}/],
    ['an unclosed block', 'a\n\n{{#if x}}\nyy', 4, 3, /ends inside an open tag or block/],
    ['a tag right before a JSON brace', '{"n": {{count}}}', 1, 14, /put a space between them/],
    ['an unclosed comment', '{\n {{!-- note }}\n}', 2, 2, /comment/],
  ];

  it.each(cases)('%s is reported at its line and column', (_what, source, line, column, message) => {
    const template = compileTemplate(source, { mode: 'json-safe' });
    expect(template.ok).toBe(false);
    expect(template.problems).toEqual([
      { kind: 'syntax', severity: 'error', message: expect.stringMatching(message), line, column },
    ]);
    expect(template.render({ x: 1 })).toEqual({ output: '', problems: template.problems });
  });

  it('reports partials and decorators as unsupported, and renders the rest', () => {
    const template = compileTemplate('a{{> header}}b\n{{* inline}}c', { mode: 'text' });
    expect(template.ok).toBe(true);
    expect(template.problems).toMatchObject([
      { kind: 'syntax', line: 1, column: 2, message: expect.stringMatching(/Partials/) },
      { kind: 'syntax', line: 2, column: 1, message: expect.stringMatching(/Decorators/) },
    ]);
    expect(template.render({}).output).toBe('ab\nc');
  });

  it('reports block helpers used inline and inline helpers used as blocks', () => {
    const template = compileTemplate('{{if x}}|{{#upper}}x{{/upper}}|{{#each}}y{{/each}}', { mode: 'text' });
    expect(template.problems).toMatchObject([
      {
        kind: 'syntax',
        line: 1,
        column: 1,
        path: 'if',
        message: expect.stringMatching(/block helper: write \{\{#if/),
      },
      {
        kind: 'syntax',
        line: 1,
        column: 10,
        path: 'upper',
        message: expect.stringMatching(/not a block helper/),
      },
      { kind: 'helper-error', line: 1, column: 32, path: 'each' },
    ]);
    expect(template.render({ x: 1 }).output).toBe('||');
  });
});

describe('unknown helpers', () => {
  it('are reported at their tag and render as nothing (null as a JSON value)', () => {
    const template = compileTemplate('{\n  "a": "{{shout name}}",\n  "b": {{frobnicate 1 2}}\n}', {
      mode: 'json-safe',
    });
    expect(template.ok).toBe(true);
    expect(template.problems).toEqual([
      {
        kind: 'unknown-helper',
        severity: 'error',
        message: expect.stringMatching(/no helper named "shout"/),
        line: 2,
        column: 9,
        path: 'shout',
      },
      expect.objectContaining({ kind: 'unknown-helper', path: 'frobnicate', line: 3, column: 8 }),
    ]);
    expect(JSON.parse(template.render({ name: 'x' }).output)).toEqual({ a: '', b: null });
  });

  it('suggests the right spelling', () => {
    const [found] = compileTemplate('{{urlencode x}}', { mode: 'text' }).problems;
    expect(found?.message).toMatch(/Did you mean "urlEncode"\?/);
  });

  it('are found in sub-expressions, blocks, and calls on data paths', () => {
    const template = compileTemplate('{{upper (nope x)}}{{#nope y}}z{{/nope}}{{state.fn 1}}', {
      mode: 'text',
    });
    expect(template.problems).toMatchObject([
      { kind: 'unknown-helper', path: 'nope', line: 1, column: 9 },
      { kind: 'unknown-helper', path: 'nope', line: 1, column: 19 },
      { kind: 'unknown-helper', path: 'state.fn', line: 1, column: 40 },
    ]);
    expect(template.render({ x: 1 }).output).toBe('');
  });
});

describe('render never throws', () => {
  it('turns a failing data getter into a problem', () => {
    const data = {
      get boom(): string {
        throw new Error('getter exploded');
      },
    };
    const result = renderTemplate('a{{boom}}b', data, { mode: 'text' });
    expect(result.output).toBe('');
    expect(result.problems).toMatchObject([
      { kind: 'helper-error', message: expect.stringMatching(/getter exploded/) },
    ]);
  });

  it('reports a value that cannot be written as JSON and keeps the output well-formed', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const result = renderTemplate('{"v": {{v}}, "s": "{{v}}"}', { v: cyclic }, { mode: 'json-safe' });
    expect(JSON.parse(result.output)).toEqual({ v: null, s: '' });
    expect(result.problems).toMatchObject([
      {
        kind: 'helper-error',
        line: 1,
        column: 7,
        message: expect.stringMatching(/cannot be written as JSON/),
      },
      { kind: 'helper-error', line: 1, column: 20 },
    ]);
  });

  it('accepts a null data object from untyped callers', () => {
    const result = compileTemplate('x{{a}}', { mode: 'text', missing: 'empty' }).render(
      null as unknown as object,
    );
    expect(result).toEqual({ output: 'x', problems: [] });
  });
});
