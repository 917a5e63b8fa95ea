/**
 * A validating JSON scanner over raw bytes: it finds the first syntax error and records the
 * context the cause detectors need (what was expected, the previous token, open brackets).
 * It never builds values — numbers are only checked for syntax, so big integers are never
 * rounded — and it keeps its own bracket stack, so deep nesting cannot overflow the call stack.
 * One pass, constant work per byte: fine on a 20 MB body.
 */
import {
  CLOSE_ARRAY,
  CLOSE_OBJECT,
  COLON,
  COMMA,
  describeAt,
  isJsonWhitespace,
  OPEN_ARRAY,
  OPEN_OBJECT,
  QUOTE,
} from './bytes';
import type { ScanNotes } from './notes';
import {
  type Expectation,
  expectedMessage,
  type ScanFailure,
  type ScanProblem,
  type ScanResult,
  type StructuralExpectation,
  type TokenKind,
} from './scan-result';
import { scanEscape, scanLiteral, scanNumber, type TokenFailure } from './tokens';
import type { TopLevelType } from './types';

function topLevelOf(b: number): TopLevelType {
  if (b === OPEN_OBJECT) return 'object';
  if (b === OPEN_ARRAY) return 'array';
  if (b === QUOTE) return 'string';
  if (b === 0x74 || b === 0x66) return 'boolean';
  if (b === 0x6e) return 'null';
  return 'number';
}

class Scanner {
  private stack = new Int32Array(64);
  private depth = 0;
  // The previous token and last key live in plain fields (not objects) so the hot loop
  // allocates nothing per token; the failure record gets them as objects.
  private prevKind: TokenKind | null = null;
  private prevStart = -1;
  private prevEnd = -1;
  private prevIsKey = false;
  private keyStart = -1;
  private keyEnd = -1;
  private failure: ScanFailure | null = null;
  /** The keys of each open object so far (text as written → where), made on its first key. */
  private keys: (Map<string, number> | undefined)[] = [];

  constructor(
    private readonly bytes: Uint8Array,
    private readonly notes: ScanNotes,
  ) {}

