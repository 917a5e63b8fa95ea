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
