import { describe, expect, it } from 'vitest';
import { diagnoseBody } from './helpers';

describe('valid JSON', () => {
  it.each([
    ['{"login":"123123","time":1664115803000,"channel":"SMS"}', 'object'],
    ['[{"id_sms":3234,"time":"2011-01-01 12:57:46","state":"deliver"}]', 'array'],
    ['"just a string"', 'string'],
    ['-12.5e-3', 'number'],
    ['0', 'number'],
    ['true', 'boolean'],
    [' null ', 'null'],
    ['{}', 'object'],
    ['[]', 'array'],
    ['{"a":[],"b":{},"c":[{}],"d":""}', 'object'],
  ])('%s is valid (%s)', (body, topLevel) => {
    expect(diagnoseBody(body)).toEqual({ valid: true, kind: 'json', topLevel, documents: 1, warnings: [] });
  });

  it('keeps a big integer valid and warns that JavaScript would round it (never rounding it itself)', () => {
    const result = diagnoseBody('{"id_sms": 12345678901234567890}');
    expect(result).toMatchObject({ valid: true, kind: 'json', topLevel: 'object' });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({ id: 'unsafe-integer', offset: 11, line: 1, column: 12 });
    expect(result.warnings[0]?.explanation).toContain('`12345678901234567890`');
    expect(result.warnings[0]?.fix).toContain('`"12345678901234567890"`');
  });

  it('warns when one object has the same key twice; the same key in other objects is fine', () => {
    const result = diagnoseBody(
      '[{"id_sms":1,"state":"send","state":"deliver"},{"id_sms":2,"state":"send","x":{"state":1}}]',
    );
    expect(result).toMatchObject({ valid: true, kind: 'json' });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({ id: 'duplicate-key', offset: 28, line: 1, column: 29 });
    expect(result.warnings[0]?.title).toBe('The key `"state"` appears twice in one object');
    expect(result.warnings[0]?.explanation).toContain('first at byte 13');
    expect(diagnoseBody('{"a":{"b":1},"c":{"b":2},"b":3}').warnings).toEqual([]);
  });

  it('sees a key spelled with escapes as the same key ("\\u0061" is "a"), and different escapes as different keys', () => {
    const result = diagnoseBody(
      '{"id_sms":1,"id\\u005fsms":2,"\\u00e9":3,"é":4,"\\"":5,"\\u0022":6,"\\uD83D":7,"\\uD83E":8}',
    );
    expect(result).toMatchObject({ valid: true, kind: 'json' });
    expect(result.warnings.filter((w) => w.id === 'duplicate-key').map((w) => w.offset)).toEqual([
      12, 39, 53,
    ]);
    expect(result.warnings[0]?.title).toBe('The key `"id\\u005fsms"` appears twice in one object');
  });

  it('does not warn at the edge of the safe range', () => {
    expect(diagnoseBody('[9007199254740991, -9007199254740991, 1.2345678901234567890]').warnings).toEqual([]);
    expect(diagnoseBody('[9007199254740992]').warnings.map((w) => w.id)).toEqual(['unsafe-integer']);
  });

  it('handles deep nesting without recursion', () => {
    const depth = 100_000;
    const body = `${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}`;
    expect(diagnoseBody(body)).toMatchObject({ valid: true, topLevel: 'object' });
  });

  it('accepts unicode escapes, surrogate pairs and raw UTF-8', () => {
    const result = diagnoseBody(
      '{"e":"\\u00e9\\u4E2D","smile":"\\uD83D\\uDE00","raw":"héllo 中文 😀","esc":"\\"\\\\\\/\\b\\f\\n\\r\\t"}',
    );
    expect(result).toEqual({ valid: true, kind: 'json', topLevel: 'object', documents: 1, warnings: [] });
  });

  it('warns about a lone surrogate escape, which parsers accept', () => {
    const result = diagnoseBody('{"cut":"emoji \\uD83D"}');
    expect(result.valid).toBe(true);
    expect(result.warnings.map((w) => [w.id, w.offset])).toEqual([['lone-surrogate', 14]]);
  });

  it('accepts every JSON content type spelling', () => {
    for (const contentType of [
      'application/json',
      'application/json; charset=utf-8',
      'text/json',
      'application/vnd.api+json',
      'APPLICATION/JSON',
    ]) {
      expect(diagnoseBody('{"a":1}', { contentType })).toMatchObject({
        valid: true,
        kind: 'json',
        warnings: [],
      });
    }
  });
});

describe('not JSON', () => {
  it('does not diagnose plain text under a text content type', () => {
    const result = diagnoseBody('hello', { contentType: 'text/plain' });
    expect(result).toMatchObject({ valid: true, kind: 'not-json', warnings: [] });
  });

  it('diagnoses a body that starts with { or [ whatever the content type', () => {
    expect(diagnoseBody('{"a":1,}', { contentType: 'text/plain' }).valid).toBe(false);
    expect(diagnoseBody('  [1]', { contentType: 'text/plain' })).toMatchObject({ valid: true, kind: 'json' });
  });
});
