/**
 * JSON Schemas of the payloads in ../shared/seeds, as Hookbench checks them.
 * Where a seed is vague the choice is documented in docs/integrations.md.
 */
export const SMS_STATUS_BATCH_SCHEMA = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    required: ['id_sms', 'time', 'state'],
    properties: {
      id_sms: { type: 'integer', minimum: 0 },
      time: { type: 'string', pattern: '^(|\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})$' },
      state: { enum: ['send', 'not_deliver', 'expired', 'deliver', 'read', 'partly_deliver'] },
    },
  },
} as const;

export const SMARTICO_REVERSE_SCHEMA = {
  type: 'object',
  required: ['login', 'time', 'view_url', 'channel', 'campaign_name'],
  properties: {
    login: { type: ['string', 'integer'], minLength: 1 },
    // A number, or its digits as text: the platform's template advice is to quote numerics.
    time: {
      anyOf: [
        { type: 'integer', minimum: 0 },
        { type: 'string', pattern: '^\\d+$' },
      ],
    },
    view_url: { type: 'string', pattern: '^https?://\\S+$' },
    channel: { type: 'string', minLength: 1 },
    campaign_name: { type: 'string', minLength: 1 },
  },
} as const;

/** How many digits an SDK message's phone may have (E.164 allows 15); findings say the same range. */
export const PHONE_DIGITS = { min: 6, max: 15 } as const;

/** The SDK seed lost its request examples; this model is Hookbench's (docs/integrations.md). */
export const SDK_MESSAGE_SCHEMA = {
  type: 'object',
  required: ['type', 'message_id', 'text'],
  properties: {
    type: { enum: ['SMS', 'PUSH'] },
    message_id: { type: 'string', minLength: 1 },
    text: { type: 'string', minLength: 1 },
    phone: { type: 'string', pattern: `^\\+?[0-9]{${PHONE_DIGITS.min},${PHONE_DIGITS.max}}$` },
    sender: { type: 'string' },
    device_token: { type: 'string', minLength: 1 },
    title: { type: 'string', minLength: 1 },
    platform: { enum: ['ios', 'android', 'web'] },
    data: { type: 'object' },
  },
  allOf: [
    // biome-ignore lint/suspicious/noThenProperty: `then` is a JSON Schema keyword here, not a thenable.
    { if: { properties: { type: { const: 'SMS' } } }, then: { required: ['phone'] } },
    // biome-ignore lint/suspicious/noThenProperty: as above.
    { if: { properties: { type: { const: 'PUSH' } } }, then: { required: ['device_token', 'title'] } },
  ],
} as const;
