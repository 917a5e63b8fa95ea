import type { PayloadKind } from '../../../shared/rules';

/**
 * Short names of the recognised payload kinds, for badges. The list badge says
 * "SMS" (the row is narrow; its tooltip has the full name).
 */
export const KIND_BADGES: Record<PayloadKind, string> = {
  'sms-status-batch': 'SMS',
  'smartico-reverse': 'Reverse',
  'sdk-message': 'SDK',
};

/** Full names, for tooltips, the detail header and the filter's quick buttons. */
export const KIND_NAMES: Record<PayloadKind, string> = {
  'sms-status-batch': 'SMS status',
  'smartico-reverse': 'Reverse',
  'sdk-message': 'SDK',
};

/**
 * The validity badge's words and tooltip: a recognised payload against its documented shape, or
 * (no kind, not valid) a body meant to be JSON that does not parse. `short` fits a list row.
 * Null: nothing to say.
 */
export function validityWords(capture: {
  kind: PayloadKind | null;
  valid: boolean | null;
}): { label: string; short: string; title: string } | null {
  if (capture.valid === null) return null;
  if (capture.valid) return { label: 'valid', short: 'valid', title: 'Matches the documented shape' };
  if (capture.kind === null)
    return { label: 'broken JSON', short: 'broken', title: 'The body is not valid JSON' };
  return { label: 'invalid', short: 'invalid', title: 'Recognised, but not the documented shape' };
}
