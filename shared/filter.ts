/**
 * The capture filter language, shared by the UI's search bar, the core's
 * queries and the CLI's `--filter`. Terms are separated by spaces; values
 * with spaces go in double quotes:
 *
 *   method:POST,PUT  path:/sms  status:4xx  status:200-299  header:x-signature  header:"user-agent=curl"
 *   body:"RND Flow"  kind:sms-status-batch  kind:none  valid:no  bucket:some-secret-123
 *   after:2026-11-01  before:"2026-11-21 12:00"  is:pinned  is:truncated
 *   $.campaign_name="RND Flow"  $[*].id_sms=3234  $.login  $.channel!=SMS  $.view_url~https
 *   anything else: found in the path or the body
 */
import type { PayloadKind } from './rules';

export type JsonPathOp = 'exists' | '=' | '!=' | '~';

export interface JsonPathFilter {
  path: string;
  op: JsonPathOp;
  /** For = and !=: a JSON literal (number, true, false, null, "text") or bare text. */
  value?: string | number | boolean | null;
  /**
   * A whole number a double cannot hold exactly (an id_sms past 2^53), as written: compared digit
   * for digit with the number in the body, where `value` would be rounded.
   */
  digits?: string;
}

export interface CaptureFilter {
  methods?: string[];
  pathContains?: string[];
  status?: { min: number; max: number }[];
  headers?: { name: string; valueContains?: string }[];
  bodyContains?: string[];
  /** Path or body contains each of these. */
  text?: string[];
  kinds?: (PayloadKind | 'none')[];
  valid?: boolean;
  after?: number;
  before?: number;
  bucket?: string;
  pinned?: boolean;
  truncated?: boolean;
  json?: JsonPathFilter[];
}

export class FilterSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = 'FilterSyntaxError';
  }
}

const FILTER_KEYS = new Set([
  'method',
  'path',
  'status',
  'header',
  'body',
  'kind',
  'valid',
  'after',
  'before',
  'bucket',
  'is',
]);
const KINDS = new Set(['sms-status-batch', 'smartico-reverse', 'sdk-message', 'none']);

/** Splits on spaces outside double quotes; `\"` inside quotes is a quote. */
function tokens(text: string): { value: string; at: number }[] {
  const out: { value: string; at: number }[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i] as string)) i++;
    if (i >= text.length) break;
    const at = i;
    let value = '';
    let quoted = false;
    while (i < text.length && (quoted || !/\s/.test(text[i] as string))) {
      const ch = text[i] as string;
      if (ch === '"') {
        quoted = !quoted;
        value += ch;
      } else if (ch === '\\' && quoted && text[i + 1] === '"') {
        value += '\\"';
        i++;
      } else {
        value += ch;
      }
      i++;
    }
    if (quoted) throw new FilterSyntaxError(`A quote opened at position ${at + 1} is never closed.`, at);
    out.push({ value, at });
  }
  return out;
}

/** Removes one pair of surrounding quotes and unescapes inner ones. */
function unquote(text: string): string {
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"'))
    return text.slice(1, -1).replaceAll('\\"', '"');
  return text.replaceAll('"', '');
}

function parseStatus(value: string, at: number): { min: number; max: number } {
  // 0: nothing was answered (the request ended before it was complete).
  if (value === '0') return { min: 0, max: 0 };
  let m = /^([1-5])xx$/i.exec(value);
  if (m) return { min: Number(m[1]) * 100, max: Number(m[1]) * 100 + 99 };
  m = /^(\d{3})(?:-(\d{3}))?$/.exec(value);
  if (m) return { min: Number(m[1]), max: Number(m[2] ?? m[1]) };
  throw new FilterSyntaxError(
    `status takes a code (404), a class (4xx), a range (200-299) or 0 (not answered), not "${value}".`,
    at,
  );
}

