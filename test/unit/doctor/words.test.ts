import { describe, expect, it } from 'vitest';
import { cause, causeIds, expectErrorAt, invalid } from './helpers';

describe('unquoted-key', () => {
  it('flags a bare property name and quotes it in the fix', () => {
    const result = invalid('{login: "123123"}');
    expectErrorAt(result, { line: 1, column: 2, offset: 1, under: 'l' });
    expect(result.error.message).toBe("Expected a property name in double quotes or '}', found 'l'");
    expect(causeIds(result)[0]).toBe('unquoted-key');
    expect(cause(result, 'unquoted-key').fix).toContain('`"login":`');
  });

  it('flags a bare key after a comma', () => {
    const result = invalid('{"a": 1, b: 2}');
    expectErrorAt(result, { line: 1, column: 10, offset: 9, under: 'b' });
    expect(causeIds(result)[0]).toBe('unquoted-key');
  });
});

describe('unquoted-value', () => {
  it('flags bare text where a string value belongs', () => {
    const result = invalid('{"campaign_name": RND Flow}');
    expectErrorAt(result, { line: 1, column: 19, offset: 18, under: 'R' });
    expect(causeIds(result)[0]).toBe('unquoted-value');
    expect(cause(result, 'unquoted-value').fix).toContain('`"campaign_name": "RND Flow"`');
  });
});

describe('comment', () => {
  it('flags a // comment', () => {
    const result = invalid('{\n  "channel": "SMS", // or Email\n  "login": "1"\n}');
    expectErrorAt(result, { line: 2, column: 21, offset: 22, under: '/' });
    expect(causeIds(result)[0]).toBe('comment');
    expect(cause(result, 'comment').explanation).toContain('`// or Email`');
  });

  it('flags a /* */ comment', () => {
    const result = invalid('{"time": /* ms */ 1664115803000}');
    expectErrorAt(result, { line: 1, column: 10, offset: 9, under: '/' });
    expect(causeIds(result)[0]).toBe('comment');
    expect(cause(result, 'comment').explanation).toContain('`/* ms */`');
  });
});

describe('non-json-literal', () => {
  it.each([
    ['{"ratio": NaN}', 10, 'NaN', 'null'],
    ['{"ratio": Infinity}', 10, 'Infinity', 'null'],
    ['{"ratio": undefined}', 10, 'undefined', 'null'],
    ['{"ok": True}', 7, 'True', 'true'],
    ['{"ok": None}', 7, 'None', 'null'],
  ])('flags %s', (body, offset, word, json) => {
    const result = invalid(body);
    expectErrorAt(result, { line: 1, column: offset + 1, offset, under: word[0] as string });
    expect(causeIds(result)[0]).toBe('non-json-literal');
    const literal = cause(result, 'non-json-literal');
    expect(literal.title).toBe(`\`${word}\` is not a JSON value`);
    expect(literal.fix).toContain(`Write \`${json}\` instead of \`${word}\``);
  });

  it.each([
    ['{"ok": tru}', 'tru', 'true'],
    ['{"ok": fasle}', 'fasle', 'false'],
    ['{"ok": nul}', 'nul', 'null'],
  ])('reads %s as a misspelled literal', (body, word, json) => {
    const result = invalid(body);
    expect(causeIds(result)[0]).toBe('non-json-literal');
    expect(cause(result, 'non-json-literal').explanation).toContain(
      `\`${word}\` looks like a misspelled \`${json}\``,
    );
  });

  it('reads a longer word starting like a literal as unquoted text', () => {
    const result = invalid('{"first_name": nathan}');
    expectErrorAt(result, { line: 1, column: 17, offset: 16, under: 'a' });
    expect(causeIds(result)[0]).toBe('unquoted-value');
  });

  it('flags -Infinity, pointing the cause at the sign', () => {
    const result = invalid('[1, -Infinity]');
    // The scanner fails after '-' (a digit must follow); the cause covers the whole word.
    expectErrorAt(result, { line: 1, column: 6, offset: 5, under: 'I' });
    expect(result.error.message).toBe("Expected a digit after '-', found 'I'");
    expect(cause(result, 'non-json-literal')).toMatchObject({
      offset: 4,
      column: 5,
      title: '`-Infinity` is not a JSON value',
    });
  });
});

describe('leading-zero', () => {
  it('flags a number with a leading zero and offers it as a string', () => {
    const result = invalid('{"login": 0123123}');
    expectErrorAt(result, { line: 1, column: 12, offset: 11, under: '1' });
    expect(causeIds(result)[0]).toBe('leading-zero');
    expect(cause(result, 'leading-zero').fix).toContain('`"login": "0123123"`');
  });
});
