import { describe, expect, it } from 'vitest';
import { Locator, renderExcerpt } from '../../../electron/core/doctor/position';
import { charUnderCaret, expectErrorAt, invalid } from './helpers';

const encoder = new TextEncoder();

describe('line and column', () => {
  it('counts columns in characters and offsets in bytes', () => {
    // 'é' is 2 bytes, '中' 3 and '😀' 4 (a surrogate pair in UTF-16): one column each.
    const result = invalid('{"é中😀": 1,}');
    expectErrorAt(result, { line: 1, column: 11, offset: 16, under: '}' });
  });

  it('treats CRLF and a lone CR as one line break each', () => {
    expectErrorAt(invalid('{\r\n"a": 1,\r\n}'), { line: 3, column: 1, offset: 12, under: '}' });
    expectErrorAt(invalid('{\r"a": 1,\r}'), { line: 3, column: 1, offset: 10, under: '}' });
  });

  it('answers lookups in any order on a long single line', () => {
    const bytes = encoder.encode(`${'é'.repeat(200_000)}x`);
    const locator = new Locator(bytes);
    expect(locator.locate(400_000)).toEqual({ line: 1, column: 200_001 });
    expect(locator.locate(2)).toEqual({ line: 1, column: 2 });
    expect(locator.locate(300_000)).toEqual({ line: 1, column: 150_001 });
    // An offset inside a multi-byte character belongs to that character.
    expect(locator.locate(3)).toEqual({ line: 1, column: 2 });
  });
});

describe('excerpt and caret', () => {
  it('clips a long line around the column with … markers', () => {
    const body = `{"a": "${'x'.repeat(500)}" oops, "b": "${'y'.repeat(500)}"}`;
    const result = invalid(body);
    expectErrorAt(result, { line: 1, column: 510, offset: 509, under: 'o' });
    const { excerpt, caret } = result.error;
    expect(excerpt.startsWith('…')).toBe(true);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(Array.from(excerpt).length).toBeLessThanOrEqual(102);
    expect(caret).toBe(`${' '.repeat(61)}^`);
  });

  it('aligns the caret under tabs and wide characters', () => {
    const result = invalid('\t{"名前": "値" x}');
    expect(result.error.caret).toBe(`\t${' '.repeat(11)}^`);
    expect(charUnderCaret(result)).toBe('x');
  });

  it('renders control characters and invalid bytes one column each', () => {
    const bytes = Uint8Array.from([0x61, 0x01, 0xff, 0x62, 0x7f, 0x63]);
    expect(renderExcerpt(bytes, 5)).toEqual({ excerpt: 'a\u2401\uFFFDb\u2421c', caret: '     ^' });
  });

  it('shows the end of the line for an error at the end of the body', () => {
    expect(renderExcerpt(encoder.encode('line one\n[1, 2'), 14)).toEqual({
      excerpt: '[1, 2',
      caret: '     ^',
    });
  });
});
