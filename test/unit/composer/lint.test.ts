import { describe, expect, it } from 'vitest';
import { stringContext } from '../../../electron/core/composer/lint';
import { LEVEL_BODY, MINIGAME_BODY, REVERSE_BODY } from '../../../electron/core/composer/presets';
import { previewRequest } from '../../../electron/core/composer/preview';
import { parseLossless } from '../../../electron/core/json/lossless';
import type { JsonValue } from '../../../shared/composer';
import { composerRequest, presetData } from './helpers';

const lintOf = (...args: Parameters<typeof previewRequest>) => previewRequest(...args).lint;

describe('raw-mode break detection', () => {
  it('says the quote in state.level_name breaks the body in platform mode, at its tag', () => {
    const preview = previewRequest(
      composerRequest({ bodyTemplate: LEVEL_BODY }),
      presetData('level-upgraded'),
    );
    // json-safe output is valid: the quote is escaped.
    expect(preview.diagnosis?.valid).toBe(true);
    expect(JSON.parse(preview.body).level_name).toBe('My level with " inside');
    const breaks = preview.lint.filter((f) => f.rule === 'raw-mode-break');
    expect(breaks).toEqual([
      {
        rule: 'raw-mode-break',
        severity: 'warning',
        message: expect.stringMatching(
          /^In platform \(raw\) mode this body breaks: state\.level_name \(My level with " inside\) contains a quote/,
        ),
        part: 'body',
        line: 4,
        column: 18,
        path: 'state.level_name',
      },
    ]);
  });

  it('is an error in raw mode, where the body really is broken', () => {
    const lint = lintOf(
      composerRequest({ bodyTemplate: LEVEL_BODY, bodyMode: 'raw' }),
      presetData('level-upgraded'),
    );
    expect(lint.find((f) => f.rule === 'raw-mode-break')).toMatchObject({
      severity: 'error',
      path: 'state.level_name',
      message: expect.stringMatching(/^This body breaks: state\.level_name/),
    });
  });

  it('flags backslashes and line breaks inside strings, and text or nothing outside them', () => {
    const lint = lintOf(
      composerRequest({
        bodyTemplate:
          '{\n"a": "{{event.path}}",\n"b": "{{event.note}}",\n"c": {{event.word}},\n"d": {{event.none}}\n}',
      }),
      { state: {}, event: { path: 'C:\\temp', note: 'two\nlines', word: 'abc' }, env: {} },
    );
    const breaks = lint.filter((f) => f.rule === 'raw-mode-break');
    expect(breaks.map((f) => [f.path, f.line])).toEqual([
      ['event.path', 2],
      ['event.note', 3],
      ['event.word', 4],
      ['event.none', 5],
    ]);
    expect(breaks[0]?.message).toContain('contains a backslash');
    expect(breaks[1]?.message).toContain('contains a line break');
    expect(breaks[2]?.message).toContain('is text written outside quotes');
    expect(breaks[3]?.message).toContain('renders nothing');
  });

  it('leaves pre-built JSON fragments ({{{…}}} outside strings) and harmless values alone', () => {
    const lint = lintOf(
      composerRequest({ bodyTemplate: '{"extra": {{{event.fragment}}}, "name": "{{event.name}}"}' }),
      { state: {}, event: { fragment: '{"a": "b"}', name: 'plain' }, env: {} },
    );
    expect(lint).toEqual([]);
  });

  it('reports each tag once, even inside a loop', () => {
    const lint = lintOf(
      composerRequest({ bodyTemplate: '[{{#each event.names}}{{#if @index}},{{/if}}"{{this}}"{{/each}}]' }),
      { state: {}, event: { names: ['a"', 'b"', 'c'] }, env: {} },
    );
    expect(lint.filter((f) => f.rule === 'raw-mode-break')).toHaveLength(1);
  });
});

describe('numbers and text', () => {
  it('warns about a number written outside quotes, citing the platform advice', () => {
    const lint = lintOf(composerRequest({ bodyTemplate: REVERSE_BODY }), presetData('asset-sent'));
    expect(lint).toEqual([
      {
        rule: 'number-unquoted',
        severity: 'warning',
        message: expect.stringContaining('suggests passing numerics as strings'),
        part: 'body',
        line: 3,
        column: 11,
        path: 'event.time',
      },
    ]);
    expect(lint[0]?.message).toContain('event.time is written as a bare number (1664115803000)');
  });

  it('notes numbers written inside quotes (the seed body) as information only', () => {
    const lint = lintOf(composerRequest({ bodyTemplate: MINIGAME_BODY }), presetData('minigame-spin'));
    expect(lint.every((f) => f.rule === 'number-as-string' && f.severity === 'info')).toBe(true);
    expect(lint.map((f) => f.path)).toEqual([
      'event.saw_template_id',
      'event.minigame_spins_count',
      'state.user_id',
      'state.core_sm_brand_id',
    ]);
  });

  it('notes numeric-looking text outside quotes: json-safe sends text, raw a number', () => {
    const lint = lintOf(
      composerRequest({ bodyTemplate: '{"login": {{event.login}} }' }),
      presetData('asset-sent'),
    );
    expect(lint).toMatchObject([{ rule: 'string-looks-numeric', severity: 'info', path: 'event.login' }]);
  });

  it('says when a bare id has more digits than a double holds, and quotes the digits exactly', () => {
    const data = {
      state: parseLossless('{"id": 12345678901234567890, "small": 42}') as JsonValue,
      event: {},
      env: {},
    };
    const lint = lintOf(
      composerRequest({ bodyTemplate: '{"a": {{state.id}}, "b": {{state.small}}, "c": "{{state.id}}"}' }),
      data,
    );
    expect(lint.map((f) => f.rule)).toEqual(['number-unquoted', 'number-unquoted', 'number-as-string']);
    expect(lint[0]?.message).toContain('bare number (12345678901234567890)');
    expect(lint[0]?.message).toContain('reads 12345678901234567000');
    expect(lint[1]?.message).not.toContain('more digits than a double');
    expect(lint[2]?.message).toContain('the text "12345678901234567890"');
  });
});

describe('template problems in the lint list', () => {
  it('lists missing variables and unknown helpers with their part and position', () => {
    const lint = lintOf(
      composerRequest({
        urlTemplate: 'http://h/{{env.PATH_PART}}',
        bodyTemplate: '{\n  "a": "{{state.nope}}",\n  "b": "{{shout state.user_id}}"\n}',
      }),
      presetData('minigame-spin'),
    );
    expect(lint.map((f) => [f.rule, f.part, f.line, f.column])).toEqual([
      ['unknown-helper', 'body', 3, 9],
      ['missing-variable', 'body', 2, 11],
      ['missing-variable', 'url', 1, 12],
    ]);
  });

  it('flags a GET body that is not an object', () => {
    const lint = lintOf(
      composerRequest({ method: 'GET', bodyTemplate: '[1, 2]' }),
      presetData('minigame-spin'),
    );
    expect(lint).toMatchObject([{ rule: 'get-body-not-object', severity: 'error' }]);
  });
});

describe('stringContext', () => {
  it('marks offsets inside JSON strings, escapes included', () => {
    const text = '{"a\\"b": 1}';
    const inside = [...stringContext(text)].slice(0, text.length).join('');
    expect(inside).toBe('00111110000');
  });
});
