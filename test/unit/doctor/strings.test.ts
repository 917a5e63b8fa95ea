import { describe, expect, it } from 'vitest';
import { cause, causeIds, expectErrorAt, invalid } from './helpers';

describe('control-character', () => {
  it('flags a raw tab inside a string and shows it escaped', () => {
    const result = invalid('{"text": "Hello\tworld"}');
    expectErrorAt(result, { line: 1, column: 16, offset: 15, under: '\t' });
    expect(causeIds(result)[0]).toBe('control-character');
    expect(cause(result, 'control-character').fix).toContain('`"text": "Hello\\tworld"`');
  });

  it('flags a raw line break inside multi-line text', () => {
    const result = invalid('{"text": "Line one\nLine two"}');
    expectErrorAt(result, { line: 1, column: 19, offset: 18, under: '' });
    expect(result.error.message).toContain('found a line break (LF)');
    expect(causeIds(result)[0]).toBe('control-character');
    expect(cause(result, 'control-character').fix).toContain('`"text": "Line one\\nLine two"`');
  });

  it('shows other control characters as a visible picture in the excerpt', () => {
    const result = invalid('{"text": "bell\u0007"}');
    expectErrorAt(result, { line: 1, column: 15, offset: 14, under: '\u2407' });
    expect(cause(result, 'control-character').fix).toContain('`\\u0007`');
  });

  it('never blames a line break between tokens: after a misspelled literal the cause is the literal', () => {
    for (const body of ['{"b": tru\n}', '{"b": nul\r\n}', '{"b": fals\t}']) {
      expect(causeIds(invalid(body))).not.toContain('control-character');
    }
  });

  it('says a body starting with gzip’s signature is compressed, not which byte to remove', () => {
    const gzip = new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03]);
    const found = cause(invalid(gzip), 'control-character');
    expect(found.title).toBe('The body is gzip-compressed, not JSON text');
    expect(found.fix).toContain('Content-Encoding: gzip');
  });

  it('flags a stray NUL byte between tokens', () => {
    const result = invalid('{"a": 1}'.replace(' ', '\u0000'));
    expectErrorAt(result, { line: 1, column: 6, offset: 5, under: '\u2400' });
    expect(causeIds(result)[0]).toBe('control-character');
  });
});

describe('bad-escape', () => {
  it('flags a Windows path and doubles its backslashes', () => {
    const result = invalid('{"path": "C:\\Users\\me\\new"}');
    expectErrorAt(result, { line: 1, column: 13, offset: 12, under: '\\' });
    expect(result.error.message).toContain("Invalid escape '\\U'");
    expect(causeIds(result)[0]).toBe('bad-escape');
    // \n is a valid escape, so it is kept; the invalid \U and \m are doubled.
    expect(cause(result, 'bad-escape').fix).toContain('`"path": "C:\\\\Users\\\\me\\new"`');
  });

  it("flags JavaScript's \\' escape", () => {
    const result = invalid('{"name": "O\\\'Brien"}');
    expectErrorAt(result, { line: 1, column: 12, offset: 11, under: '\\' });
    expect(cause(result, 'bad-escape').fix).toContain('`"name": "O\'Brien"`');
  });

  it('flags a \\u escape without four hex digits', () => {
    const result = invalid('{"a": "\\u12G4"}');
    expectErrorAt(result, { line: 1, column: 12, offset: 11, under: 'G' });
    expect(result.error.message).toBe("Expected 4 hex digits after '\\u', found 'G'");
    expect(causeIds(result)[0]).toBe('bad-escape');
  });
});
