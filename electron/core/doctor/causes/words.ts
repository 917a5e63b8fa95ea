/**
 * Bare words and foreign syntax: unquoted keys and values, JavaScript/Python literals,
 * comments, and numbers with a leading zero.
 */
import {
  CLOSE_ARRAY,
  CLOSE_OBJECT,
  COLON,
  COMMA,
  CR,
  isWordByte,
  LF,
  skipWhitespace,
  textOf,
  wordAt,
} from '../bytes';
import type { ScanFailure } from '../scan-result';
import { clip, code, type Detector, detection, keyPrefix } from './context';

const VALUE_CONTEXTS = new Set(['document', 'property-value', 'first-element', 'next-element']);

function atValue(failure: ScanFailure): boolean {
  return VALUE_CONTEXTS.has(failure.context);
}

interface Replacement {
  json: string;
  why: string;
  alternative?: string;
}

/** Words from other languages that people (and serializers) put where JSON needs a literal. */
const LITERALS: Record<string, Replacement> = {
  nan: {
    json: 'null',
    why: 'NaN (not a number) has no JSON form',
    alternative: 'or send it as a string, `"NaN"`, if the receiver must tell it apart',
  },
  infinity: {
    json: 'null',
    why: 'Infinity has no JSON form',
    alternative: 'or send it as a string, `"Infinity"`, if the receiver must tell it apart',
  },
  undefined: {
    json: 'null',
    why: '`undefined` is JavaScript, not JSON',
    alternative: 'or leave the property out',
  },
  true: { json: 'true', why: 'JSON literals are lower-case' },
  false: { json: 'false', why: 'JSON literals are lower-case' },
  null: { json: 'null', why: 'JSON literals are lower-case' },
  none: { json: 'null', why: '`None` is Python, not JSON' },
  nil: { json: 'null', why: '`nil` is not JSON' },
};

/** Whether `a` becomes `b` by one insertion, deletion, substitution or swap of neighbours. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const restA = a.slice(i + 1);
  const restB = b.slice(i + 1);
  const swapped = a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  return restA === restB || a.slice(i) === restB || restA === b.slice(i) || swapped;
}

/** What to write instead of `word`: a known foreign literal, or a misspelled true/false/null. */
function replacementFor(word: string, failure: ScanFailure): Replacement | null {
  const known = LITERALS[word.toLowerCase()];
  if (known) return known;
  // Only a word that started like a JSON literal and broke inside it reads as a typo of one.
  if (failure.expected !== 'literal' || failure.problem === 'unexpected-end') return null;
  const literal = ['true', 'false', 'null'].find((l) => l[0] === word[0]);
  if (!literal || !(literal.startsWith(word) || withinOneEdit(word, literal))) return null;
  return { json: literal, why: `${code(word)} looks like a misspelled ${code(literal)}` };
}

/** The sign-less bare word where the failing token started, and its sign. */
function wordAtToken(bytes: Uint8Array, failure: ScanFailure): { sign: string; word: string } {
  const s = failure.tokenStart;
  const sign = bytes[s] === 0x2d || bytes[s] === 0x2b ? String.fromCharCode(bytes[s] as number) : '';
  return { sign, word: wordAt(bytes, s + sign.length) };
}

export const nonJsonLiteral: Detector = (ctx) => {
  const { bytes, failure } = ctx;
  if (!atValue(failure)) return null;
  const { sign, word } = wordAtToken(bytes, failure);
  const replacement = replacementFor(word, failure);
  if (!replacement || word === replacement.json) return null;
  const written = sign + word;
  return detection('non-json-literal', 0.92, failure.tokenStart, {
    title: `${code(written)} is not a JSON value`,
    explanation: `JSON values are strings, numbers, true, false, null, objects and arrays only; ${replacement.why}.`,
    fix:
      `Write ${code(replacement.json)} instead of ${code(written)}` +
      `${replacement.alternative ? `, ${replacement.alternative}` : ''}: ` +
      `${code(`${keyPrefix(ctx, failure.tokenStart)}${replacement.json}`)}.`,
  });
};

