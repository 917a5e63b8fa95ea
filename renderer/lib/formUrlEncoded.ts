/**
 * application/x-www-form-urlencoded and query strings, read the way a person
 * wants to see them: every field in order, repeated names kept, values decoded.
 * Never throws: a malformed `%` sequence stays as written instead of hiding the field.
 */
export interface FormField {
  name: string;
  value: string;
  /** The field exactly as sent, before decoding. */
  raw: string;
}

const HEX = /^[0-9a-fA-F]{2}$/;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

/** Decodes `+` as a space and `%HH` as bytes, then reads the bytes as UTF-8 (bad bytes become U+FFFD). */
export function percentDecode(text: string): string {
  if (!text.includes('%') && !text.includes('+')) return text;
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (ch === '+') {
      bytes.push(0x20);
    } else if (ch === '%' && HEX.test(text.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      const code = text.codePointAt(i) ?? 0;
      if (code > 0xffff) i += 1;
      for (const byte of encoder.encode(String.fromCodePoint(code))) bytes.push(byte);
    }
  }
  return decoder.decode(new Uint8Array(bytes));
}

/** Splits `a=1&b=&c&a=2` into fields; empty segments (`&&`) are skipped. */
export function parseUrlEncoded(text: string, limit = Number.POSITIVE_INFINITY): FormField[] {
  const fields: FormField[] = [];
  if (text === '') return fields;
  for (const raw of text.split('&')) {
    if (raw === '') continue;
    if (fields.length >= limit) break;
    const eq = raw.indexOf('=');
    const name = eq === -1 ? raw : raw.slice(0, eq);
    const value = eq === -1 ? '' : raw.slice(eq + 1);
    fields.push({ name: percentDecode(name), value: percentDecode(value), raw });
  }
  return fields;
}

/** The query string of a request target (`/path?a=1`), without the `?`; '' when there is none. */
export function queryString(target: string): string {
  const q = target.indexOf('?');
  if (q === -1) return '';
  const hash = target.indexOf('#', q);
  return hash === -1 ? target.slice(q + 1) : target.slice(q + 1, hash);
}

/** Counts fields without building them, for "showing N of M". */
export function countUrlEncoded(text: string): number {
  let count = 0;
  for (const raw of text.split('&')) if (raw !== '') count += 1;
  return count;
}
