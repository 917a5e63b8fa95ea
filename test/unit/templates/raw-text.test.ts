import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import {
  compileTemplate,
  defaultBodyMode,
  locateJsonError,
  renderTemplate,
} from '../../../electron/core/templates';
import { SEED_BODY, seedData } from './fixtures';

describe('raw mode (platform-compatible)', () => {
  const seed = compileTemplate(SEED_BODY, { mode: 'raw' });

  it('reproduces the broken JSON the platform warns about when a value holds a quote', () => {
    const { output, problems } = seed.render(seedData({ user_ext_id: 'My level with " inside' }));
    expect(problems).toEqual([]);
    expect(output).toContain('"user_ext_id": "My level with " inside",');
    expect(() => JSON.parse(output)).toThrow(SyntaxError);
  });

  it('inserts values as-is, never HTML-escaped', () => {
    const { output } = seed.render(seedData({ core_sm_brand_id: `<a href="x">&'=\`` }));
    expect(output).toContain(`"brand": "<a href="x">&'=\`"`);
    expect(output).not.toContain('&quot;');
  });

  it('gives valid JSON for harmless values, identical to json-safe', () => {
    const data = seedData();
    const json = compileTemplate(SEED_BODY, { mode: 'json-safe' }).render(data).output;
    expect(seed.render(data).output).toBe(json);
    expect(JSON.parse(json)).toMatchObject({ user_ext_id: 'ext-42', smartico_user_id: '987654' });
  });

  // Raw mode must match what the platform's Handlebars prints, including its whitespace rules.
  const templates: ReadonlyArray<[string, string]> = [
    ['the seed body', SEED_BODY],
    [
      'standalone block lines',
      '{\n  "items": [\n    {{#each items}}\n    "{{this}}"{{#unless @last}},{{/unless}}\n    {{/each}}\n  ]\n}\n',
    ],
    ['whitespace control', '[ {{~#each items~}} {{this}} {{~/each~}} ]  {{~ name ~}}  !'],
    ['if/else chains', '{{#if a}}A{{else if b}}B {{b}}{{else}}C{{/if}}|{{^a}}not a{{/a}}'],
    ['objects, arrays, null and booleans', '{{obj}}|{{list}}|{{nothing}}|{{yes}}|{{no}}|{{zero}}'],
    ['comments and escaped tags', '{{! note }}a{{!-- long }} note --}}b \\{{literal}} c'],
    ['sections over data', '{{#items}}<{{this}}>{{/items}}{{#obj}}[{{a}}]{{/obj}}'],
    ['parent and root paths', '{{#each items}}{{../name}}:{{@root.name}}:{{@index}};{{/each}}'],
  ];
  const data = {
    items: ['x', 'y"', 3],
    name: 'N',
    a: false,
    b: 'bee',
    obj: { a: 1 },
    list: [1, 2],
    yes: true,
    no: false,
    zero: 0,
    nothing: null,
  };

  it.each(templates)('matches Handlebars with noEscape for %s', (_what, source) => {
    const expected = Handlebars.create().compile(source, { noEscape: true })(data);
    expect(renderTemplate(source, data, { mode: 'raw', missing: 'empty' })).toEqual({
      output: expected,
      problems: [],
    });
  });
});

describe('text mode (URLs and header values)', () => {
  it('inserts strings as-is and objects as JSON', () => {
    const result = renderTemplate(
      'Bearer {{env.token}} {{meta}} {{missing}}|{{n}}|{{flag}}',
      {
        env: { token: 'abc"def' },
        meta: { a: [1] },
        n: 5,
        flag: false,
      },
      { mode: 'text', missing: 'empty' },
    );
    expect(result.output).toBe('Bearer abc"def {"a":[1]} |5|false');
  });

  it('builds URLs with urlEncode', () => {
    const { output, problems } = renderTemplate(
      'https://api.example.com/users/{{urlEncode state.user_ext_id}}?brand={{urlEncode state.core_sm_brand_id}}&raw={{state.core_sm_brand_id}}',
      seedData({ user_ext_id: 'a/b c?&', core_sm_brand_id: 'x&y=z' }),
      { mode: 'text' },
    );
    expect(problems).toEqual([]);
    expect(output).toBe('https://api.example.com/users/a%2Fb%20c%3F%26?brand=x%26y%3Dz&raw=x&y=z');
  });
});

describe('locating a broken JSON body in the template', () => {
  it('maps the raw-mode quote break back to the user_ext_id tag', () => {
    const result = compileTemplate(SEED_BODY, { mode: 'raw' }).render(
      seedData({ user_ext_id: 'My level with " inside' }),
      { sourceMap: true },
    );
    const error = locateJsonError(result);
    expect(error?.offset).toBe(result.output.indexOf('inside",'));
    expect(error?.position).toEqual({ line: 5, column: 18, kind: 'expression', path: 'state.user_ext_id' });
  });

  it('returns null for valid JSON', () => {
    expect(locateJsonError(compileTemplate(SEED_BODY, { mode: 'json-safe' }).render(seedData()))).toBeNull();
  });
});

describe('isolation', () => {
  it('leaves the global Handlebars untouched', () => {
    renderTemplate('{{upper x}} {{uuid}}', { x: 'a' }, { mode: 'raw' });
    expect(Object.keys(Handlebars.helpers)).not.toContain('upper');
    expect(Object.keys(Handlebars.helpers)).not.toContain('__run');
    expect(Handlebars.compile('{{x}}')({ x: '"' })).toBe('&quot;');
  });
});

describe('defaultBodyMode', () => {
  it('picks json-safe for JSON media types and text otherwise', () => {
    expect(defaultBodyMode('application/json')).toBe('json-safe');
    expect(defaultBodyMode('Application/JSON; charset=utf-8')).toBe('json-safe');
    expect(defaultBodyMode('application/problem+json')).toBe('json-safe');
    expect(defaultBodyMode('application/x-www-form-urlencoded')).toBe('text');
    expect(defaultBodyMode(undefined)).toBe('text');
  });
});
