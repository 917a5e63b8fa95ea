/**
 * Ajv's errors about a rule or the fallback response, as one plain sentence naming the field the
 * way the editor does ("Response 2 status must be a whole number from 100 to 599.").
 */
import type { ErrorObject } from 'ajv';

/** The words for where a problem is, from the error's instance path split in segments. */
type Labeler = (path: readonly string[]) => string;

/**
 * One sentence naming the field and what is wrong with it in plain words, e.g.
 * "Percentage must be a number from 0 to 100, decimals allowed."
 */
export function describeRuleError(errors: ErrorObject[] | null | undefined, label: Labeler): string {
  const error = pickError(errors ?? []);
  if (!error) return 'The rule is not valid.';
  const path = error.instancePath === '' ? [] : error.instancePath.slice(1).split('/');
  return `${label(path)} ${predicate(error)}.`;
}

/**
 * The error that says what is wrong. Alternatives such as "null, or a delay" report a miss for
 * each branch and then a summary; the summary and the "must be null" of an optional value say
 * nothing useful when the value is there but wrong, so the branch that was meant is chosen.
 */
function pickError(errors: readonly ErrorObject[]): ErrorObject | undefined {
  const telling = errors.filter((error) => error.keyword !== 'anyOf' && error.keyword !== 'oneOf');
  const notNull = telling.filter((error) => !(error.keyword === 'type' && error.params.type === 'null'));
  return notNull[0] ?? telling[0] ?? errors[0];
}

const numberFormat = new Intl.NumberFormat('en-US');
const formatNumber = (value: unknown) =>
  typeof value === 'number' ? numberFormat.format(value) : String(value);
const quote = (value: unknown) => (value === null ? 'none' : `"${String(value)}"`);

const TYPE_WORDS: Record<string, string> = {
  integer: 'must be a whole number',
  number: 'must be a number',
  string: 'must be text',
  boolean: 'must be true or false',
  array: 'must be a list',
  object: 'must be an object',
  null: 'must be empty (null)',
};

const PATTERN_WORDS: Record<string, string> = {
  '^/': 'must start with "/"',
  '^https?://': 'must start with http:// or https://',
  '^[A-Z]+$': 'must be a method name in capital letters, like POST',
  "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$": "is not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only)",
};

