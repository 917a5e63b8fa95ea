import { describe, expect, it } from 'vitest';
import {
  LosslessNumber,
  mayLoseDigits,
  parseKeepingDigits,
  parseLossless,
  stringifyLossless,
} from '../../electron/core/json/lossless';
import { seededRandom } from '../../electron/core/templates/random';

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

  it('finds exactly the texts whose numbers a double would change, skipping digits inside strings', () => {
    const random = seededRandom(7);
    const numbers = [
      '0',
      '7',
      '-3',
      '-0',
      '1.5',
      '1.50',
      '2e3',
      '1E-7',
      '0.1',
      '0.30000000000000004',
      '123456789012345',
      '1234567890123456',
      '9007199254740993',
      '-12345678901234567890',
      '3.0',
      '10',
      '-0.0',
    ];
    // JSON strings with digits, escaped quotes and escaped backslashes right before the closing quote.
    const strings = ['"12345678901234567890"', '"a\\\\"', '"say \\"1.50\\""', '"-0"', '"\\\\"', '""'];
    for (let i = 0; i < 2000; i++) {
      const items = Array.from({ length: 1 + Math.floor(random() * 4) }, () =>
        random() < 0.5 ? pick(random, numbers) : pick(random, strings),
      );
      const text =
        random() < 0.5 ? `[${items.join(',')}]` : `{${items.map((item, k) => `"k${k}":${item}`).join(',')}}`;
      const changed = JSON.stringify(parseKeepingDigits(text)) !== JSON.stringify(JSON.parse(text));
      expect({ text, risky: mayLoseDigits(text) }).toEqual({ text, risky: changed });
    }
    // Digits inside strings never cost the slow path; an escaped quote does not end a string.
    expect(mayLoseDigits('{"phone":"12345678901234567890","q":"\\"1.50","n":1}')).toBe(false);
    expect(mayLoseDigits('{"q":"\\\\","n":1.50}')).toBe(true);
  });
});

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}
