import { describe, expect, it } from 'vitest';
import { cause, diagnoseBody, expectErrorAt, invalid } from './helpers';

const TARGET = 20 * 1024 * 1024;
const ITEM =
  '{"id_sms":12345678901234567890,"time":"2011-01-01 12:57:46","state":"deliver","text":"Привет, 😀"}';

/** A ~20 MB SMS status batch, built from bytes (no 20 MB intermediate strings). */
function bigBatch(): Uint8Array {
  const item = new TextEncoder().encode(ITEM);
  const count = Math.ceil(TARGET / (item.length + 1));
  const body = new Uint8Array(count * (item.length + 1) + 1);
  body[0] = 0x5b;
  for (let k = 0; k < count; k++) {
    const at = 1 + k * (item.length + 1);
    body.set(item, at);
    body[at + item.length] = 0x2c;
  }
  body[body.length - 1] = 0x5d;
  return body;
}

// Correctness only: the point is that 20 MB completes (linear time), not how fast.
describe('a 20 MB body', () => {
  const body = bigBatch();

  it('is valid when complete, with a capped list of warnings', () => {
    expect(body.length).toBeGreaterThan(TARGET);
    const result = diagnoseBody(body);
    expect(result).toMatchObject({ valid: true, kind: 'json', topLevel: 'array', documents: 1 });
    // Only the first few unsafe integers are listed; the last one says how many more there are.
    expect(result.warnings.length).toBe(10);
    expect(result.warnings.at(-1)?.explanation).toMatch(/\d+ more such numbers are not shown/);
  }, 60_000);

  it('is truncated when cut at the end, with the error at the last byte', () => {
    const cut = body.subarray(0, body.length - 3);
    const result = invalid(cut, { contentLength: body.length });
    const itemBytes = new TextEncoder().encode(ITEM).length;
    const itemChars = Array.from(ITEM).length;
    const count = (body.length - 1) / (itemBytes + 1);
    // The cut leaves `…"Привет, 😀`: the error is at the end, inside the last string. Before it:
    // '[', every item and the commas between them, minus the 2 characters `"}` cut away.
    const charsBefore = 1 + count * itemChars + (count - 1) - 2;
    expectErrorAt(result, { line: 1, column: charsBefore + 1, offset: cut.length, under: '' });
    expect(result.error.excerpt.startsWith('…')).toBe(true);
    const truncated = cause(result, 'truncated');
    expect(truncated.title).toBe('The body was cut off');
    expect(truncated.explanation).toContain(`Received ${cut.length} of ${body.length} bytes`);
    expect(truncated.explanation).toContain('inside a string while 1 object and 1 array are still open');
  }, 60_000);
});
