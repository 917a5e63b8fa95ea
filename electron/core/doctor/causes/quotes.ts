/**
 * Quote problems: a `"` inside a value that was not escaped (the failure the platform's docs
 * warn about), strings in single quotes, and a string whose closing quote is missing.
 */
import {
  BACKSLASH,
  CLOSE_ARRAY,
  CLOSE_OBJECT,
  COLON,
  COMMA,
  CR,
  LF,
  OPEN_ARRAY,
  OPEN_OBJECT,
  QUOTE,
  skipWhitespace,
  textOf,
} from '../bytes';
import { clip, code, type DetectContext, type Detector, detection, escapeQuotes, keyPrefix } from './context';

/** How far along a line to look for the quote that really ends a value. */
const SEARCH_LIMIT = 4096;

function startsValue(b: number | undefined): boolean {
  if (b === undefined) return false;
  return (
    b === QUOTE ||
    b === OPEN_OBJECT ||
    b === OPEN_ARRAY ||
    b === 0x2d ||
    (b >= 0x30 && b <= 0x39) ||
    b === 0x74 ||
    b === 0x66 ||
    b === 0x6e
  );
}

/**
 * Whether a quote at `quote` can be the real end of the broken string: what follows must be what
 * the grammar expects after it (`:` after a key; `,` or the right closer after a value; the end of
 * the body at top level), and after a `,` the next thing must look like the next key or element.
 */
function canEndString(ctx: DetectContext, quote: number): boolean {
  const { bytes, failure } = ctx;
  const next = skipWhitespace(bytes, quote + 1);
  const b = bytes[next];
  switch (failure.expected) {
    case 'colon':
      return b === COLON;
    case 'end':
      return next >= bytes.length;
    case 'object-comma':
    case 'array-comma': {
      const inObject = failure.expected === 'object-comma';
      if (b === (inObject ? CLOSE_OBJECT : CLOSE_ARRAY)) return true;
      if (b !== COMMA) return false;
      const after = bytes[skipWhitespace(bytes, next + 1)];
      return inObject ? after === QUOTE : startsValue(after);
    }
    default:
      return false;
  }
}

export const unescapedQuote: Detector = (ctx) => {
  const { bytes, failure } = ctx;
  const prev = failure.previous;
  if (prev?.kind !== 'string' || failure.problem !== 'unexpected-character') return null;
  if (!['colon', 'end', 'object-comma', 'array-comma'].includes(failure.expected)) return null;
  // The early-closed string and the text that goes on must be on the same line.
  for (let k = prev.end; k < failure.offset; k++) if (bytes[k] === LF || bytes[k] === CR) return null;
  const limit = Math.min(bytes.length, failure.offset + SEARCH_LIMIT);
  let end = -1;
  for (let j = failure.offset; j < limit; j++) {
    const c = bytes[j];
    if (c === LF || c === CR) break;
    if (c === BACKSLASH) j++;
    else if (c === QUOTE && canEndString(ctx, j)) {
      end = j;
      break;
    }
  }
  if (end < 0) return null;
  const isKey = failure.expected === 'colon';
  // `"name":` inside the supposed value reads like JSON structure, not text: a missing
  // closing quote (unclosed-string) then explains it better.
  let looksStructural = false;
  for (let j = failure.offset; j < end && !isKey; j++) {
    if (bytes[j] === QUOTE && bytes[skipWhitespace(bytes, j + 1)] === COLON) looksStructural = true;
  }
  const fixed = `"${escapeQuotes(textOf(bytes, prev.start + 1, end))}"`;
  const broken = textOf(bytes, prev.start, prev.end);
  const rest = textOf(bytes, prev.end, end + 1);
  const prefix = isKey ? '' : keyPrefix(ctx, prev.start);
  return detection('unescaped-quote', looksStructural ? 0.6 : 0.93, prev.end - 1, {
    title: isKey
      ? 'A quote inside a property name is not escaped'
      : 'A quote inside a text value is not escaped',
    explanation:
      `The ${isKey ? 'name' : 'value'} ${code(clip(broken))} ends at this quote, but the text goes on ` +
      `(${code(clip(rest))}), so the quote was meant as part of the text. Inside a JSON string a quote ` +
      'must be written as \\" — a raw one ends the string and breaks the structure of the whole body.',
    fix:
      `Escape the quote${fixed.split('\\"').length > 2 ? 's' : ''} as \\": ${code(clip(prefix + fixed, 120))}. ` +
      "If the value comes from a template placeholder, render it with the composer's JSON-safe mode (it " +
      'escapes quotes, backslashes and line breaks) rather than pasting the raw text; on the platform, ' +
      'avoid passing free-text properties that may contain quotes as raw strings.',
  });
};

