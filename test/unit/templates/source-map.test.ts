import { describe, expect, it } from 'vitest';
import {
  compileTemplate,
  mapOutputOffset,
  type RenderResult,
  renderTemplate,
} from '../../../electron/core/templates';
import { SEED_BODY, seedData } from './fixtures';

function expectContiguous(result: RenderResult) {
  const segments = result.sourceMap ?? [];
  expect(segments.length).toBeGreaterThan(0);
  expect(segments[0]?.start).toBe(0);
  expect(segments.at(-1)?.end).toBe(result.output.length);
  for (let index = 1; index < segments.length; index++) {
    expect(segments[index]?.start).toBe(segments[index - 1]?.end);
  }
}

describe('source map', () => {
  const seed = compileTemplate(SEED_BODY, { mode: 'json-safe' });

  it('is only collected when asked for, and does not change the output', () => {
    const data = seedData({ user_ext_id: 'a"b\nc' });
    const fast = seed.render(data);
    const mapped = seed.render(data, { sourceMap: true });
    expect(fast.sourceMap).toBeUndefined();
    expect(mapped.output).toBe(fast.output);
    expectContiguous(mapped);
  });

  it('maps an offset inside a rendered value to its tag and path', () => {
    const result = seed.render(seedData({ user_ext_id: 'My level with " inside' }), { sourceMap: true });
    const offset = result.output.indexOf('level with');
    expect(mapOutputOffset(result, offset)).toEqual({
      line: 5,
      column: 18,
      kind: 'expression',
      path: 'state.user_ext_id',
    });
    const escapedQuote = result.output.indexOf('\\"');
    expect(mapOutputOffset(result, escapedQuote)?.path).toBe('state.user_ext_id');
  });

  it('maps an offset inside literal text to the exact template character', () => {
    const result = seed.render(seedData({ user_ext_id: 'multi\nline' }), { sourceMap: true });
    const brand = result.output.indexOf('"brand"');
    expect(mapOutputOffset(result, brand)).toEqual({ line: 7, column: 2, kind: 'content' });
    expect(mapOutputOffset(result, 0)).toEqual({ line: 1, column: 1, kind: 'content' });
    expect(mapOutputOffset(result, result.output.length)).toEqual({ line: 8, column: 2, kind: 'content' });
  });

  it('follows loops and stripped standalone lines', () => {
    const source =
      '{\n  "items": [\n    {{#each items}}\n    {"n": "{{name}}"}{{#unless @last}},{{/unless}}\n    {{/each}}\n  ]\n}';
    const result = renderTemplate(
      source,
      { items: [{ name: 'first' }, { name: 'second' }] },
      {
        mode: 'json-safe',
        sourceMap: true,
      },
    );
    expect(JSON.parse(result.output)).toEqual({ items: [{ n: 'first' }, { n: 'second' }] });
    expectContiguous(result);
    expect(mapOutputOffset(result, result.output.indexOf('second'))).toEqual({
      line: 4,
      column: 12,
      kind: 'expression',
      path: 'name',
    });
    // The second element's `{"n"` is the template's line 4 text, emitted again.
    const secondOpen = result.output.lastIndexOf('{"n"');
    expect(mapOutputOffset(result, secondOpen)).toEqual({ line: 4, column: 5, kind: 'content' });
    expect(mapOutputOffset(result, result.output.indexOf(']'))).toEqual({
      line: 6,
      column: 3,
      kind: 'content',
    });
  });

  it('maps helper output to the helper call', () => {
    const result = renderTemplate(
      '{"when": "{{date now "YYYY"}}"}',
      {},
      { mode: 'json-safe', now: () => 0, sourceMap: true },
    );
    expect(mapOutputOffset(result, result.output.indexOf('1970'))).toEqual({
      line: 1,
      column: 11,
      kind: 'expression',
      path: 'date',
    });
  });

  it('returns null without a source map or outside the output', () => {
    const plain = seed.render(seedData());
    expect(mapOutputOffset(plain, 3)).toBeNull();
    const mapped = seed.render(seedData(), { sourceMap: true });
    expect(mapOutputOffset(mapped, -1)).toBeNull();
    expect(mapOutputOffset(mapped, mapped.output.length + 1)).toBeNull();
  });

  it('works in raw and text modes too', () => {
    const raw = renderTemplate('a{{x}}b', { x: 'XYZ' }, { mode: 'raw', sourceMap: true });
    expect(raw.sourceMap).toEqual([
      { start: 0, end: 1, kind: 'content', line: 1, column: 1 },
      { start: 1, end: 4, kind: 'expression', line: 1, column: 2, path: 'x' },
      { start: 4, end: 5, kind: 'content', line: 1, column: 7 },
    ]);
    const text = renderTemplate('{{#if x}}yes {{x}}{{/if}}', { x: 1 }, { mode: 'text', sourceMap: true });
    expectContiguous(text);
  });
});

describe('hot path', () => {
  it('renders the seed body 10,000 times with stable output', () => {
    const template = compileTemplate(SEED_BODY, { mode: 'json-safe' });
    const data = seedData({ user_ext_id: 'My level with " inside' });
    const first = template.render(data).output;
    let bytes = 0;
    for (let index = 0; index < 10_000; index++) {
      const result = template.render(data);
      bytes += result.output.length;
      if (result.output !== first || result.problems.length > 0) throw new Error(`render ${index} differed`);
    }
    expect(bytes).toBe(first.length * 10_000);
    expect(JSON.parse(first).user_ext_id).toBe('My level with " inside');
  });
});