export const unquotedValue: Detector = (ctx) => {
  const { bytes, failure } = ctx;
  if (!atValue(failure) || failure.problem === 'unexpected-end') return null;
  const s = failure.tokenStart;
  const b = bytes[s] as number;
  const letter = (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || b === 0x5f || b >= 0x80;
  if (!letter || replacementFor(wordAt(bytes, s), failure)) return null;
  let j = s;
  while (j < bytes.length && j - s < 200) {
    const c = bytes[j];
    if (c === COMMA || c === CLOSE_OBJECT || c === CLOSE_ARRAY || c === LF || c === CR) break;
    j++;
  }
  const text = textOf(bytes, s, j).trim();
  const fixed = `${keyPrefix(ctx, s)}${JSON.stringify(text)}`;
  return detection('unquoted-value', 0.75, s, {
    title: 'A text value is missing its quotes',
    explanation:
      `${code(clip(text, 40))} is bare text where a value should be; text values must be in double quotes. ` +
      'A template placeholder outside quotes (`"name": {{state.name}}`) renders exactly like this.',
    fix:
      `Put the value in double quotes: ${code(clip(fixed, 120))}. In a template, put the placeholder ` +
      'inside quotes (`"name": "{{state.name}}"`) and render it JSON-safe.',
  });
};

function isKeyByte(b: number): boolean {
  return isWordByte(b) || b === 0x2d || b === 0x2e;
}

export const unquotedKey: Detector = (ctx) => {
  const { bytes, failure } = ctx;
  if (failure.expected !== 'first-key' && failure.expected !== 'next-key') return null;
  const s = failure.offset;
  if (!isWordByte(bytes[s] ?? 0)) return null;
  let j = s;
  while (j < bytes.length && j - s < 60 && isKeyByte(bytes[j] as number)) j++;
  const name = textOf(bytes, s, j);
  const colon = bytes[skipWhitespace(bytes, j)] === COLON;
  return detection('unquoted-key', colon ? 0.9 : 0.6, s, {
    title: 'A property name is missing its quotes',
    explanation:
      `${code(name)} is a bare property name: that is JavaScript object syntax; in JSON every ` +
      'property name is a string in double quotes.',
    fix: `Quote the name: ${code(`"${name}":`)} instead of ${code(`${name}:`)}.`,
  });
};

export const comment: Detector = (ctx) => {
  const { bytes, failure } = ctx;
  const o = failure.offset;
  const next = bytes[o + 1];
  const slash = bytes[o] === 0x2f && (next === 0x2f || next === 0x2a);
  const hash = bytes[o] === 0x23 && !atValue(failure);
  if (!slash && !hash) return null;
  let end = o + 2;
  if (next === 0x2a && slash) {
    while (end < bytes.length && end - o < 4096 && !(bytes[end - 1] === 0x2a && bytes[end] === 0x2f)) end++;
    end++;
  } else {
    while (end < bytes.length && bytes[end] !== LF && bytes[end] !== CR && end - o < 4096) end++;
  }
  const text = textOf(bytes, o, end).trim();
  return detection('comment', slash ? 0.95 : 0.7, o, {
    title: 'JSON does not allow comments',
    explanation:
      `${code(clip(text, 50))} is a comment. Some config formats (JSONC, JSON5) allow them, but JSON ` +
      'does not, and parsers reject the body at the first one.',
    fix:
      'Remove the comment (and any others). If the note matters to the receiver, make it data: ' +
      '`"_comment": "…"`.',
  });
};

export const leadingZero: Detector = (ctx) => {
  const { bytes, failure } = ctx;
  if (failure.problem !== 'leading-zero') return null;
  let j = failure.offset;
  while (
    j < bytes.length &&
    j - failure.offset < 40 &&
    bytes[j] !== undefined &&
    isWordByte(bytes[j] as number)
  )
    j++;
  const number = textOf(bytes, failure.tokenStart, j);
  const stripped = number.replace(/^(-?)0+(?=\d)/, '$1');
  return detection('leading-zero', 0.9, failure.tokenStart, {
    title: 'A number starts with 0',
    explanation:
      `${code(number)} has a leading zero, which JSON numbers may not have (only 0 itself, or 0.5). ` +
      'Codes like phone numbers, postcodes and ids often do.',
    fix: `If the zero matters (an id, a phone number), send it as a string: ${code(
      `${keyPrefix(ctx, failure.tokenStart)}"${number}"`,
    )} — the platform recommends passing numbers as strings anyway; otherwise drop the zero: ${code(stripped)}.`,
  });
};
