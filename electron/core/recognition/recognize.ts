import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { Finding } from '../../../shared/domain';
import type { PayloadKind } from '../../../shared/rules';
import { isJsonType, parseMediaType } from '../doctor/content-type';
import {
  PHONE_DIGITS,
  SDK_MESSAGE_SCHEMA,
  SMARTICO_REVERSE_SCHEMA,
  SMS_STATUS_BATCH_SCHEMA,
} from './schemas';

export interface PayloadInput {
  method: string;
  /** Request target with query string. */
  path: string;
  contentType: string | null;
  /**
   * The body as its sender meant it, undone from its Content-Encoding (IncomingRequest.content,
   * decodedBytes); null when it says it is encoded and does not decode: then it is not looked into.
   */
  body: Uint8Array | null;
}

export interface Recognition {
  kind: PayloadKind | null;
  /** Null when the kind is unknown: there is nothing to validate against. */
  valid: boolean | null;
  findings: Finding[];
}

// strictRequired is off: the if/then branches name fields declared once at the top level.
// verbose: each error carries the value it is about, so a finding can say what was received.
const ajv = new Ajv({
  allErrors: true,
  strict: true,
  strictRequired: false,
  allowUnionTypes: true,
  verbose: true,
});
const validators: Record<PayloadKind, ValidateFunction> = {
  'sms-status-batch': ajv.compile(SMS_STATUS_BATCH_SCHEMA),
  'smartico-reverse': ajv.compile(SMARTICO_REVERSE_SCHEMA),
  'sdk-message': ajv.compile(SDK_MESSAGE_SCHEMA),
};

const SMARTICO_KEYS = ['login', 'time', 'view_url', 'channel', 'campaign_name'];
const KNOWN_CHANNELS = new Set(['email', 'sms', 'push', 'popup', 'inbox', 'telegram', 'whatsapp', 'viber']);
/** Items of a large batch checked against the schema, and findings kept per capture. */
const MAX_CHECKED_ITEMS = 500;
const MAX_FINDINGS = 50;

/** Epoch milliseconds of 2001-09-09: anything smaller is almost surely seconds. */
const MIN_EPOCH_MS = 1e12;

/**
 * Recognises a payload from the seeds and checks it against its documented shape. `parsedBody`,
 * when given, returns the body parsed with plain doubles (or undefined), as JSON.parse would.
 */
export function recognizePayload(input: PayloadInput, parsedBody?: () => unknown): Recognition {
  const recognition = recognizeValue(input, parsedBody);
  const body = input.body;
  if (recognition === BROKEN_JSON_RECOGNITION || body === null || !startsWithBom(body)) return recognition;
  if (recognition.kind === null && !startsLikeJson(body)) return recognition;
  // Read past the mark (as the rules answer it), but JSON forbids it: the doctor says invalid, so does the badge.
  return { ...recognition, valid: false, findings: [BOM_FINDING, ...recognition.findings] };
}

const BOM_FINDING: Finding = {
  severity: 'error',
  path: null,
  message:
    'The body starts with a byte-order mark (bytes EF BB BF), which JSON does not allow: strict parsers refuse it. What follows the mark was read.',
};

function startsWithBom(body: Uint8Array): boolean {
  return body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf;
}

function recognizeValue(input: PayloadInput, parsedBody?: () => unknown): Recognition {
  const whole = payloadValue(input, parsedBody);
  if (whole === BROKEN_JSON) return BROKEN_JSON_RECOGNITION;
  const kind = kindOf(whole);
  if (!kind) return { kind: null, valid: null, findings: [] };
  // A batch of thousands of statuses is checked on its first part: the receiver answers while the
  // sender waits, and the first deviations are what a reader needs.
  const value =
    Array.isArray(whole) && whole.length > MAX_CHECKED_ITEMS ? whole.slice(0, MAX_CHECKED_ITEMS) : whole;
  const validate = validators[kind];
  // An `if` error only says that a `then` branch failed; that branch's own error names the field.
  const errors = validate(value)
    ? []
    : oneErrorPerAlternative((validate.errors ?? []).filter((error) => error.keyword !== 'if'));
  const findings: Finding[] = errors.map(toFinding);
  findings.push(...extraChecks(kind, value));
  const shown = findings.length > MAX_FINDINGS ? findings.slice(0, MAX_FINDINGS) : findings;
  if (shown.length < findings.length) {
    shown.push({
      severity: 'info',
      path: null,
      message: `… and ${findings.length - MAX_FINDINGS} more of the same kind.`,
    });
  }
  if (value !== whole && Array.isArray(whole)) {
    shown.push({
      severity: 'info',
      path: null,
      message: `Checked the first ${MAX_CHECKED_ITEMS} of ${whole.length} items against the documented shape.`,
    });
  }
  return { kind, valid: !findings.some((f) => f.severity === 'error'), findings: shown };
}