function parseTime(value: string, at: number): number {
  const normalised = /^\d{4}-\d{2}-\d{2} \d/.test(value) ? value.replace(' ', 'T') : value;
  const time = Date.parse(normalised);
  if (Number.isNaN(time))
    throw new FilterSyntaxError(`"${value}" is not a date (try 2026-11-21 or "2026-11-21 12:00").`, at);
  return time;
}

function jsonValue(text: string): string | number | boolean | null {
  const trimmed = text.trim();
  if (trimmed.startsWith('"')) {
    try {
      return JSON.parse(trimmed) as string;
    } catch {
      return unquote(trimmed);
    }
  }
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  if (trimmed === 'null') return null;
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(trimmed)) return Number(trimmed);
  return trimmed;
}

function parseJsonTerm(term: string): JsonPathFilter {
  const m = /^(\$[^=!~]*?)\s*(!=|=|~)(.*)$/.exec(term);
  if (!m) return { path: term, op: 'exists' };
  const op = m[2] as JsonPathOp;
  const raw = m[3] ?? '';
  const value = op === '~' ? unquote(raw) : jsonValue(raw);
  const digits = raw.trim();
  const exact = typeof value === 'number' && /^-?\d+$/.test(digits) && !Number.isSafeInteger(value);
  return { path: m[1] as string, op, value, ...(exact ? { digits } : {}) };
}

export function parseFilter(text: string): CaptureFilter {
  const filter: CaptureFilter = {};
  const push = <K extends keyof CaptureFilter>(
    key: K,
    value: NonNullable<CaptureFilter[K]> extends (infer T)[] ? T : never,
  ) => {
    const list = (filter[key] ?? []) as unknown[];
    list.push(value);
    (filter as Record<string, unknown>)[key] = list;
  };
  for (const { value: token, at } of tokens(text)) {
    if (token.startsWith('$')) {
      push('json', parseJsonTerm(token));
      continue;
    }
    const colon = token.indexOf(':');
    const key = colon > 0 ? token.slice(0, colon).toLowerCase() : '';
    const value = colon > 0 ? unquote(token.slice(colon + 1)) : '';
    if (value === '' && FILTER_KEYS.has(key)) {
      throw new FilterSyntaxError(`${key}: needs a value.`, at);
    }
    switch (key) {
      case 'method':
        for (const method of value.split(',')) if (method) push('methods', method.toUpperCase());
        break;
      case 'path':
        push('pathContains', value);
        break;
      case 'status':
        for (const part of value.split(',')) push('status', parseStatus(part, at));
        break;
      case 'header': {
        const eq = value.indexOf('=');
        push(
          'headers',
          eq === -1
            ? { name: value.toLowerCase() }
            : { name: value.slice(0, eq).toLowerCase(), valueContains: value.slice(eq + 1) },
        );
        break;
      }
      case 'body':
        push('bodyContains', value);
        break;
      case 'kind':
        if (!KINDS.has(value)) {
          throw new FilterSyntaxError(`kind is one of ${[...KINDS].join(', ')}, not "${value}".`, at);
        }
        push('kinds', value as PayloadKind | 'none');
        break;
      case 'valid':
        if (!/^(yes|no|true|false)$/i.test(value)) throw new FilterSyntaxError('valid takes yes or no.', at);
        filter.valid = /^(yes|true)$/i.test(value);
        break;
      case 'after':
        filter.after = parseTime(value, at);
        break;
      case 'before':
        filter.before = parseTime(value, at);
        break;
      case 'bucket':
        filter.bucket = value;
        break;
      case 'is':
        if (value === 'pinned') filter.pinned = true;
        else if (value === 'truncated') filter.truncated = true;
        else throw new FilterSyntaxError(`is: takes pinned or truncated, not "${value}".`, at);
        break;
      default:
        push('text', unquote(token));
    }
  }
  return filter;
}

export function isEmptyFilter(filter: CaptureFilter): boolean {
  return Object.keys(filter).length === 0;
}
