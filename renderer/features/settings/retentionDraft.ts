import type { RetentionSettings } from '../../../shared/domain';

/** The form's text fields; empty means "no limit". */
export interface RetentionDraft {
  maxCaptures: string;
  maxAgeDays: string;
  maxMiB: string;
}

const MIB = 1024 * 1024;

export function draftFromRetention(retention: RetentionSettings): RetentionDraft {
  return {
    maxCaptures: retention.maxCaptures === null ? '' : String(retention.maxCaptures),
    maxAgeDays: retention.maxAgeDays === null ? '' : String(retention.maxAgeDays),
    maxMiB: retention.maxBytes === null ? '' : String(Math.round((retention.maxBytes / MIB) * 100) / 100),
  };
}

export type RetentionValidation =
  | { ok: true; value: RetentionSettings }
  | { ok: false; errors: Partial<Record<keyof RetentionDraft, string>> };

/** Empty is unlimited; anything else must be a positive number (whole for counts). */
export function validateRetentionDraft(draft: RetentionDraft): RetentionValidation {
  const errors: Partial<Record<keyof RetentionDraft, string>> = {};
  const read = (field: keyof RetentionDraft, whole: boolean, label: string): number | null => {
    const text = draft[field].trim();
    if (text === '') return null;
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0 || (whole && !Number.isInteger(value))) {
      errors[field] = `${label} must be a positive ${whole ? 'whole ' : ''}number, or empty for no limit.`;
      return null;
    }
    return value;
  };
  const maxCaptures = read('maxCaptures', true, 'The number of captures');
  const maxAgeDays = read('maxAgeDays', false, 'The age in days');
  const maxMiB = read('maxMiB', false, 'The size');
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: { maxCaptures, maxAgeDays, maxBytes: maxMiB === null ? null : Math.round(maxMiB * MIB) },
  };
}