/** What is wrong, as the rest of a sentence that starts with the field's name. */
function predicate(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const schema = (error.parentSchema ?? {}) as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `is missing "${String(params.missingProperty)}"`;
    case 'additionalProperties':
      return `has an unknown field "${String(params.additionalProperty)}"`;
    case 'type':
      return TYPE_WORDS[String(params.type)] ?? `must be of type ${String(params.type)}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return range(schema);
    case 'enum':
      return `must be one of ${((params.allowedValues as unknown[]) ?? []).map(quote).join(', ')}`;
    case 'const':
      return `must be ${quote(params.allowedValue)}`;
    case 'pattern':
      return (
        PATTERN_WORDS[String(params.pattern)] ?? `is not in the expected form (${String(params.pattern)})`
      );
    case 'minLength':
      return params.limit === 1
        ? 'must not be empty'
        : `must be at least ${formatNumber(params.limit)} characters long`;
    case 'maxLength':
      return `must be at most ${formatNumber(params.limit)} characters long`;
    case 'minItems':
      return `must have at least ${formatNumber(params.limit)} ${params.limit === 1 ? 'item' : 'items'}`;
    case 'maxItems':
      return `must have at most ${formatNumber(params.limit)} items`;
    case 'discriminator': {
      if (params.error === 'tag') return `has a "${String(params.tag)}" that is not text`;
      const kinds = branchKinds(schema, String(params.tag));
      const expected = kinds.length > 0 ? ` (expected ${kinds.map(quote).join(', ')})` : '';
      return `has an unknown ${String(params.tag)} ${quote(params.tagValue)}${expected}`;
    }
    default:
      return error.message ?? 'is not valid';
  }
}

/**
 * "must be a number from 0 to 100, decimals allowed", "must be a whole number from 100 to 599",
 * "must be at least 0": a range says whether it takes decimals, or 12.5 seems refused for its range.
 */
function range(schema: Record<string, unknown>): string {
  const whole = schema.type === 'integer';
  const min = schema.minimum ?? schema.exclusiveMinimum;
  const max = schema.maximum ?? schema.exclusiveMaximum;
  const above = schema.exclusiveMinimum !== undefined ? 'above' : 'at least';
  const below = schema.exclusiveMaximum !== undefined ? 'below' : 'at most';
  if (
    min !== undefined &&
    max !== undefined &&
    schema.exclusiveMinimum === undefined &&
    schema.exclusiveMaximum === undefined
  )
    return whole
      ? `must be a whole number from ${formatNumber(min)} to ${formatNumber(max)}`
      : `must be a number from ${formatNumber(min)} to ${formatNumber(max)}, decimals allowed`;
  const parts = [
    ...(min !== undefined ? [`${above} ${formatNumber(min)}`] : []),
    ...(max !== undefined ? [`${below} ${formatNumber(max)}`] : []),
  ];
  return `must be ${whole ? 'a whole number ' : ''}${parts.join(' and ')}`;
}

/** The kinds a discriminated `oneOf` accepts, for "expected …". */
function branchKinds(schema: Record<string, unknown>, tag: string): unknown[] {
  const branches = Array.isArray(schema.oneOf) ? (schema.oneOf as Record<string, unknown>[]) : [];
  return branches.flatMap((branch) => {
    const property = (branch.properties as Record<string, Record<string, unknown>> | undefined)?.[tag];
    if (!property) return [];
    if ('const' in property) return [property.const];
    return Array.isArray(property.enum) ? property.enum : [];
  });
}

const ordinal = (segment: string | undefined) => Number(segment) + 1;
/** "Response 2" + "Status" → "Response 2 status"; no prefix → "Status". */
const within = (prefix: string, field: string) =>
  prefix === '' ? field : `${prefix} ${field.charAt(0).toLowerCase()}${field.slice(1)}`;

/** The field of a rule as the editor names it, e.g. `responder/responses/1/status` → "Response 2 status". */
export function ruleFieldLabel(path: readonly string[], rule: unknown): string {
  const [head, ...rest] = path;
  switch (head) {
    case undefined:
      return 'The rule';
    case 'name':
      return 'Name';
    case 'id':
      return 'Id';
    case 'enabled':
      return 'Enabled';
    case 'cors':
      return 'CORS';
    case 'match':
      return matchLabel(rest);
    case 'responder':
      return responderLabel(rest, responseCount(rule));
    case 'delay':
      if (rest[0] === 'minMs') return 'Minimum delay (ms)';
      if (rest[0] === 'maxMs') return 'Maximum delay (ms)';
      return rest.length === 0 ? 'The delay' : within('The delay', rest.join(' '));
    case 'forward':
      if (rest[0] === 'url') return 'Forwarding target URL';
      if (rest[0] === 'timeoutMs') return 'Forwarding timeout (ms)';
      return rest.length === 0 ? 'Forwarding' : within('Forwarding', rest.join(' '));
    default:
      return path.join(' ');
  }
}

function responseCount(rule: unknown): number {
  const responses = (rule as { responder?: { responses?: unknown } } | null)?.responder?.responses;
  return Array.isArray(responses) ? responses.length : 0;
}

const CONDITION_LISTS: Record<string, string> = {
  query: 'Query condition',
  headers: 'Header condition',
  bodyJson: 'Body JSON condition',
};

function matchLabel(path: readonly string[]): string {
  const [head, index, field] = path;
  switch (head) {
    case undefined:
      return 'The match';
    case 'methods':
      return index === undefined ? 'Methods' : `Method ${ordinal(index)}`;
    case 'path':
      if (index === 'value') return 'Path value';
      if (index === 'kind') return 'Path kind';
      return 'The path condition';
    case 'bodyText':
      if (index === 'value') return 'Body text value';
      if (index === 'test') return 'Body text test';
      return 'The body text condition';
    case 'payloadKind':
      return 'Payload kind';
  }
  const list = CONDITION_LISTS[head];
  if (!list) return path.join(' ');
  if (index === undefined) return `${list}s`;
  const condition = `${list} ${ordinal(index)}`;
  return field === undefined ? condition : `${condition} ${field}`;
}

const RESPONDER_FIELDS: Record<string, string> = {
  kind: 'Responder kind',
  mode: 'Mode',
  percentage: 'Percentage',
  seed: 'Seed',
  ids: 'Ids',
  statusCode: 'Status code',
  bearerToken: 'Bearer token',
  responses: 'Responses',
};

function responderLabel(path: readonly string[], responses: number): string {
  const [head, index, ...rest] = path;
  if (head === undefined) return 'The responder';
  if (head === 'ids' && index !== undefined) return `Id ${ordinal(index)}`;
  if (head === 'responses' && index !== undefined) {
    // One response is just "Status"; among several, "Response 2 status".
    const prefix = responses > 1 ? `Response ${ordinal(index)}` : '';
    return rest.length === 0 ? prefix || 'The response' : within(prefix, variantLabel(rest));
  }
  return RESPONDER_FIELDS[head] ?? path.join(' ');
}

const VARIANT_FIELDS: Record<string, string> = {
  status: 'Status',
  weight: 'Weight',
  body: 'Body template',
  bodyMode: 'Body mode',
  headers: 'Response headers',
};

const FAULT_FIELDS: Record<string, string> = {
  kind: 'Fault kind',
  chunkBytes: 'Bytes per chunk',
  intervalMs: 'Trickle interval (ms)',
};

function variantLabel(path: readonly string[]): string {
  const [head, index, part] = path;
  if (head === 'headers' && index !== undefined) return headerLabel('Response header', index, part);
  if (head === 'fault') return index === undefined ? 'Fault' : (FAULT_FIELDS[index] ?? `Fault ${index}`);
  return (head !== undefined && VARIANT_FIELDS[head]) || path.join(' ');
}

function headerLabel(name: string, index: string, part: string | undefined): string {
  const header = `${name} ${ordinal(index)}`;
  if (part === '0') return `${header} name`;
  if (part === '1') return `${header} value`;
  return header;
}

/** The fallback response's fields, as its editor names them. */
export function fallbackFieldLabel(path: readonly string[]): string {
  const [head, index, part] = path;
  if (head === undefined) return 'The fallback response';
  if (head === 'headers' && index !== undefined) return headerLabel('Header', index, part);
  if (head === 'status') return 'Status';
  if (head === 'body') return 'Body';
  if (head === 'headers') return 'Headers';
  return path.join(' ');
}
