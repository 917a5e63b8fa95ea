/**
 * Content-Type handling: which bodies are worth diagnosing as JSON, and what a header says.
 */
import { isJsonWhitespace } from './bytes';

export interface MediaType {
  /** Lower-cased `type/subtype`, without parameters. */
  essence: string;
  /** Lower-cased `charset` parameter, if any. */
  charset: string | null;
  /** The header as given, for messages. */
  raw: string;
}

export function parseMediaType(header: string | null | undefined): MediaType | null {
  if (header === null || header === undefined || header.trim() === '') return null;
  const [essence = '', ...params] = header.split(';');
  let charset: string | null = null;
  for (const param of params) {
    const eq = param.indexOf('=');
    if (eq < 0) continue;
    if (param.slice(0, eq).trim().toLowerCase() === 'charset')
      charset = param
        .slice(eq + 1)
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .toLowerCase();
  }
  return { essence: essence.trim().toLowerCase(), charset, raw: header.trim() };
}

const NDJSON_TYPES = new Set([
  'application/x-ndjson',
  'application/ndjson',
  'application/jsonl',
  'application/x-jsonlines',
  'application/jsonlines',
]);

/** Newline-delimited JSON: several documents in one body are expected. */
export function isNdjsonType(media: MediaType | null): boolean {
  return media !== null && NDJSON_TYPES.has(media.essence);
}

/** application/json, text/json, any `+json` suffix (RFC 6839), and the NDJSON types. */
export function isJsonType(media: MediaType | null): boolean {
  if (media === null) return false;
  const e = media.essence;
  return e === 'application/json' || e === 'text/json' || e.endsWith('+json') || isNdjsonType(media);
}

export function isFormType(media: MediaType | null): boolean {
  return media !== null && media.essence === 'application/x-www-form-urlencoded';
}

function isFormNameByte(b: number): boolean {
  // Letters, digits and what form encoders leave unescaped in names (plus `%` escapes, `[]`).
  return (
    (b >= 0x61 && b <= 0x7a) ||
    (b >= 0x41 && b <= 0x5a) ||
    (b >= 0x30 && b <= 0x39) ||
    b === 0x5f ||
    b === 0x2d ||
    b === 0x2e ||
    b === 0x2a ||
    b === 0x25 ||
    b === 0x2b ||
    b === 0x5b ||
    b === 0x5d
  );
}

/**
 * Whether the body reads as `name=value&name=value` (application/x-www-form-urlencoded).
 * A hand-written linear check: every `&`-separated part is a non-empty name of form-safe
 * characters, `=`, then a value without raw whitespace; trailing whitespace is tolerated.
 */
export function looksFormEncoded(bytes: Uint8Array, from: number): boolean {
  let end = bytes.length;
  while (end > from && isJsonWhitespace(bytes[end - 1] as number)) end--;
  if (end <= from) return false;
  let i = from;
  let pairs = 0;
  while (i < end) {
    const nameStart = i;
    while (i < end && isFormNameByte(bytes[i] as number)) i++;
    if (i === nameStart || bytes[i] !== 0x3d) return false;
    i++;
    while (i < end && bytes[i] !== 0x26) {
      const b = bytes[i] as number;
      if (b <= 0x20 || b === 0x7f) return false;
      i++;
    }
    pairs++;
    if (i < end) i++;
  }
  return pairs > 0;
}

/** Splits a form body into decoded pairs (at most `max`), for showing its JSON equivalent. */
export function formPairs(text: string, max: number): Array<[string, string]> {
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s.replace(/\+/g, ' '));
    } catch {
      return s;
    }
  };
  return text
    .trim()
    .split('&')
    .slice(0, max)
    .map((part) => {
      const eq = part.indexOf('=');
      return [decode(part.slice(0, eq)), decode(part.slice(eq + 1))];
    });
}
