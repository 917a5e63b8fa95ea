import { describe, expect, it } from 'vitest';
import { cause, causeIds, expectErrorAt, invalid } from './helpers';

/** The platform's mini-game webhook body, rendered raw with a level name holding a quote. */
const SEED_RENDERED_RAW = [
  '{',
  '\t"saw_template_id": "1204",',
  '\t"minigame_spins_count": "3",',
  '\t"smartico_user_id": "88412",',
  '\t"user_ext_id": "ext-5521",',
  '\t"level_name": "My level with " inside",',
  '\t"brand": "main"',
  '}',
].join('\n');

describe('unescaped-quote', () => {
  it('explains the seed failure: a raw quote inside a rendered value', () => {
    const result = invalid(SEED_RENDERED_RAW);
    expectErrorAt(result, { line: 6, column: 33, offset: 150, under: 'i' });
    expect(result.error.message).toBe("Expected ',' or '}' after a property value, found 'i'");
    expect(result.error.excerpt).toBe('\t"level_name": "My level with " inside",');
    expect(result.error.caret).toBe(`\t${' '.repeat(31)}^`);
    expect(causeIds(result)[0]).toBe('unescaped-quote');
    const quote = cause(result, 'unescaped-quote');
    // The cause points at the quote that ended the value too early.
    expect(quote).toMatchObject({ offset: 148, line: 6, column: 31 });
    expect(quote.fix).toContain('`"level_name": "My level with \\" inside"`');
    expect(quote.fix).toContain('JSON-safe mode');
  });

  it('escapes every quote when the value holds several', () => {
    const result = invalid('{"note": "He said "hi" to me", "n": 1}');
    expectErrorAt(result, { line: 1, column: 20, offset: 19, under: 'h' });
    expect(causeIds(result)[0]).toBe('unescaped-quote');
    expect(cause(result, 'unescaped-quote').fix).toContain('`"note": "He said \\"hi\\" to me"`');
  });

  it('finds the real end of the last value before a closing brace on the next line', () => {
    const result = invalid('[\n  "a "b"\n]');
    expectErrorAt(result, { line: 2, column: 7, offset: 8, under: 'b' });
    expect(causeIds(result)[0]).toBe('unescaped-quote');
    expect(cause(result, 'unescaped-quote').fix).toContain('`"a \\"b"`');
  });

  it('handles a quote inside a property name', () => {
    const result = invalid('{"my "key": 1}');
    expectErrorAt(result, { line: 1, column: 7, offset: 6, under: 'k' });
    const quote = cause(result, 'unescaped-quote');
    expect(quote.title).toMatch(/property name/);
    expect(quote.fix).toContain('`"my \\"key"`');
  });

  it('is not claimed when no later quote can end the value', () => {
    const result = invalid('{"a": "x" oops}');
    expect(causeIds(result)).not.toContain('unescaped-quote');
  });
});

describe('single-quotes', () => {
  it('flags single-quoted keys and values with a double-quoted fix', () => {
    const result = invalid("{'name': 'O\\'Brien'}");
    expectErrorAt(result, { line: 1, column: 2, offset: 1, under: "'" });
    expect(causeIds(result)[0]).toBe('single-quotes');
    expect(cause(result, 'single-quotes').fix).toContain('`"name"`');
  });

  it("repairs a single-quoted value, dropping the invalid \\' escape", () => {
    const result = invalid(`{"name": 'O\\'Brien "Bob"'}`);
    expectErrorAt(result, { line: 1, column: 10, offset: 9, under: "'" });
    expect(cause(result, 'single-quotes').fix).toContain('`"O\'Brien \\"Bob\\""`');
  });
});

describe('unclosed-string', () => {
  it('spots a missing closing quote at the end of a pretty-printed line', () => {
    const result = invalid('{\n  "city": "Riga,\n  "zip": "LV-1010"\n}');
    // The scanner stops at the raw line break inside the unclosed string.
    expectErrorAt(result, { line: 2, column: 17, offset: 18, under: '' });
    expect(result.error.excerpt).toBe('  "city": "Riga,');
    expect(causeIds(result)[0]).toBe('unclosed-string');
    expect(cause(result, 'unclosed-string').fix).toContain('`"city": "Riga",`');
    expect(causeIds(result)).toContain('control-character');
  });

  it('spots a missing closing quote that swallowed the next key', () => {
    const result = invalid('{"city": "Riga, "zip": "LV-1010"}');
    expectErrorAt(result, { line: 1, column: 18, offset: 17, under: 'z' });
    expect(causeIds(result)[0]).toBe('unclosed-string');
    expect(cause(result, 'unclosed-string').fix).toContain('`"city": "Riga", "zip":`');
  });
});