  run(from: number): ScanResult {
    const bytes = this.bytes;
    const n = bytes.length;
    let state: StructuralExpectation = 'document';
    let i = from;
    let topLevel: TopLevelType = 'null';
    let valueStart = from;
    for (;;) {
      while (i < n && isJsonWhitespace(bytes[i] as number)) i++;
      if (i >= n) return this.failed(i, 'unexpected-end', state, state, i);
      const b = bytes[i] as number;
      let closes = false;
      switch (state) {
        case 'colon':
          if (b !== COLON) return this.failed(i, 'unexpected-character', state, state, i);
          this.token('colon', i, i + 1);
          i++;
          state = 'property-value';
          continue;
        case 'object-comma':
        case 'array-comma':
          if (b === COMMA) {
            this.token('comma', i, i + 1);
            i++;
            state = state === 'object-comma' ? 'next-key' : 'next-element';
            continue;
          }
          if (b !== (state === 'object-comma' ? CLOSE_OBJECT : CLOSE_ARRAY))
            return this.failed(i, 'unexpected-character', state, state, i);
          closes = true;
          break;
        case 'first-key':
        case 'next-key': {
          if (b === CLOSE_OBJECT && state === 'first-key') {
            closes = true;
            break;
          }
          if (b !== QUOTE) return this.failed(i, 'unexpected-character', state, state, i);
          const end = this.string(i, state);
          if (end < 0) return this.failure as ScanFailure;
          this.token('string', i, end, true);
          this.noteKey(i, end);
          this.keyStart = i;
          this.keyEnd = end;
          i = end;
          state = 'colon';
          continue;
        }
        default: {
          if (b === CLOSE_ARRAY && state === 'first-element') {
            closes = true;
            break;
          }
          if (this.depth === 0) {
            valueStart = i;
            topLevel = topLevelOf(b);
          }
          if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
            this.push(i);
            this.token('open', i, i + 1);
            i++;
            state = b === OPEN_OBJECT ? 'first-key' : 'first-element';
            continue;
          }
          const end = this.scalar(i, b, state);
          if (end < 0) return this.failure as ScanFailure;
          i = end;
        }
      }
      if (closes) {
        this.depth--;
        this.token('close', i, i + 1);
        i++;
      }
      if (this.depth === 0) return { ok: true, topLevel, start: valueStart, end: i };
      const opener = bytes[this.stack[this.depth - 1] as number];
      state = opener === OPEN_OBJECT ? 'object-comma' : 'array-comma';
    }
  }

  /** Reads a string, number or literal at `i`; returns its end, or -1 after recording a failure. */
  private scalar(i: number, b: number, state: StructuralExpectation): number {
    if (b === QUOTE) {
      const end = this.string(i, state);
      if (end >= 0) this.token('string', i, end);
      return end;
    }
    const token =
      b === 0x2d || (b >= 0x30 && b <= 0x39)
        ? scanNumber(this.bytes, i, this.notes)
        : b === 0x74 || b === 0x66 || b === 0x6e
          ? scanLiteral(this.bytes, i)
          : null;
    if (token === null) return this.fail(i, 'unexpected-character', state, state, i);
    if (typeof token !== 'number') return this.failToken(token, state, i);
    this.token(b === 0x2d || (b >= 0x30 && b <= 0x39) ? 'number' : 'literal', i, token);
    return token;
  }

  /** Reads the string whose opening quote is at `start`; returns the offset after its closing quote. */
  private string(start: number, context: StructuralExpectation): number {
    const bytes = this.bytes;
    const n = bytes.length;
    let j = start + 1;
    for (;;) {
      // Plain text is the bulk of most bodies: skip it in a tight loop.
      while (j < n) {
        const c = bytes[j] as number;
        if (c === QUOTE || c === 0x5c || c < 0x20 || c === OPEN_OBJECT) break;
        j++;
      }
      if (j >= n)
        return this.fail(
          j,
          'unexpected-end',
          'string',
          context,
          start,
          `Expected the closing '"' of the string, found the end of the body`,
        );
      const c = bytes[j] as number;
      if (c === QUOTE) return j + 1;
      if (c === 0x5c) {
        const next = scanEscape(bytes, j, this.notes);
        if (typeof next !== 'number') return this.failToken(next, context, start);
        j = next;
      } else if (c < 0x20) {
        return this.fail(
          j,
          'control-character',
          'string',
          context,
          start,
          `Expected the closing '"' of the string, found ${describeAt(bytes, j)}: control characters must be escaped inside strings`,
        );
      } else if (c === OPEN_OBJECT && bytes[j + 1] === OPEN_OBJECT) {
        this.notes.placeholder(j);
        j += 2;
      } else {
        j++;
      }
    }
  }

  /** Remembers a key of the innermost object; the same key again is noted (parsers keep different ones). */
  private noteKey(start: number, end: number): void {
    const at = this.depth - 1;
    let seen = this.keys[at];
    if (seen === undefined) {
      seen = new Map();
      this.keys[at] = seen;
    }
    const text = keyIdentity(this.bytes, start, end);
    const first = seen.get(text);
    if (first === undefined) seen.set(text, start);
    else this.notes.duplicateKey({ start, end }, first);
  }

  private push(offset: number): void {
    if (this.depth === this.stack.length) {
      const grown = new Int32Array(this.stack.length * 2);
      grown.set(this.stack);
      this.stack = grown;
    }
    // A new object (or array) at this depth starts with no keys.
    this.keys[this.depth] = undefined;
    this.stack[this.depth++] = offset;
  }

  private token(kind: TokenKind, start: number, end: number, isKey = false): void {
    this.prevKind = kind;
    this.prevStart = start;
    this.prevEnd = end;
    this.prevIsKey = isKey;
  }

  private failToken(failure: TokenFailure, context: StructuralExpectation, tokenStart: number): number {
    return this.fail(failure.offset, failure.problem, failure.expected, context, tokenStart, failure.message);
  }

  /** Records a failure and returns it (for run()). */
  private failed(...args: Parameters<Scanner['fail']>): ScanFailure {
    this.fail(...args);
    return this.failure as ScanFailure;
  }

  /** Records a failure and returns -1 (for the token readers, which otherwise return an offset). */
  private fail(
    offset: number,
    problem: ScanProblem,
    expected: Expectation,
    context: StructuralExpectation,
    tokenStart: number,
    message?: string,
  ): -1 {
    this.failure = {
      ok: false,
      offset,
      problem,
      expected,
      context,
      message: message ?? expectedMessage(this.bytes, context, offset),
      tokenStart,
      previous:
        this.prevKind === null
          ? null
          : { kind: this.prevKind, start: this.prevStart, end: this.prevEnd, isKey: this.prevIsKey },
      lastKey: this.keyStart < 0 ? null : { start: this.keyStart, end: this.keyEnd },
      open: this.stack.slice(0, this.depth),
    };
    return -1;
  }
}

/** Scans one JSON value starting at `from` (leading whitespace allowed). */
export function scanValue(bytes: Uint8Array, from: number, notes: ScanNotes): ScanResult {
  return new Scanner(bytes, notes).run(from);
}

/**
 * What a parser sees as the key: its bytes as written, or for a key with escapes ("\u0061" is "a")
 * its decoded text in the same one-char-per-byte form, so spelling a key differently does not hide
 * that it is repeated. Only escaped keys pay for decoding; the scanner has already checked them.
 */
function keyIdentity(bytes: Uint8Array, start: number, end: number): string {
  const written = latin1(bytes, start, end);
  if (!written.includes('\\')) return written;
  const decoded = JSON.parse(keyDecoder.decode(bytes.subarray(start, end))) as string;
  // A lone surrogate has no UTF-8 form: such a key is compared as written.
  if (!decoded.isWellFormed()) return written;
  const utf8 = keyEncoder.encode(`"${decoded}"`);
  return latin1(utf8, 0, utf8.length);
}

const keyDecoder = new TextDecoder();
const keyEncoder = new TextEncoder();

/** Bytes as one char each: a cheap, exact identity for comparing keys as written. */
function latin1(bytes: Uint8Array, start: number, end: number): string {
  let text = '';
  for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i] as number);
  return text;
}