export const singleQuotes: Detector = (ctx) => {
  const { bytes, failure } = ctx;
  if (bytes[failure.offset] !== 0x27) return null;
  const isKey = failure.expected === 'first-key' || failure.expected === 'next-key';
  // Find the closing single quote on the same line, honouring backslash escapes.
  let end = -1;
  for (let j = failure.offset + 1; j < Math.min(bytes.length, failure.offset + SEARCH_LIMIT); j++) {
    const c = bytes[j];
    if (c === LF || c === CR) break;
    if (c === BACKSLASH) j++;
    else if (c === 0x27) {
      end = j;
      break;
    }
  }
  const quoted = end < 0 ? null : textOf(bytes, failure.offset, end + 1);
  const content = end < 0 ? '' : textOf(bytes, failure.offset + 1, end);
  // Inside double quotes, `\'` is not a valid escape and a raw `"` must be escaped.
  const fixed = `"${escapeQuotes(content.replace(/\\'/g, "'"))}"`;
  return detection('single-quotes', 0.9, failure.offset, {
    title: isKey ? 'A property name is in single quotes' : 'A string is in single quotes',
    explanation:
      'JSON strings and property names must use double quotes ("); single quotes (\') are JavaScript ' +
      'or Python syntax and every JSON parser rejects them.',
    fix:
      quoted === null
        ? 'Use double quotes around every string and property name.'
        : `Use double quotes: write ${code(clip(fixed))} instead of ${code(clip(quoted))}, and the same for every other single-quoted string.`,
  });
};

/** Drops trailing whitespace and one trailing comma, for "the value probably ended here". */
function trimValueEnd(text: string): { value: string; comma: boolean } {
  const trimmed = text.replace(/\s+$/, '');
  const comma = trimmed.endsWith(',');
  return { value: comma ? trimmed.slice(0, -1).replace(/\s+$/, '') : trimmed, comma };
}

/**
 * A string whose closing quote is missing: either it runs into a line break (in pretty-printed
 * JSON the next line starts with a key or a closer), or it swallowed `, ` and the next key's
 * opening quote, so the scanner trips on the key's name.
 */
export const unclosedString: Detector = (ctx) => {
  const { bytes, failure } = ctx;
  if (
    failure.problem === 'control-character' &&
    (bytes[failure.offset] === LF || bytes[failure.offset] === CR)
  ) {
    const start = failure.tokenStart;
    const { value, comma } = trimValueEnd(textOf(bytes, start + 1, failure.offset));
    const nextLine = bytes[skipWhitespace(bytes, failure.offset)];
    const looksLikeJson =
      comma || nextLine === QUOTE || nextLine === CLOSE_OBJECT || nextLine === CLOSE_ARRAY;
    const fixed = `${keyPrefix(ctx, start)}"${value}"${comma ? ',' : ''}`;
    return detection('unclosed-string', looksLikeJson ? 0.88 : 0.45, failure.offset, {
      title: 'A string is missing its closing quote',
      explanation:
        `The string that starts with ${code(clip(textOf(bytes, start, failure.offset), 30))} is not ` +
        'closed before the end of the line, so the scanner reads the line break as part of the text ' +
        '(and raw line breaks are not allowed inside strings).',
      fix: `Add the closing quote at the end of the value: ${code(clip(fixed, 120))}.`,
    });
  }
  const prev = failure.previous;
  if (failure.expected !== 'object-comma' || prev?.kind !== 'string' || prev.isKey) return null;
  const content = textOf(bytes, prev.start + 1, prev.end - 1);
  const { value, comma } = trimValueEnd(content);
  if (!comma) return null;
  // The text after the swallowed quote should read `name": …`.
  let j = failure.offset;
  while (j < bytes.length && j - failure.offset < 200 && bytes[j] !== QUOTE && bytes[j] !== LF) j++;
  if (bytes[j] !== QUOTE || bytes[skipWhitespace(bytes, j + 1)] !== COLON) return null;
  const name = textOf(bytes, failure.offset, j);
  const fixed = `${keyPrefix(ctx, prev.start)}"${value}", "${name}":`;
  return detection('unclosed-string', 0.86, prev.start, {
    title: 'A string is missing its closing quote',
    explanation:
      `The value ${code(clip(`"${value}`, 40))} has no closing quote, so it runs on through ${code(', "')} ` +
      `and the next property name ${code(name)} is read as bare text.`,
    fix: `Close the value before the comma: ${code(clip(fixed, 120))}.`,
  });
};
