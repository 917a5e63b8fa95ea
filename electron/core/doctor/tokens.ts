/**
 * Scanners for the small tokens (numbers, literals, string escapes). Each returns the offset
 * after the token, or a TokenFailure saying where and why it broke; the caller adds the context.
 */
import { BACKSLASH, describeAt, isDigit } from './bytes';
import type { ScanNotes } from './notes';

export interface TokenFailure {
  offset: number;
  problem: 'unexpected-character' | 'unexpected-end' | 'bad-escape' | 'leading-zero';
  expected: 'number' | 'literal' | 'escape';
  message: string;
}

function failure(
  bytes: Uint8Array,
  offset: number,
  expected: TokenFailure['expected'],
  what: string,
  problem: TokenFailure['problem'] = 'unexpected-character',
): TokenFailure {
  return {
    offset,
    problem: offset >= bytes.length ? 'unexpected-end' : problem,
    expected,
    message: `Expected ${what}, found ${describeAt(bytes, offset)}`,
  };
}

/** Largest integer JavaScript's JSON.parse keeps exactly (Number.MAX_SAFE_INTEGER). */
const MAX_SAFE_DIGITS = '9007199254740991';

function exceedsSafeInteger(bytes: Uint8Array, start: number, end: number): boolean {
  // Leading zeros are rejected by the grammar, so the digit count alone orders the magnitudes.
  const length = end - start;
  if (length !== MAX_SAFE_DIGITS.length) return length > MAX_SAFE_DIGITS.length;
  for (let k = 0; k < length; k++) {
    const diff = (bytes[start + k] as number) - MAX_SAFE_DIGITS.charCodeAt(k);
    if (diff !== 0) return diff > 0;
  }
  return false;
}

function skipDigits(bytes: Uint8Array, from: number): number {
  let j = from;
  while (j < bytes.length && isDigit(bytes[j] as number)) j++;
  return j;
}

/** A number per RFC 8259: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`. */
export function scanNumber(bytes: Uint8Array, start: number, notes: ScanNotes): number | TokenFailure {
  let j = start;
  if (bytes[j] === 0x2d) j++;
  const digitsStart = j;
  const first = bytes[j];
  if (first === 0x30) {
    j++;
    if (j < bytes.length && isDigit(bytes[j] as number)) {
      return {
        offset: j,
        problem: 'leading-zero',
        expected: 'number',
        message: `Numbers cannot start with 0 followed by more digits, found ${describeAt(bytes, j)} after '0'`,
      };
    }
  } else if (first !== undefined && isDigit(first)) {
    j = skipDigits(bytes, j);
  } else {
    return failure(bytes, j, 'number', "a digit after '-'");
  }
  const integerEnd = j;
  let integer = true;
  if (bytes[j] === 0x2e) {
    integer = false;
    if (!isDigit(bytes[j + 1] ?? -1)) return failure(bytes, j + 1, 'number', "a digit after '.'");
    j = skipDigits(bytes, j + 1);
  }
  if (bytes[j] === 0x65 || bytes[j] === 0x45) {
    integer = false;
    j++;
    if (bytes[j] === 0x2b || bytes[j] === 0x2d) j++;
    if (!isDigit(bytes[j] ?? -1)) return failure(bytes, j, 'number', 'a digit in the exponent');
    j = skipDigits(bytes, j);
  }
  if (integer && integerEnd - digitsStart >= MAX_SAFE_DIGITS.length) {
    if (exceedsSafeInteger(bytes, digitsStart, integerEnd)) notes.unsafeInteger(start, integerEnd);
  }
  return j;
}

const LITERALS: Record<number, string> = { 116: 'true', 102: 'false', 110: 'null' };

/** `true`, `false` or `null`, chosen by the first byte (the caller checked it is t, f or n). */
export function scanLiteral(bytes: Uint8Array, start: number): number | TokenFailure {
  const word = LITERALS[bytes[start] as number] ?? 'null';
  for (let k = 1; k < word.length; k++) {
    if (bytes[start + k] !== word.charCodeAt(k)) return failure(bytes, start + k, 'literal', `'${word}'`);
  }
  return start + word.length;
}

function hexValue(b: number | undefined): number {
  if (b === undefined) return -1;
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  if (b >= 0x61 && b <= 0x66) return b - 0x57;
  if (b >= 0x41 && b <= 0x46) return b - 0x37;
  return -1;
}

/** The code unit of `\uXXXX` at `at` (the backslash), or -1 plus the offset of the first bad byte. */
function unicodeEscape(bytes: Uint8Array, at: number): { unit: number; bad: number } {
  if (bytes[at] !== BACKSLASH || bytes[at + 1] !== 0x75) return { unit: -1, bad: at };
  let unit = 0;
  for (let k = 2; k < 6; k++) {
    const v = hexValue(bytes[at + k]);
    if (v < 0) return { unit: -1, bad: at + k };
    unit = unit * 16 + v;
  }
  return { unit, bad: -1 };
}

const SIMPLE_ESCAPES = new Set([0x22, 0x5c, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74]);

/** The escape whose backslash is at `at`; returns the offset after it. */
export function scanEscape(bytes: Uint8Array, at: number, notes: ScanNotes): number | TokenFailure {
  const e = bytes[at + 1];
  if (e === undefined) return failure(bytes, at + 1, 'escape', "an escaped character after '\\'");
  if (SIMPLE_ESCAPES.has(e)) return at + 2;
  if (e !== 0x75) {
    const shown =
      e > 0x20 && e < 0x7f
        ? `'\\${String.fromCharCode(e)}'`
        : `'\\' followed by ${describeAt(bytes, at + 1)}`;
    return {
      offset: at,
      problem: 'bad-escape',
      expected: 'escape',
      message: `Invalid escape ${shown} in a string: only \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX are allowed`,
    };
  }
  const { unit, bad } = unicodeEscape(bytes, at);
  if (unit < 0) return failure(bytes, bad, 'escape', "4 hex digits after '\\u'", 'bad-escape');
  if (unit >= 0xd800 && unit <= 0xdbff) {
    // A high surrogate only makes a character together with a low one right after it.
    const low = unicodeEscape(bytes, at + 6).unit;
    if (low >= 0xdc00 && low <= 0xdfff) return at + 12;
    notes.loneSurrogate(at);
  } else if (unit >= 0xdc00 && unit <= 0xdfff) {
    notes.loneSurrogate(at);
  }
  return at + 6;
}