/** A body that is meant to be JSON (by its Content-Type or its first character) and does not parse. */
const BROKEN_JSON = Symbol('broken JSON');

/**
 * Support finds these by the "Invalid" filter and the badge; where and why is the JSON doctor's
 * part, in the capture's Findings.
 */
const BROKEN_JSON_RECOGNITION: Recognition = {
  kind: null,
  valid: false,
  findings: [
    {
      severity: 'error',
      path: null,
      message: 'The body is not valid JSON: the JSON doctor shows where it breaks, why, and how to fix it.',
    },
  ],
};

/** The JSON body, or for a GET the query string as an object (the reverse integration allows both). */
function payloadValue(input: PayloadInput, parsedBody?: () => unknown): unknown {
  if (input.body === null) return undefined;
  if (input.body.byteLength > 0) {
    // Every kind we know is a JSON object or array; other bodies are parsed only to say they are broken.
    const jsonLike = startsLikeJson(input.body);
    if (!jsonLike && !isJsonType(parseMediaType(input.contentType))) return undefined;
    // The receiver parses each body at most once per view and shares it here.
    const value = parsedBody ? parsedBody() : parsedOrUndefined(input.body);
    if (value === undefined) return BROKEN_JSON;
    return jsonLike ? value : undefined;
  }
  const q = input.path.indexOf('?');
  if (q === -1) return undefined;
  const fields: Record<string, unknown> = {};
  for (const [key, raw] of new URLSearchParams(input.path.slice(q + 1))) {
    // Query values are text; numbers the schema expects as numbers are read as such.
    fields[key] = key === 'time' && /^\d+$/.test(raw) ? Number(raw) : raw;
  }
  return fields;
}

function parsedOrUndefined(body: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    return undefined;
  }
}

function startsLikeJson(body: Uint8Array): boolean {
  for (const byte of startsWithBom(body) ? body.subarray(3) : body) {
    if (byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d) continue;
    return byte === 0x7b || byte === 0x5b; // { or [
  }
  return false;
}

function kindOf(value: unknown): PayloadKind | null {
  if (Array.isArray(value)) {
    return value.length > 0 && value.every((item) => isObject(item) && 'id_sms' in item)
      ? 'sms-status-batch'
      : null;
  }
  if (!isObject(value)) return null;
  if (typeof value.type === 'string' && /^(sms|push)$/i.test(value.type)) return 'sdk-message';
  const smarticoKeys = SMARTICO_KEYS.filter((key) => key in value).length;
  if (smarticoKeys >= 2 && ('login' in value || 'view_url' in value)) return 'smartico-reverse';
  return null;
}

