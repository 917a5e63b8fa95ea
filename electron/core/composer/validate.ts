/**
 * Checks composer input from the UI, an imported file or a hand-edited composer.json. Fields a
 * draft may leave out get their defaults (so the editor can preview a half-made request); a
 * field that is present but wrong is refused, naming the field in plain words.
 */
import { randomUUID } from 'node:crypto';
import {
  COMPOSER_TIMEOUT_MS,
  type ComposerAuth,
  type ComposerEnv,
  type ComposerRequest,
  type DataSet,
  type HeaderTemplate,
  isComposerTimeout,
  type JsonValue,
  TIMEOUT_RULE,
} from '../../../shared/composer';
import { CoreError } from '../errors';
import { LosslessNumber } from '../json/lossless';
import { jsonTextError, jsonTextOf } from './data';

export const DEFAULT_COLLECTION = 'Requests';
export const DEFAULT_TIMEOUT_MS = COMPOSER_TIMEOUT_MS.default;
export const MAX_TIMEOUT_MS = COMPOSER_TIMEOUT_MS.max;
/** RFC 9110 token characters: what a header name may hold. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** What `{{env.NAME}}` can reach with a plain Handlebars path. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function newId(prefix: 'req' | 'data'): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

function fail(message: string): never {
  throw new CoreError('bad_request', message);
}

export function objectArg(value: unknown, what = 'The request'): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`${what} must be an object.`);
  return value as Record<string, unknown>;
}

function text(value: unknown, field: string, fallback?: string): string {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'string') fail(`${field} must be text.`);
  return value;
}

function flag(value: unknown, field: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') fail(`${field} must be true or false.`);
  return value;
}

function oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !allowed.includes(value as T))
    fail(`${field} must be ${allowed.map((a) => `"${a}"`).join(' or ')}.`);
  return value as T;
}

export function parseHeaderName(value: unknown, field: string): string {
  const name = text(value, field).trim();
  if (!HEADER_NAME.test(name))
    fail(`${field} "${name}" is not a header name: use letters, digits and - only (no spaces or colons).`);
  return name;
}

function parseHeaders(value: unknown): HeaderTemplate[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail('headers must be a list of {name, valueTemplate}.');
  return value.map((item, i) => {
    const header = objectArg(item, `Header ${i + 1}`);
    return {
      name: parseHeaderName(header.name, `Header ${i + 1}'s name`),
      valueTemplate: text(header.valueTemplate, `Header ${i + 1}'s value`, ''),
    };
  });
}

function parseAuth(value: unknown): ComposerAuth {
  if (value === undefined) return { kind: 'none' };
  const auth = objectArg(value, 'auth');
  switch (auth.kind) {
    case 'none':
      return { kind: 'none' };
    case 'bearer':
      return { kind: 'bearer', tokenTemplate: text(auth.tokenTemplate, 'The bearer token', '') };
    case 'basic':
      return {
        kind: 'basic',
        user: text(auth.user, 'The basic auth user', ''),
        passwordTemplate: text(auth.passwordTemplate, 'The basic auth password', ''),
      };
    case 'hmac':
      return {
        kind: 'hmac',
        headerName: parseHeaderName(auth.headerName ?? 'X-Signature', 'The HMAC header'),
        secretTemplate: text(auth.secretTemplate, 'The HMAC secret', ''),
        algorithm: oneOf(auth.algorithm, 'The HMAC algorithm', ['sha256'] as const, 'sha256'),
        encoding: oneOf(auth.encoding, 'The HMAC encoding', ['hex', 'base64'] as const, 'hex'),
        prefix: text(auth.prefix, 'The HMAC prefix', ''),
      };
    default:
      return fail('auth.kind must be "none", "bearer", "basic" or "hmac".');
  }
}

/** A request from the editor or a file; a missing id means a new request. */
export function parseComposerRequest(input: unknown): ComposerRequest {
  const r = objectArg(input, 'The request definition');
  // Only an absent timeout gets the default: null is what JSON makes of a NaN, i.e. a field left
  // unreadable, and sending with 10 s instead would hide that.
  const timeoutMs = r.timeoutMs === undefined ? DEFAULT_TIMEOUT_MS : r.timeoutMs;
  if (!isComposerTimeout(timeoutMs)) fail(`The timeout must be ${TIMEOUT_RULE}.`);
  const dataSetId = r.dataSetId ?? null;
  if (dataSetId !== null && typeof dataSetId !== 'string') fail('dataSetId must be a data set id or null.');
  const id = r.id === undefined || r.id === '' ? newId('req') : text(r.id, 'id');
  return {
    id,
    name: text(r.name, 'name', 'Untitled request').trim() || 'Untitled request',
    collection: text(r.collection, 'collection', DEFAULT_COLLECTION).trim() || DEFAULT_COLLECTION,
    method: oneOf(r.method, 'method', ['POST', 'GET'] as const, 'POST'),
    urlTemplate: text(r.urlTemplate, 'urlTemplate', ''),
    headers: parseHeaders(r.headers),
    bodyTemplate: text(r.bodyTemplate, 'bodyTemplate', ''),
    bodyMode: oneOf(r.bodyMode, 'bodyMode', ['json-safe', 'raw'] as const, 'json-safe'),
    contentType: text(r.contentType, 'contentType', 'application/json').trim(),
    auth: parseAuth(r.auth),
    timeoutMs: timeoutMs as number,
    followRedirects: flag(r.followRedirects, 'followRedirects', false),
    verifyTls: flag(r.verifyTls, 'verifyTls', true),
    dataSetId,
  };
}

function isJsonValue(value: unknown, depth = 0): value is JsonValue {
  if (depth > 200) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (value instanceof LosslessNumber) return true;
  if (Array.isArray(value)) return value.every((item) => isJsonValue(item, depth + 1));
  if (typeof value === 'object')
    return Object.values(value as Record<string, unknown>).every((item) => isJsonValue(item, depth + 1));
  return false;
}

/**
 * A stored or imported data set: JSON texts, or (files from before texts, collection files)
 * JSON values, which become texts. Values read with parseLossless keep their digits.
 */
export function parseDataSet(input: unknown): DataSet {
  const d = objectArg(input, 'The data set');
  const id = d.id === undefined || d.id === '' ? newId('data') : text(d.id, 'id');
  return {
    id,
    name: text(d.name, 'name', 'Untitled data').trim() || 'Untitled data',
    stateText: dataText(d.stateText, d.state, 'state'),
    eventText: dataText(d.eventText, d.event, 'event'),
  };
}

function dataText(textValue: unknown, value: unknown, label: 'state' | 'event'): string {
  if (textValue !== undefined) {
    const written = text(textValue, `${label}Text`);
    const problem = jsonTextError(written.trim() === '' ? '{}' : written);
    if (problem !== null) fail(`The ${label} is not valid JSON: ${problem}.`);
    return written;
  }
  if (!isJsonValue(value ?? {})) fail(`A data set's ${label} must be a JSON value.`);
  return jsonTextOf(value);
}

export function parseEnv(input: unknown): ComposerEnv {
  const env = objectArg(input, 'env');
  const result: ComposerEnv = {};
  for (const [name, value] of Object.entries(env)) {
    if (!ENV_NAME.test(name))
      fail(`"${name}" cannot be a variable name: start with a letter or _, then letters, digits or _.`);
    if (typeof value !== 'string') fail(`The value of ${name} must be text.`);
    result[name] = value;
  }
  return result;
}
