import { describe, expect, it } from 'vitest';
import { cause, causeIds, diagnoseBody, expectErrorAt, invalid } from './helpers';

const encoder = new TextEncoder();

function bytes(...parts: Array<string | number[]>): Uint8Array {
  const chunks = parts.map((p) => (typeof p === 'string' ? encoder.encode(p) : Uint8Array.from(p)));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

describe('bom', () => {
  it('flags a UTF-8 BOM in front of otherwise valid JSON', () => {
    const result = invalid(bytes([0xef, 0xbb, 0xbf], '{"login":"123123"}'));
    expectErrorAt(result, { line: 1, column: 1, offset: 0, under: '\uFFFD' });
    expect(result.error.message).toBe('Expected a JSON value, found a byte-order mark (U+FEFF)');
    expect(causeIds(result)).toEqual(['bom']);
    expect(cause(result, 'bom').fix).toContain('EF BB BF');
  });

  it('still reports a later syntax error, at its own position', () => {
    const result = invalid(bytes([0xef, 0xbb, 0xbf], '[1,2,]'));
    expect(result.error.offset).toBe(0);
    expect(causeIds(result)).toEqual(['bom', 'trailing-comma']);
    // The BOM is one (invisible) character of line 1, so the comma is in column 6.
    expect(cause(result, 'trailing-comma')).toMatchObject({ offset: 7, line: 1, column: 6 });
  });
});

describe('invalid-utf8', () => {
  it('gives the byte offset and the bytes in hex, and guesses Latin-1', () => {
    // "Café" written by a Latin-1 sender: é is the single byte E9.
    const result = invalid(bytes('{"campaign_name": "Caf', [0xe9], '"}'));
    expectErrorAt(result, { line: 1, column: 23, offset: 22, under: '\uFFFD' });
    expect(result.error.message).toBe('Expected UTF-8 text, found byte 0xE9 (not valid UTF-8)');
    expect(causeIds(result)).toEqual(['invalid-utf8']);
    const utf8 = cause(result, 'invalid-utf8');
    expect(utf8.explanation).toContain('Byte E9 at byte 22 (followed by 22 7D) is not valid UTF-8');
    expect(utf8.fix).toContain('in UTF-8 it is C3 A9');
  });

  it('mentions a non-UTF-8 charset from the Content-Type', () => {
    const result = invalid(bytes('["', [0xe9], '"]'), {
      contentType: 'application/json; charset=ISO-8859-1',
    });
    expect(cause(result, 'invalid-utf8').explanation).toContain('charset=iso-8859-1');
  });

  it('recognises a UTF-16 body by its byte-order mark', () => {
    const result = invalid(bytes([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]));
    expectErrorAt(result, { line: 1, column: 1, offset: 0, under: '\uFFFD' });
    expect(cause(result, 'invalid-utf8').title).toBe('The body is UTF-16, not UTF-8');
  });

  it('rejects overlong encodings and encoded surrogates like a strict decoder', () => {
    expect(causeIds(invalid(bytes('["', [0xc0, 0xaf], '"]')))).toEqual(['invalid-utf8']);
    expect(causeIds(invalid(bytes('["', [0xed, 0xa0, 0x80], '"]')))).toEqual(['invalid-utf8']);
  });
});

describe('empty-body', () => {
  it('flags an empty body sent as JSON', () => {
    const result = invalid('');
    expectErrorAt(result, { line: 1, column: 1, offset: 0, under: '' });
    expect(causeIds(result)).toEqual(['empty-body']);
  });

  it('flags a whitespace-only body and says when bytes were lost', () => {
    const result = invalid('\n  ', { contentLength: 120 });
    expectErrorAt(result, { line: 2, column: 3, offset: 3, under: '' });
    expect(cause(result, 'empty-body').explanation).toContain('announced 120 bytes, but only 3 arrived');
  });

  it('does not diagnose an empty body without a JSON content type', () => {
    expect(diagnoseBody('', { contentType: null })).toMatchObject({ valid: true, kind: 'not-json' });
  });
});

describe('form-encoded-as-json', () => {
  it('flags a form body sent with a JSON content type and shows its JSON form', () => {
    const result = invalid('login=123123&channel=SMS&campaign_name=RND+Flow');
    expectErrorAt(result, { line: 1, column: 1, offset: 0, under: 'l' });
    expect(causeIds(result)).toEqual(['form-encoded-as-json']);
    expect(cause(result, 'form-encoded-as-json').fix).toContain(
      '`{"login": "123123", "channel": "SMS", "campaign_name": "RND Flow"}`',
    );
  });
});

describe('json-as-form', () => {
  it('warns on a valid JSON body sent as form data', () => {
    const result = diagnoseBody('{"login":"123123"}', { contentType: 'application/x-www-form-urlencoded' });
    expect(result).toMatchObject({ valid: true, kind: 'json', topLevel: 'object' });
    expect(result.warnings.map((w) => w.id)).toEqual(['json-as-form']);
  });

  it('warns on a JSON body with no content type, and still diagnoses it', () => {
    const result = diagnoseBody('[1,]', { contentType: null });
    expect(result.valid).toBe(false);
    expect(result.warnings.map((w) => w.id)).toEqual(['json-as-form']);
  });

  it('leaves a real form body alone', () => {
    const result = diagnoseBody('a=1&b=2', { contentType: 'application/x-www-form-urlencoded' });
    expect(result).toMatchObject({ valid: true, kind: 'not-json', warnings: [] });
    if (result.valid && result.kind === 'not-json') expect(result.reason).toMatch(/form-encoded/);
  });
});
