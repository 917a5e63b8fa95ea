/**
 * How a value becomes output text in each render context. These functions run once per
 * `{{…}}` on the receiver's hot path, so the common case (a short, harmless string) returns
 * its input untouched after a single regex test.
 */

/**
 * Already-serialized JSON, as returned by the `json` helper. Outside a JSON string it is
 * written verbatim (it is a complete JSON value); inside one it is escaped like any text, so
 * `"{{json obj}}"` gives a string holding the JSON.
 */
export class JsonText {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
  // Raw and text modes, and string helpers, concatenate values; this keeps that natural.
  toString(): string {
    return this.text;
  }
}

// JSON forbids raw control characters, quotes and backslashes in strings; U+2028/2029 are
// legal JSON but break JavaScript that embeds it, and lone surrogates become U+FFFD once
// encoded as UTF-8, so those are escaped too (JSON.stringify does the surrogates for us).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const NEEDS_ESCAPE = /["\\\u0000-\u001f\u2028\u2029\ud800-\udfff]/;
const SEPARATORS = /[\u2028\u2029]/g;

function escapeSeparator(char: string): string {
  return char === '\u2028' ? '\\u2028' : '\\u2029';
}

/** Escapes text for the inside of a JSON string literal (no surrounding quotes). */
export function escapeJsonStringContent(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  const quoted = JSON.stringify(text);
  return quoted.slice(1, -1).replace(SEPARATORS, escapeSeparator);
}

/** JSON.stringify, plus the U+2028/2029 escaping it leaves out. */
function stringifyJson(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) return 'null';
  return text.includes('\u2028') || text.includes('\u2029')
    ? text.replace(SEPARATORS, escapeSeparator)
    : text;
}

/** Serializes any value as JSON text; throws a plain-words error for cycles and BigInts in objects. */
export function toJsonText(value: unknown, indent?: number): string {
  try {
    if (indent === undefined || indent === 0) return stringifyJson(value);
    const text = JSON.stringify(value, null, indent);
    return text === undefined ? 'null' : text.replace(SEPARATORS, escapeSeparator);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`This value cannot be written as JSON (${reason}).`);
  }
}

/**
 * A value placed inside a JSON string: strings as their characters, `null` as nothing (what
 * Handlebars renders), numbers and booleans as text, objects and arrays as escaped JSON text.
 */
export function jsonStringContent(value: unknown): string {
  if (typeof value === 'string') return escapeJsonStringContent(value);
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (value instanceof JsonText) return escapeJsonStringContent(value.text);
  return escapeJsonStringContent(toJsonText(value));
}

/** A value placed where a JSON value belongs: always a complete JSON literal. */
export function jsonLiteral(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return `"${escapeJsonStringContent(value)}"`;
    case 'number':
      // NaN and Infinity have no JSON form; null is what JSON.stringify writes for them too.
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    case 'object':
      if (value === null) return 'null';
      if (value instanceof JsonText) return value.text;
      return toJsonText(value);
    default:
      return 'null';
  }
}

/** Raw mode: what Handlebars itself appends for an unescaped `{{{value}}}`. */
export function rawText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/** Text mode: like raw, but objects and arrays as JSON rather than "[object Object]". */
export function plainText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && !(value instanceof JsonText)) return toJsonText(value);
  return String(value);
}
