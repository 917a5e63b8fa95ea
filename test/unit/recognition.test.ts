import { describe, expect, it } from 'vitest';
import { recognizePayload } from '../../electron/core/recognition/recognize';

const recognize = (body: string, contentType: string | null = 'application/json') =>
  recognizePayload({ method: 'POST', path: '/hook', contentType, body: Buffer.from(body) });

const reverseBody = (fields: Record<string, unknown>) =>
  JSON.stringify({
    login: '1',
    view_url: 'https://v.example/1',
    channel: 'SMS',
    campaign_name: 'RND',
    ...fields,
  });

describe('recognition of bodies meant to be JSON that do not parse', () => {
  it('marks them invalid, with a finding that sends the reader to the doctor', () => {
    for (const [body, type] of [
      ['{"level_name": "My level with " inside"}', 'application/json'],
      ['[{"id_sms":1,"time":"","state":"send"},]', null],
      ['not json at all', 'application/json; charset=utf-8'],
      ['{"a": 1', 'text/plain'],
    ] as const) {
      const result = recognize(body, type);
      expect(result, body).toMatchObject({ kind: null, valid: false });
      expect(result.findings.map((f) => f.message)).toEqual([
        'The body is not valid JSON: the JSON doctor shows where it breaks, why, and how to fix it.',
      ]);
    }
  });

  it('leaves bodies that are not meant to be JSON, and JSON of no known kind, unjudged', () => {
    for (const [body, type] of [
      ['plain text', 'text/plain'],
      ['a=1&b=2', 'application/x-www-form-urlencoded'],
      ['{"any": "object"}', 'application/json'],
      ['"a JSON string"', 'application/json'],
    ] as const)
      expect(recognize(body, type), body).toEqual({ kind: null, valid: null, findings: [] });
  });
});

describe('encoded bodies', () => {
  it('one that says it is encoded and does not decode (no body to read) is not called broken JSON', () => {
    const result = recognizePayload({
      method: 'POST',
      path: '/gz',
      contentType: 'application/json',
      body: null,
    });
    expect(result).toEqual({ kind: null, valid: null, findings: [] });
  });
});

describe('the reverse integration’s time', () => {
  const reverse = (time: unknown) => recognize(reverseBody({ time }));

  it('is valid as a number or as its digits in quotes (the composer lint advises quotes), with a note', () => {
    expect(reverse(1664115803000)).toEqual({ kind: 'smartico-reverse', valid: true, findings: [] });
    const quoted = reverse('1664115803000');
    expect(quoted).toMatchObject({ kind: 'smartico-reverse', valid: true });
    expect(quoted.findings).toEqual([
      expect.objectContaining({
        severity: 'info',
        path: '/time',
        message: expect.stringContaining('"1664115803000"'),
      }),
    ]);
  });

  it('still says when it looks like seconds, quoted or not, and refuses text that is not digits', () => {
    expect(reverse('1664115803')).toMatchObject({ valid: false });
    expect(reverse('1664115803').findings[0]?.message).toContain('looks like epoch seconds');
    expect(reverse('yesterday')).toMatchObject({ valid: false });
  });
});

describe('where a finding is', () => {
  it('counts items from 1 and keeps the JSON pointer as the path', () => {
    const result = recognize(
      '[{"id_sms":1,"time":"","state":"send"},{"id_sms":2,"time":"","state":"send"},{"id_sms":"x","time":"","state":"send"}]',
    );
    expect(result.findings).toEqual([
      { severity: 'error', path: '/2/id_sms', message: 'item 3 → id_sms is "x"; it must be integer.' },
    ]);
  });

  it('says what was received where a value is wrong, and which item an empty time belongs to', () => {
    const result = recognize(
      '[{"id_sms":1,"time":"2011-01-01 12:57:46","state":"bogus"},{"id_sms":2,"time":"","state":"deliver"}]',
    );
    const messages = result.findings.map((f) => f.message);
    expect(messages).toContain(
      'item 1 → state is "bogus"; it must be one of "send", "not_deliver", "expired", "deliver", "read", "partly_deliver".',
    );
    expect(messages).toContain(
      'item 2 → time is empty but state is "deliver"; only "send" may have an empty time.',
    );
  });
});

describe('a field with alternatives', () => {
  it('gets one finding in words, not one per alternative', () => {
    const result = recognize(reverseBody({ time: 'yesterday' }));
    expect(result.findings).toEqual([
      {
        severity: 'error',
        path: '/time',
        message: 'time must be epoch milliseconds: a whole number, or its digits in quotes.',
      },
    ]);
  });
});

describe('a body with a byte-order mark', () => {
  it('is recognised for what follows the mark, and invalid, as the doctor says', () => {
    const batch = '\uFEFF[{"id_sms":7001,"time":"2011-01-03 10:00:00","state":"deliver"}]';
    const result = recognize(batch);
    expect(result.kind).toBe('sms-status-batch');
    expect(result.valid).toBe(false);
    expect(result.findings[0]?.message).toMatch(/^The body starts with a byte-order mark \(bytes EF BB BF\)/);
    // JSON of no known kind too; text that is not JSON is left alone.
    expect(recognize('\uFEFF{"a":1}')).toMatchObject({ kind: null, valid: false });
    expect(recognize('\uFEFFhello', 'text/plain')).toEqual({ kind: null, valid: null, findings: [] });
  });
});

describe('the SDK message’s phone', () => {
  const sms = (phone: string) =>
    recognize(JSON.stringify({ type: 'SMS', message_id: 'm-1', text: 'Hello', phone }));

  it('says the length rule, and how many digits there were, when the digits are too few or too many', () => {
    expect(sms('+123').findings).toEqual([
      {
        severity: 'error',
        path: '/phone',
        message:
          'phone is "+123", an unexpected format (expected 6 to 15 digits, optionally starting with +; it has 3).',
      },
    ]);
    expect(sms('1234567890123456').findings[0]?.message).toBe(
      'phone is "1234567890123456", an unexpected format (expected 6 to 15 digits, optionally starting with +; it has 16).',
    );
  });

  it('says the rule alone when the value is not digits at all, and accepts both ends of the range', () => {
    expect(sms('+37 060').findings[0]?.message).toBe(
      'phone is "+37 060", an unexpected format (expected 6 to 15 digits, optionally starting with +).',
    );
    expect(sms('123456')).toMatchObject({ kind: 'sdk-message', valid: true });
    expect(sms('+123456789012345')).toMatchObject({ kind: 'sdk-message', valid: true });
  });
});
