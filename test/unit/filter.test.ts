import { describe, expect, it } from 'vitest';
import { FilterSyntaxError, parseFilter } from '../../shared/filter';

describe('filter language', () => {
  it('reads every kind of term', () => {
    expect(
      parseFilter(
        'method:post,PUT path:/sms status:4xx status:200-204 header:x-sig header:"User-Agent=curl 8" body:"RND Flow" kind:none valid:no bucket:abc is:pinned is:truncated after:2026-11-01 before:"2026-11-21 12:00" hello',
      ),
    ).toEqual({
      methods: ['POST', 'PUT'],
      pathContains: ['/sms'],
      status: [
        { min: 400, max: 499 },
        { min: 200, max: 204 },
      ],
      headers: [{ name: 'x-sig' }, { name: 'user-agent', valueContains: 'curl 8' }],
      bodyContains: ['RND Flow'],
      kinds: ['none'],
      valid: false,
      bucket: 'abc',
      pinned: true,
      truncated: true,
      after: Date.parse('2026-11-01'),
      before: Date.parse('2026-11-21T12:00'),
      text: ['hello'],
    });
  });

  it('reads JSON path conditions with typed values', () => {
    expect(
      parseFilter(
        '$.campaign_name="RND Flow" $[*].id_sms=3234 $.login $.channel!=SMS $.view_url~https $.ok=true $.x=null',
      ).json,
    ).toEqual([
      { path: '$.campaign_name', op: '=', value: 'RND Flow' },
      { path: '$[*].id_sms', op: '=', value: 3234 },
      { path: '$.login', op: 'exists' },
      { path: '$.channel', op: '!=', value: 'SMS' },
      { path: '$.view_url', op: '~', value: 'https' },
      { path: '$.ok', op: '=', value: true },
      { path: '$.x', op: '=', value: null },
    ]);
  });

  it('says what is wrong, where', () => {
    expect(() => parseFilter('status:abc')).toThrow(/status takes a code/);
    expect(() => parseFilter('kind:sms')).toThrow(FilterSyntaxError);
    expect(() => parseFilter('valid:maybe')).toThrow(/yes or no/);
    expect(() => parseFilter('after:someday')).toThrow(/not a date/);
    try {
      parseFilter('path:/a body:"open');
    } catch (error) {
      expect(error).toBeInstanceOf(FilterSyntaxError);
      expect((error as FilterSyntaxError).position).toBe(8);
    }
    expect(parseFilter('')).toEqual({});
    expect(parseFilter('http://x')).toEqual({ text: ['http://x'] });
  });
});
