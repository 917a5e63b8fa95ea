import { describe, expect, it } from 'vitest';
import {
  LosslessNumber,
  parseLossless,
  plainNumbers,
  stringifyLossless,
} from '../../electron/core/json/lossless';

describe('lossless JSON', () => {
  it('keeps every number spelling a double would change, on the fast path and the careful one', () => {
    const texts = [
      '{"a":12345678901234567890}',
      '[1.50]',
      '{"x":1e3}',
      '[-0]',
      '{"n":0.30000000000000004}',
      '{"s":"1234567890123456789","n":7}',
      '[1,2.5,-3,{"deep":[9007199254740993]}]',
    ];
    for (const text of texts) expect(stringifyLossless(parseLossless(text))).toBe(text);
    expect(parseLossless('{"id":3234}')).toEqual({ id: 3234 });
    expect(parseLossless('{"id":12345678901234567890}')).toEqual({
      id: new LosslessNumber('12345678901234567890'),
    });
  });

  it('turns lossless numbers back into doubles for schema checks, copying only what changes', () => {
    const plain = { a: [1, { b: 'x' }] };
    expect(plainNumbers(plain)).toBe(plain);
    const parsed = parseLossless(
      '[{"id_sms":12345678901234567890,"state":"send"},{"id_sms":1}]',
    ) as unknown[];
    const converted = plainNumbers(parsed) as { id_sms: number }[];
    expect(converted[0]?.id_sms).toBe(Number('12345678901234567890'));
    expect(converted[1]).toBe(parsed[1]);
  });
});
