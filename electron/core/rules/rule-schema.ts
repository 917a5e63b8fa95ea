/**
 * JSON Schema of a rule set as saved, exported and imported (validated with ajv, with its
 * `discriminator` keyword on: a `oneOf` whose branches differ by `kind` checks only the branch of
 * the value's own kind, so a refusal names that branch's field, not another branch's).
 */
const valueTest = { enum: ['present', 'equals', 'contains', 'regex'] };
const fieldCondition = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'test'],
  properties: { name: { type: 'string', minLength: 1 }, test: valueTest, value: { type: 'string' } },
};
const headerPair = {
  type: 'array',
  minItems: 2,
  maxItems: 2,
  items: [{ type: 'string', minLength: 1, pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$" }, { type: 'string' }],
};
const status = { type: 'integer', minimum: 100, maximum: 599 };

const fault = {
  type: 'object',
  discriminator: { propertyName: 'kind' },
  required: ['kind'],
  oneOf: [
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind'],
      properties: { kind: { enum: ['close', 'reset', 'hang', 'invalid-json'] } },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'chunkBytes', 'intervalMs'],
      properties: {
        kind: { const: 'trickle' },
        chunkBytes: { type: 'integer', minimum: 1, maximum: 65536 },
        intervalMs: { type: 'integer', minimum: 1, maximum: 60000 },
      },
    },
  ],
};

const responseVariant = {
  type: 'object',
  additionalProperties: false,
  required: ['status', 'headers', 'body', 'bodyMode', 'fault', 'weight'],
  properties: {
    status,
    headers: { type: 'array', items: headerPair, maxItems: 100 },
    body: { type: 'string', maxLength: 10_000_000 },
    bodyMode: { enum: ['json-safe', 'raw'] },
    fault: { anyOf: [{ type: 'null' }, fault] },
    weight: { type: 'number', minimum: 0 },
  },
};

const responder = {
  type: 'object',
  discriminator: { propertyName: 'kind' },
  required: ['kind'],
  oneOf: [
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'mode', 'responses'],
      properties: {
        kind: { const: 'responses' },
        mode: { enum: ['sequential', 'random', 'weighted'] },
        responses: { type: 'array', minItems: 1, maxItems: 100, items: responseVariant },
      },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'mode', 'ids', 'percentage', 'seed'],
      properties: {
        kind: { const: 'sms-ack' },
        mode: {
          enum: [
            'all',
            'none',
            'only-listed',
            'all-except-listed',
            'percentage',
            'final-states',
            'wrong-shape-strings',
            'wrong-shape-object',
          ],
        },
        ids: { type: 'array', items: { type: 'string' }, maxItems: 100_000 },
        percentage: { type: 'number', minimum: 0, maximum: 100 },
        seed: { type: 'integer' },
      },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'statusCode', 'bearerToken'],
      properties: {
        kind: { const: 'sdk-response' },
        statusCode: { enum: ['000', '001', '900', '999'] },
        bearerToken: { anyOf: [{ type: 'null' }, { type: 'string', minLength: 1 }] },
      },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind'],
      properties: { kind: { const: 'smartico-reverse' } },
    },
  ],
};

export const RULE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'enabled', 'match', 'responder', 'delay', 'cors'],
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 100 },
    name: { type: 'string', maxLength: 200 },
    enabled: { type: 'boolean' },
    cors: { type: 'boolean' },
    forward: {
      anyOf: [
        { type: 'null' },
        {
          type: 'object',
          additionalProperties: false,
          required: ['url', 'rebase', 'passthrough', 'timeoutMs'],
          properties: {
            url: { type: 'string', pattern: '^https?://' },
            rebase: { type: 'boolean' },
            passthrough: { type: 'boolean' },
            timeoutMs: { type: 'integer', minimum: 1, maximum: 600_000 },
          },
        },
      ],
    },
    delay: {
      anyOf: [
        { type: 'null' },
        {
          type: 'object',
          additionalProperties: false,
          required: ['minMs', 'maxMs'],
          properties: {
            minMs: { type: 'integer', minimum: 0, maximum: 600_000 },
            maxMs: { type: 'integer', minimum: 0, maximum: 600_000 },
          },
        },
      ],
    },
    match: {
      type: 'object',
      additionalProperties: false,
      required: ['methods', 'path', 'query', 'headers', 'bodyJson', 'bodyText', 'payloadKind'],
      properties: {
        methods: { type: 'array', items: { type: 'string', pattern: '^[A-Z]+$' } },
        path: {
          type: 'object',
          discriminator: { propertyName: 'kind' },
          required: ['kind'],
          oneOf: [
            {
              type: 'object',
              additionalProperties: false,
              required: ['kind'],
              properties: { kind: { const: 'any' } },
            },
            {
              type: 'object',
              additionalProperties: false,
              required: ['kind', 'value'],
              properties: {
                kind: { enum: ['exact', 'prefix', 'pattern'] },
                value: { type: 'string', pattern: '^/' },
              },
            },
          ],
        },
        query: { type: 'array', items: fieldCondition },
        headers: { type: 'array', items: fieldCondition },
        bodyJson: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['path', 'test'],
            properties: {
              path: { type: 'string', minLength: 1 },
              test: valueTest,
              value: { type: 'string' },
            },
          },
        },
        bodyText: {
          anyOf: [
            { type: 'null' },
            {
              type: 'object',
              additionalProperties: false,
              required: ['test', 'value'],
              properties: { test: { enum: ['contains', 'regex'] }, value: { type: 'string', minLength: 1 } },
            },
          ],
        },
        payloadKind: { enum: [null, 'sms-status-batch', 'smartico-reverse', 'sdk-message'] },
      },
    },
    responder,
  },
} as const;

export const FALLBACK_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['status', 'headers', 'body'],
  properties: { status, headers: { type: 'array', items: headerPair }, body: { type: 'string' } },
} as const;
