import { describe, expect, it } from 'vitest';
import { parseFallback, parseRule } from '../../electron/core/rules/validate-rule';
import { DEFAULT_FALLBACK, presetRule } from '../../shared/presets';
import type { ResponseVariant, Rule } from '../../shared/rules';

const rule = (preset: Parameters<typeof presetRule>[0], patch: Record<string, unknown> = {}) => ({
  ...presetRule(preset, () => 'rule-1'),
  ...patch,
});

/** The message parseRule refuses `input` with. */
function refusal(input: unknown, parse: (input: unknown) => unknown = parseRule): string {
  try {
    parse(input);
  } catch (error) {
    expect(error).toMatchObject({ code: 'bad_request' });
    return (error as Error).message;
  }
  throw new Error('accepted');
}

const smsAck = (patch: Record<string, unknown>) => {
  const base = rule('sms-ack');
  return { ...base, responder: { ...base.responder, ...patch } };
};

const variant = (patch: Partial<ResponseVariant> = {}): ResponseVariant => ({
  status: 200,
  headers: [],
  body: '{}',
  bodyMode: 'json-safe',
  fault: null,
  weight: 1,
  ...patch,
});

const withResponses = (...responses: unknown[]) => ({
  ...rule('plain'),
  responder: { kind: 'responses', mode: 'sequential', responses },
});

describe('rule validation messages', () => {
  it('names the field of the responder’s own kind, not another kind’s', () => {
    // The first branch of the responder union wants "responses"; an SMS acknowledgement has none.
    expect(refusal(smsAck({ mode: 'percentage', percentage: 150 }))).toBe(
      'Percentage must be a number from 0 to 100, decimals allowed.',
    );
    expect(refusal(smsAck({ percentage: -1 }))).toBe(
      'Percentage must be a number from 0 to 100, decimals allowed.',
    );
    expect(refusal(smsAck({ seed: 1.5 }))).toBe('Seed must be a whole number.');
    expect(refusal(smsAck({ mode: 'sometimes' }))).toMatch(/^Mode must be one of "all", "none", /);
    expect(
      refusal({
        ...rule('sdk-response'),
        responder: { kind: 'sdk-response', statusCode: '123', bearerToken: null },
      }),
    ).toBe('Status code must be one of "000", "001", "900", "999".');
    expect(
      refusal({
        ...rule('sdk-response'),
        responder: { kind: 'sdk-response', statusCode: '000', bearerToken: '' },
      }),
    ).toBe('Bearer token must not be empty.');
    expect(refusal({ ...rule('plain'), responder: { kind: 'nope' } })).toBe(
      'The responder has an unknown kind "nope" (expected "responses", "sms-ack", "sdk-response", "smartico-reverse").',
    );
    expect(refusal({ ...rule('plain'), responder: { kind: 'sms-ack', mode: 'all', ids: [], seed: 1 } })).toBe(
      'The responder is missing "percentage".',
    );
  });

  it('says a response’s status range in words, and which response among several', () => {
    expect(refusal(withResponses(variant({ status: 999 })))).toBe(
      'Status must be a whole number from 100 to 599.',
    );
    expect(refusal(withResponses(variant(), variant({ status: 42 })))).toBe(
      'Response 2 status must be a whole number from 100 to 599.',
    );
    expect(refusal(withResponses(variant({ weight: -1 })))).toBe('Weight must be at least 0.');
    expect(
      refusal(withResponses(variant({ fault: { kind: 'trickle', chunkBytes: 0, intervalMs: 100 } }))),
    ).toBe('Bytes per chunk must be a whole number from 1 to 65,536.');
    expect(refusal(withResponses(variant({ fault: { kind: 'explode' } as never })))).toMatch(
      /^Fault has an unknown kind "explode" \(expected "close", "reset", "hang", "invalid-json", "trickle"\)\.$/,
    );
    expect(refusal(withResponses(variant({ headers: [['Bad Name', 'x']] })))).toMatch(
      /^Response header 1 name is not a valid header name/,
    );
    expect(refusal(withResponses())).toBe('Responses must have at least 1 item.');
  });

  it('names match, delay and forwarding fields plainly', () => {
    const plain = rule('plain') as Rule;
    expect(refusal({ ...plain, match: { ...plain.match, path: { kind: 'exact', value: 'no-slash' } } })).toBe(
      'Path value must start with "/".',
    );
    expect(refusal({ ...plain, match: { ...plain.match, methods: ['post'] } })).toBe(
      'Method 1 must be a method name in capital letters, like POST.',
    );
    expect(refusal({ ...plain, delay: { minMs: 0, maxMs: 700_000 } })).toBe(
      'Maximum delay (ms) must be a whole number from 0 to 600,000.',
    );
    expect(
      refusal({ ...plain, forward: { url: 'ftp://x', rebase: true, passthrough: false, timeoutMs: 1000 } }),
    ).toBe('Forwarding target URL must start with http:// or https://.');
    expect(refusal({ ...plain, extra: 1 })).toBe('The rule has an unknown field "extra".');
  });

  it('says the fallback’s field plainly', () => {
    expect(refusal({ ...DEFAULT_FALLBACK, status: 999 }, parseFallback)).toBe(
      'Fallback response: Status must be a whole number from 100 to 599.',
    );
  });

  it('still accepts every preset', () => {
    for (const preset of ['sms-ack', 'sdk-response', 'smartico-reverse', 'plain'] as const)
      expect(parseRule(rule(preset))).toEqual(rule(preset));
    expect(parseRule(smsAck({ mode: 'percentage', percentage: 100 }))).toBeTruthy();
    // The format keeps a percentage as any number: one id in eight is 12.5.
    expect(parseRule(smsAck({ mode: 'percentage', percentage: 12.5 }))).toBeTruthy();
  });
});
