/**
 * Byte-level helpers. The doctor works on the raw bytes (never on a decoded string) so that
 * offsets are exact byte offsets, invalid UTF-8 stays visible, and a 20 MB body costs no copies.
 */

export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const COMMA = 0x2c;
export const COLON = 0x3a;
export const OPEN_OBJECT = 0x7b;
export const CLOSE_OBJECT = 0x7d;
export const OPEN_ARRAY = 0x5b;
export const CLOSE_ARRAY = 0x5d;
export const LF = 0x0a;
export const CR = 0x0d;

/** JSON whitespace: exactly space, tab, LF and CR (RFC 8259 §2). */
export function isJsonWhitespace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

export function isDigit(b: number): boolean {
  return b >= 0x30 && b <= 0x39;
}

/** Letters, digits, `_` and `$`: the characters of a bare word such as `NaN` or an unquoted key. */
export function isWordByte(b: number): boolean {
  return (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || isDigit(b) || b === 0x5f || b === 0x24;
}

/** Index of the first non-whitespace byte at or after `from` (the length if none). */
export function skipWhitespace(bytes: Uint8Array, from: number): number {
  let i = from;
  while (i < bytes.length && isJsonWhitespace(bytes[i] as number)) i++;
  return i;
}

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

function isContinuation(b: number | undefined): boolean {
  return b !== undefined && b >= 0x80 && b <= 0xbf;
}

/**
 * Length of the well-formed UTF-8 sequence starting at `i`, or 0 when the bytes there are not
 * UTF-8 (overlongs, surrogates and code points above U+10FFFF are rejected, as TextDecoder does).
 */
export function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] as number;
  if (b0 < 0x80) return 1;
  if (b0 < 0xc2) return 0;
  const b1 = bytes[i + 1];
  if (b0 < 0xe0) return isContinuation(b1) ? 2 : 0;
  if (b1 === undefined) return 0;
  if (b0 < 0xf0) {
    const lo = b0 === 0xe0 ? 0xa0 : 0x80;
    const hi = b0 === 0xed ? 0x9f : 0xbf;
    return b1 >= lo && b1 <= hi && isContinuation(bytes[i + 2]) ? 3 : 0;
  }
  if (b0 < 0xf5) {
    const lo = b0 === 0xf0 ? 0x90 : 0x80;
    const hi = b0 === 0xf4 ? 0x8f : 0xbf;
    return b1 >= lo && b1 <= hi && isContinuation(bytes[i + 2]) && isContinuation(bytes[i + 3]) ? 4 : 0;
  }
  return 0;
}

/**
 * Bytes taken by the character at `i` under the doctor's column model: a well-formed sequence is
 * one character, and so is each byte that is not part of one (shown as U+FFFD).
 */
export function charLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i] as number;
  if (b < 0x80) return 1;
  return utf8SequenceLength(bytes, i) || 1;
}

/** The code point at `i`, or -1 when the byte there is not part of well-formed UTF-8. */
export function codePointAt(bytes: Uint8Array, i: number): number {
  const len = utf8SequenceLength(bytes, i);
  const b0 = bytes[i] as number;
  if (len === 1) return b0;
  if (len === 0) return -1;
  const tail = (k: number) => (bytes[i + k] as number) & 0x3f;
  if (len === 2) return ((b0 & 0x1f) << 6) | tail(1);
  if (len === 3) return ((b0 & 0x0f) << 12) | (tail(1) << 6) | tail(2);
  return ((b0 & 0x07) << 18) | (tail(1) << 12) | (tail(2) << 6) | tail(3);
}

/** A line ends at LF, or at a CR that is not followed by LF (the LF of CRLF ends it instead). */
export function isLineBreak(bytes: Uint8Array, i: number): boolean {
  const b = bytes[i];
  return b === LF || (b === CR && bytes[i + 1] !== LF);
}

export function hex(b: number): string {
  return b.toString(16).toUpperCase().padStart(2, '0');
}

// ignoreBOM: false drops a BOM at the start of a slice: snippets in messages should not carry it.
const lenientDecoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** Text of a byte range for messages; bytes that are not UTF-8 become U+FFFD. */
export function textOf(bytes: Uint8Array, start: number, end: number): string {
  return lenientDecoder.decode(bytes.subarray(Math.max(0, start), Math.min(bytes.length, end)));
}

/** The bare word (see isWordByte) starting at `i`, at most `max` bytes long. */
export function wordAt(bytes: Uint8Array, i: number, max = 40): string {
  let j = i;
  while (j < bytes.length && j - i < max && isWordByte(bytes[j] as number)) j++;
  return textOf(bytes, i, j);
}

const NAMED_CHARACTERS: Record<number, string> = {
  10: 'a line break (LF)',
  13: 'a carriage return (CR)',
  9: 'a tab',
  32: 'a space',
  0: 'a NUL byte (U+0000)',
};

function codePointName(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Plain-words description of what sits at `i`, for "found …" in messages. */
export function describeAt(bytes: Uint8Array, i: number): string {
  if (i >= bytes.length) return 'the end of the body';
  const b = bytes[i] as number;
  const named = NAMED_CHARACTERS[b];
  if (named) return named;
  if (b < 0x20 || b === 0x7f) return `control character ${codePointName(b)}`;
  const cp = codePointAt(bytes, i);
  if (cp < 0) return `byte 0x${hex(b)} (not valid UTF-8)`;
  if (cp === 0xfeff) return 'a byte-order mark (U+FEFF)';
  if (cp >= 0x80 && cp <= 0x9f) return `control character ${codePointName(cp)}`;
  return `'${String.fromCodePoint(cp)}'`;
}
