import { describe, expect, it } from 'vitest';
import { cause, causeIds, diagnoseBody, expectErrorAt, invalid } from './helpers';

describe('trailing-comma', () => {
  it('flags a comma before ] and shows the array without it', () => {
    const result = invalid('[1,2,]');
    expectErrorAt(result, { line: 1, column: 6, offset: 5, under: ']' });
    expect(result.error.message).toBe("Expected a value after ',', found ']'");
    expect(causeIds(result)[0]).toBe('trailing-comma');
    const comma = cause(result, 'trailing-comma');
    expect(comma).toMatchObject({ offset: 4, line: 1, column: 5 });
    expect(comma.fix).toContain('`[1,2,]` → `[1,2]`');
  });

  it('flags a comma before } in a pretty-printed SMS status batch', () => {
    const body = '[\n  {\n    "id_sms": 3234,\n    "state": "deliver",\n  }\n]';
    const result = invalid(body);
    expectErrorAt(result, { line: 5, column: 3, offset: 52, under: '}' });
    expect(causeIds(result)[0]).toBe('trailing-comma');
    expect(cause(result, 'trailing-comma')).toMatchObject({ line: 4, column: 23 });
    expect(cause(result, 'trailing-comma').fix).toContain('`"state": "deliver",` → `"state": "deliver"`');
  });
});

describe('missing-comma', () => {
  it('flags two properties on consecutive lines with no comma', () => {
    const result = invalid('{\n  "login": "123123"\n  "channel": "SMS"\n}');
    expectErrorAt(result, { line: 3, column: 3, offset: 24, under: '"' });
    expect(causeIds(result)[0]).toBe('missing-comma');
    expect(cause(result, 'missing-comma').fix).toContain('`"login": "123123",`');
  });
});

describe('missing-colon', () => {
  it('flags = used instead of :', () => {
    const result = invalid('{"login"= "123123"}');
    expectErrorAt(result, { line: 1, column: 9, offset: 8, under: '=' });
    expect(causeIds(result)[0]).toBe('missing-colon');
  });
});

describe('mismatched-bracket', () => {
  it('points at } closing an array and names the open [', () => {
    const result = invalid('{"ids": [1, 2}');
    expectErrorAt(result, { line: 1, column: 14, offset: 13, under: '}' });
    const bracket = cause(result, 'mismatched-bracket');
    expect(bracket.explanation).toContain('line 1, column 9');
    expect(bracket.fix).toContain('`]}`');
  });
});

describe('truncated', () => {
  it('names the brackets still open when the body just stops', () => {
    const result = invalid('{"a": [1, {"b": "xy');
    expectErrorAt(result, { line: 1, column: 20, offset: 19, under: '' });
    expect(causeIds(result)[0]).toBe('truncated');
    const cut = cause(result, 'truncated');
    expect(cut.explanation).toContain('inside a string while 2 objects and 1 array are still open');
    expect(cut.fix).toContain('`"}]}`');
  });

  it('says the body was cut when Content-Length promised more bytes', () => {
    const body = '[{"id_sms":3234,"time":"2011-01-01 12:57:46","state":"deliver"},{"id_sms":3235,"ti';
    const result = invalid(body, { contentLength: 130 });
    expectErrorAt(result, { line: 1, column: 83, offset: 82, under: '' });
    const cut = cause(result, 'truncated');
    expect(cut.title).toBe('The body was cut off');
    expect(cut.explanation).toContain('Received 82 of 130 bytes');
  });

  it('notes the sender produced it incomplete when all declared bytes arrived', () => {
    const result = invalid('{"a": 1', { contentLength: 7 });
    expect(cause(result, 'truncated').explanation).toContain('1 object is still open');
    expect(cause(result, 'truncated').explanation).toContain('All 7 declared bytes arrived');
  });
});

describe('multiple-documents', () => {
  it('flags two documents back to back and suggests an array', () => {
    const result = invalid('{"a":1}{"b":2}');
    expectErrorAt(result, { line: 1, column: 8, offset: 7, under: '{' });
    expect(causeIds(result)).toEqual(['multiple-documents']);
    expect(cause(result, 'multiple-documents').fix).toContain('`[{"a":1}, {"b":2}…]`');
  });

  it('recognises NDJSON sent as application/json and suggests its content type', () => {
    const result = invalid('{"id_sms":1}\n{"id_sms":2}\n{"id_sms":3}\n');
    expectErrorAt(result, { line: 2, column: 1, offset: 13, under: '{' });
    const docs = cause(result, 'multiple-documents');
    expect(docs.title).toBe('3 JSON documents back to back');
    expect(docs.fix).toContain('application/x-ndjson');
  });

  it('accepts the same body under an NDJSON content type', () => {
    const result = diagnoseBody('{"id_sms":1}\n{"id_sms":2}\n', { contentType: 'application/x-ndjson' });
    expect(result).toMatchObject({ valid: true, kind: 'json', topLevel: 'object', documents: 2 });
  });
});

describe('extra-data', () => {
  it('flags an extra closing brace after the document', () => {
    const result = invalid('{"a": {"b": 1}}}');
    expectErrorAt(result, { line: 1, column: 16, offset: 15, under: '}' });
    expect(causeIds(result)[0]).toBe('extra-data');
  });
});
