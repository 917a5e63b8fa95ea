import { describe, expect, it } from 'vitest';
import { recognizePayload } from '../../electron/core/recognition/recognize';

const batch = (n: number, state: (i: number) => string) =>
  Buffer.from(
    JSON.stringify(
      Array.from({ length: n }, (_, i) => ({ id_sms: i + 1, time: '2011-01-01 12:57:46', state: state(i) })),
    ),
  );

describe('recognition of large batches', () => {
  it('checks the first 500 statuses of a larger batch and says so', () => {
    const result = recognizePayload({
      method: 'POST',
      path: '/sms',
      contentType: 'application/json',
      body: batch(2000, () => 'deliver'),
    });
    expect(result).toMatchObject({ kind: 'sms-status-batch', valid: true });
    expect(result.findings).toEqual([
      {
        severity: 'info',
        path: null,
        message: 'Checked the first 500 of 2000 items against the documented shape.',
      },
    ]);
  });

  it('keeps at most 50 findings and counts the rest', () => {
    const result = recognizePayload({
      method: 'POST',
      path: '/sms',
      contentType: 'application/json',
      body: batch(300, () => 'lost'),
    });
    expect(result.valid).toBe(false);
    expect(result.findings).toHaveLength(51);
    expect(result.findings.at(-1)?.message).toBe('… and 250 more of the same kind.');
  });
});
