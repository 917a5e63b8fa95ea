import { describe, expect, it } from 'vitest';
import { FIRST_LIMIT, RenderCache, renderBody } from '../../../renderer/lib/bodyRender';
import { chooseViews } from '../../../renderer/lib/bodyViews';
import { parseContentType } from '../../../renderer/lib/contentType';
import { parseUrlEncoded, percentDecode, queryString } from '../../../renderer/lib/formUrlEncoded';
import { formatJson } from '../../../renderer/lib/jsonFormat';
import { buildJsonTree } from '../../../renderer/lib/jsonTree';
import { multipartBoundary, parseMultipart } from '../../../renderer/lib/multipart';
import { formatXml } from '../../../renderer/lib/xmlFormat';

const enc = (s: string) => new TextEncoder().encode(s);

describe('form fields and query strings', () => {
  it('keeps order and repeats, decodes + and %HH as UTF-8', () => {
    expect(parseUrlEncoded('a=1&b=x+y&a=2&empty=&flag&&c=%D0%9E%D0%BB%D1%8C%D0%B3%D0%B0')).toEqual([
      { name: 'a', value: '1', raw: 'a=1' },
      { name: 'b', value: 'x y', raw: 'b=x+y' },
      { name: 'a', value: '2', raw: 'a=2' },
      { name: 'empty', value: '', raw: 'empty=' },
      { name: 'flag', value: '', raw: 'flag' },
      { name: 'c', value: 'Ольга', raw: 'c=%D0%9E%D0%BB%D1%8C%D0%B3%D0%B0' },
    ]);
  });
  it('never throws on malformed escapes', () => {
    expect(percentDecode('100%')).toBe('100%');
    expect(percentDecode('%zz%41')).toBe('%zzA');
    expect(percentDecode('%FF')).toBe('\uFFFD');
  });
  it('finds the query of a request target', () => {
    expect(queryString('/a?x=1&y=2')).toBe('x=1&y=2');
    expect(queryString('/a')).toBe('');
  });
});

describe('content types', () => {
  it('reads parameters, quoted or not', () => {
    expect(parseContentType('multipart/form-data; boundary="a b\\"c"; charset=UTF-8')).toEqual({
      mime: 'multipart/form-data',
      params: { boundary: 'a b"c', charset: 'UTF-8' },
    });
    expect(parseContentType(null)).toEqual({ mime: '', params: {} });
  });
});

describe('multipart', () => {
  const boundary = 'XyZ';
  const file = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d, 0x0a, 0xff]);
  const body = new Uint8Array([
    ...enc(
      `preamble\r\n--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nHello\r\nworld\r\n`,
    ),
    ...enc(`--${boundary}\r\nContent-Disposition: form-data; name="upload"; filename="pic.png"\r\n`),
    ...enc('Content-Type: image/png\r\n\r\n'),
    ...file,
    ...enc(`\r\n--${boundary}--\r\nepilogue`),
  ]);

  it('splits parts with their headers and exact byte ranges', () => {
    const { parts, problems } = parseMultipart(body, boundary);
    expect(problems).toEqual([]);
    expect(parts).toHaveLength(2);
    expect(parts[0]).toMatchObject({ name: 'title', filename: null, contentType: null });
    const title = parts[0] as (typeof parts)[number];
    expect(new TextDecoder().decode(body.subarray(title.start, title.end))).toBe('Hello\r\nworld');
    const upload = parts[1] as (typeof parts)[number];
    expect(upload).toMatchObject({ name: 'upload', filename: 'pic.png', contentType: 'image/png' });
    expect(body.subarray(upload.start, upload.end)).toEqual(file);
  });

  it('says when the closing boundary is missing or the boundary never appears', () => {
    expect(parseMultipart(enc(`--${boundary}\r\nA: b\r\n\r\ncut`), boundary).problems[0]).toMatch(/closing/);
    expect(parseMultipart(enc('nothing'), boundary).problems[0]).toMatch(/never appears/);
  });

  it('reads the boundary from the Content-Type and renders a preview per part', () => {
    expect(multipartBoundary(`multipart/form-data; boundary=${boundary}`)).toBe(boundary);
    const result = renderBody({
      view: 'multipart',
      bytes: body,
      contentType: `multipart/form-data; boundary=${boundary}`,
      limit: 0,
      partial: false,
    });
    expect(result.shape).toBe('parts');
    if (result.shape !== 'parts') return;
    expect(result.parts.map((p) => p.previewKind)).toEqual(['text', 'hex']);
    expect(result.parts[0]?.preview).toBe('Hello\r\nworld');
    expect(result.parts[1]?.preview).toContain('89 50 4e 47 00 0d 0a ff');
  });
});

describe('XML', () => {
  it('indents nested elements, keeps text elements on one line and tags as written', () => {
    const xml = '<?xml version="1.0"?><a x="1 > 0"><b>text</b><c/><!-- note --><d><e>1</e></d></a>';
    expect(formatXml(xml)).toBe(
      [
        '<?xml version="1.0"?>',
        '<a x="1 > 0">',
        '  <b>text</b>',
        '  <c/>',
        '  <!-- note -->',
        '  <d>',
        '    <e>1</e>',
        '  </d>',
        '</a>',
      ].join('\n'),
    );
  });
  it('gives up on tags that do not nest', () => {
    expect(formatXml('<a><b></a></b>')).toBeNull();
    expect(formatXml('just text')).toBeNull();
  });
});

