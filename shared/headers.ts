import type { HeaderPair } from './domain';

/** The first value of a header (name in lower case), or null. */
export function headerValue(headers: readonly HeaderPair[], name: string): string | null {
  for (const [key, value] of headers) if (key.toLowerCase() === name) return value;
  return null;
}

/**
 * The Content-Encoding a body was sent with, lower-cased; null for none (or identity): what the
 * core decodes for recognition and search, and the window for display.
 */
export function contentEncodingOf(headers: readonly HeaderPair[]): string | null {
  const encoding = headerValue(headers, 'content-encoding')?.trim().toLowerCase() ?? '';
  return encoding === '' || encoding === 'identity' ? null : encoding;
}

/**
 * Why a text cannot be sent as a header value, in words, or null. HTTP carries header values as
 * bytes: tabs and Latin-1 text only, no line breaks or other control characters; undici refuses
 * anything else at send time with a bare "invalid header", so it is said where it is typed.
 */
export function headerValueProblem(name: string, value: string): string | null {
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (code === 0x09 || (code >= 0x20 && code !== 0x7f && code <= 0xff)) continue;
    const shown =
      code < 0x20 || code === 0x7f
        ? `a control character (U+${code.toString(16).padStart(4, '0').toUpperCase()})`
        : `"${char}"`;
    return `The ${name} header's value has ${shown}, which a header cannot carry (Latin-1 text only).`;
  }
  return null;
}
