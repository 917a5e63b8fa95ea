import { describe, expect, it } from 'vitest';
import {
  draftFromRetention,
  validateRetentionDraft,
} from '../../../renderer/features/settings/retentionDraft';

describe('retention form', () => {
  it('shows no limit as an empty field and round-trips MiB', () => {
    const draft = draftFromRetention({ maxCaptures: 1000, maxAgeDays: null, maxBytes: 512 * 1024 * 1024 });
    expect(draft).toEqual({ maxCaptures: '1000', maxAgeDays: '', maxMiB: '512' });
    expect(validateRetentionDraft(draft)).toEqual({
      ok: true,
      value: { maxCaptures: 1000, maxAgeDays: null, maxBytes: 512 * 1024 * 1024 },
    });
  });

  it('names each field that is not a positive number', () => {
    const result = validateRetentionDraft({ maxCaptures: '2.5', maxAgeDays: '-1', maxMiB: 'lots' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.maxCaptures).toMatch(/whole number/);
    expect(result.errors.maxAgeDays).toMatch(/positive number/);
    expect(result.errors.maxMiB).toMatch(/positive number/);
  });
});