describe('JSON tree', () => {
  it('keeps scalars exactly as sent and counts children', () => {
    const tree = buildJsonTree('{"id":12345678901234567890,"a":[1.0,"x\\"y",null],"a":true}', 100);
    expect(tree?.totalNodes).toBe(7);
    expect(tree?.rows.map((r) => [r.depth, r.key, r.type, r.text, r.size])).toEqual([
      [0, null, 'object', '', 3],
      [1, '"id"', 'number', '12345678901234567890', 0],
      [1, '"a"', 'array', '', 3],
      [2, '0', 'number', '1.0', 0],
      [2, '1', 'string', '"x\\"y"', 0],
      [2, '2', 'null', 'null', 0],
      [1, '"a"', 'boolean', 'true', 0],
    ]);
    expect(tree?.rows[2]?.end).toBe(6);
  });
  it('stores only the first rows but still counts all nodes', () => {
    const tree = buildJsonTree(JSON.stringify(Array.from({ length: 1000 }, (_, i) => i)), 10);
    expect(tree?.rows).toHaveLength(10);
    expect(tree?.totalNodes).toBe(1001);
    expect(tree?.rows[0]?.size).toBe(1000);
  });
  it('rejects what is not exactly one JSON value', () => {
    for (const bad of ['{"a":1,}', '[1,]', '{"a" 1}', '[1] [2]', '{', ''])
      expect(buildJsonTree(bad, 10)).toBeNull();
  });
  it('handles deep nesting without recursion', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(buildJsonTree(deep, 5)?.totalNodes).toBe(100_000);
  });
});

describe('JSON formatting of a body cut short', () => {
  it('formats as far as the text goes', () => {
    expect(formatJson('{"a":[1,2],"b":"unfini', '  ', true)).toBe(
      '{\n  "a": [\n    1,\n    2\n  ],\n  "b": "unfini',
    );
    expect(formatJson('{"a":tr', '  ', true)).toBe('{\n  "a": tr');
    expect(formatJson('{"a":tr')).toBeNull();
    expect(formatJson('{"a" 1', '  ', true)).toBeNull();
  });
});

describe('choosing views', () => {
  const choose = (type: string | null, body: string | Uint8Array) => {
    const bytes = typeof body === 'string' ? enc(body) : body;
    return chooseViews(type, bytes, bytes.length);
  };
  it('prefers the view the content calls for, and always offers text and hex', () => {
    expect(choose('application/json', '{"a":1}').available).toEqual(['json', 'tree', 'text', 'hex']);
    expect(choose(null, ' [1]').preferred).toBe('json');
    expect(choose('application/x-www-form-urlencoded', 'a=1').preferred).toBe('form');
    expect(choose(null, 'a=1&b=2').preferred).toBe('form');
    expect(choose('text/xml', '<a/>').preferred).toBe('xml');
    expect(choose('text/html', '<script>x</script>').preferred).toBe('text');
    expect(choose('multipart/form-data; boundary=x', '--x').preferred).toBe('multipart');
    expect(choose(null, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])).preferred).toBe(
      'image',
    );
    expect(choose(null, new Uint8Array([0, 1, 2, 0xfe])).preferred).toBe('hex');
    expect(choose('application/json', new Uint8Array([0x1f, 0x8b, 0])).available).toEqual([
      'hex',
      'text',
      'json',
    ]);
    expect(choose(null, 'plain words').available).toEqual(['text', 'hex']);
  });
});

describe('rendering a large body', () => {
  it('formats 20 MB of JSON and returns only the first part, reusing the work for "show more"', () => {
    const item = '{"id_sms":12345678901234567890,"state":"deliver","time":"2011-01-01 12:57:46"}';
    const text = `[${Array.from({ length: 280_000 }, () => item).join(',')}]`;
    expect(text.length).toBeGreaterThan(20 * 1024 * 1024);
    const bytes = enc(text);
    const cache = new RenderCache();
    const request = {
      view: 'json' as const,
      bytes,
      contentType: 'application/json',
      limit: FIRST_LIMIT.json,
      partial: false,
    };
    const started = performance.now();
    const first = renderBody(request, cache, 'k');
    const firstMs = performance.now() - started;
    expect(first.shape).toBe('text');
    if (first.shape !== 'text') return;
    expect(first.shown).toBe(FIRST_LIMIT.json);
    expect(first.total).toBeGreaterThan(text.length);
    expect(first.text).toContain('12345678901234567890');
    const again = performance.now();
    const more = renderBody({ ...request, limit: FIRST_LIMIT.json * 4 }, cache, 'k');
    expect(performance.now() - again).toBeLessThan(firstMs);
    expect(more.shape === 'text' && more.shown).toBe(FIRST_LIMIT.json * 4);
    const tree = renderBody({ ...request, view: 'tree', limit: FIRST_LIMIT.tree });
    expect(tree.shape === 'tree' && tree.rows.length).toBe(FIRST_LIMIT.tree);
    expect(tree.shape === 'tree' && tree.totalNodes).toBe(1 + 280_000 * 4);
  });
});