function extraChecks(kind: PayloadKind, value: unknown): Finding[] {
  const findings: Finding[] = [];
  if (kind === 'smartico-reverse' && isObject(value)) {
    const quoted = typeof value.time === 'string' && /^\d+$/.test(value.time);
    const time = quoted ? Number(value.time) : value.time;
    if (typeof time === 'number' && time > 0 && time < MIN_EPOCH_MS) {
      findings.push({
        severity: 'error',
        path: '/time',
        message: `time ${String(value.time)} looks like epoch seconds; the platform sends epoch milliseconds (${time * 1000}).`,
      });
    }
    if (quoted)
      findings.push({
        severity: 'info',
        path: '/time',
        message: `time is the text "${String(value.time)}", as the platform's template advice (numerics in quotes) gives it; the documented example sends a number, so make sure the endpoint reads both.`,
      });
    if (typeof value.channel === 'string' && !KNOWN_CHANNELS.has(value.channel.toLowerCase())) {
      findings.push({
        severity: 'warning',
        path: '/channel',
        message: `channel "${value.channel}" is not one of the documented asset types (Email, SMS, Push).`,
      });
    }
  }
  if (kind === 'sms-status-batch' && Array.isArray(value)) {
    value.forEach((item, i) => {
      if (isObject(item) && item.time === '' && item.state !== 'send') {
        findings.push({
          severity: 'error',
          path: `/${i}/time`,
          message: `${placeOf(`/${i}/time`)} is empty but state is "${String(item.state)}"; only "send" may have an empty time.`,
        });
      }
    });
  }
  if (
    kind === 'sdk-message' &&
    isObject(value) &&
    typeof value.type === 'string' &&
    !/^(SMS|PUSH)$/.test(value.type)
  ) {
    findings.push({
      severity: 'warning',
      path: '/type',
      message: `type should be upper case ("${value.type.toUpperCase()}").`,
    });
  }
  return findings;
}

function toFinding(error: ErrorObject): Finding {
  const where = placeOf(error.instancePath);
  let message: string;
  switch (error.keyword) {
    case 'required':
      message = `${where} is missing the field "${String(error.params.missingProperty)}".`;
      break;
    case 'enum':
      message = `${where} is ${received(error.data)}; it must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}.`;
      break;
    case 'pattern':
      message = `${where} is ${received(error.data)}, an unexpected format${patternHint(error.instancePath, error.data)}.`;
      break;
    case 'type':
      message = `${where} is ${received(error.data)}; it ${error.message ?? 'has the wrong type'}.`;
      break;
    case 'anyOf':
      message = ALTERNATIVES[error.instancePath] ?? `${where} is in none of the accepted forms.`;
      break;
    default:
      message = `${where} ${error.message ?? 'is not valid'}.`;
  }
  return { severity: 'error', path: error.instancePath || null, message };
}

/** A received value as a finding quotes it: JSON, cut short when long. */
function received(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * A JSON pointer in words a reader counts in: `/2/id_sms` → "item 3 → id_sms" (a batch's third
 * status), `` → "the body". The pointer itself stays in the finding's path.
 */
function placeOf(pointer: string): string {
  if (pointer === '') return 'the body';
  return pointer
    .slice(1)
    .split('/')
    .map((segment) =>
      /^\d+$/.test(segment)
        ? `item ${Number(segment) + 1}`
        : segment.replaceAll('~1', '/').replaceAll('~0', '~'),
    )
    .join(' → ');
}

/**
 * A field with alternatives (anyOf) fails each of them and then the whole: Ajv says all three
 * ("must be integer", "unexpected format", "must match a schema in anyOf"). One finding says it.
 */
function oneErrorPerAlternative(errors: ErrorObject[]): ErrorObject[] {
  const alternatives = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  return errors.filter((e) => e.keyword === 'anyOf' || !alternatives.has(e.instancePath));
}

/** What a field with alternatives accepts, in words. */
const ALTERNATIVES: Record<string, string> = {
  '/time': 'time must be epoch milliseconds: a whole number, or its digits in quotes.',
};

function patternHint(path: string, value: unknown): string {
  // An SMS status's time (`/3/time`); the reverse integration's `/time` is a number instead.
  if (/^\/\d+\/time$/.test(path)) return ' (expected "YYYY-MM-DD HH:MM:SS", or empty for state "send")';
  if (path.endsWith('/view_url')) return ' (expected an http(s) URL)';
  if (path.endsWith('/phone')) {
    const rule = `expected ${PHONE_DIGITS.min} to ${PHONE_DIGITS.max} digits, optionally starting with +`;
    // Digits only, so the length is what is wrong: the count shows by how much.
    const digits = typeof value === 'string' ? /^\+?(\d+)$/.exec(value)?.[1] : undefined;
    return digits === undefined ? ` (${rule})` : ` (${rule}; it has ${digits.length})`;
  }
  return '';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
