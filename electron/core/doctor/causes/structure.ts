/**
 * Structural problems: commas and colons, brackets that do not match, a body that stops
 * too early, and data after the end of the document.
 */
import { CLOSE_ARRAY, CLOSE_OBJECT, COLON, LF, OPEN_OBJECT, QUOTE, skipWhitespace, textOf } from '../bytes';
import { ScanNotes } from '../notes';
import { scanValue } from '../scanner';
import {
  clip,
  code,
  type DetectContext,
  type Detector,
  detection,
  textAfter,
  textBefore,
  where,
} from './context';

export const trailingComma: Detector = (ctx) => {
  const { bytes, failure } = ctx;
  const found = bytes[failure.offset];
  const closesObject = failure.expected === 'next-key' && found === CLOSE_OBJECT;
  const closesArray = failure.expected === 'next-element' && found === CLOSE_ARRAY;
  if ((!closesObject && !closesArray) || failure.previous?.kind !== 'comma') return null;
  const comma = failure.previous.start;
  const before = textBefore(bytes, comma);
  const closer = closesObject ? '}' : ']';
  const sameLine = !textOf(bytes, comma, failure.offset).includes('\n');
  const example = sameLine
    ? `${code(`${before}${textOf(bytes, comma, failure.offset + 1)}`)} → ${code(`${before}${closer}`)}`
    : `${code(`${before},`)} → ${code(before)}`;
  return detection('trailing-comma', 0.95, comma, {
    title: `A comma before the closing ${code(closer)}`,
    explanation:
      `The ${closesObject ? 'last property' : 'last element'} is followed by a comma (${where(ctx, comma)}). ` +
      'JavaScript allows that trailing comma, JSON does not: after a comma another ' +
      `${closesObject ? 'property' : 'element'} must follow.`,
    fix: `Delete the comma: ${example}. Templates that build lists in a loop often leave it after the last item.`,
  });
};

function startsValue(b: number | undefined): boolean {
  if (b === undefined) return false;
  return (
    b === QUOTE ||
    b === OPEN_OBJECT ||
    b === 0x5b ||
    b === 0x2d ||
    (b >= 0x30 && b <= 0x39) ||
    b === 0x74 ||
    b === 0x66 ||
    b === 0x6e
  );
}

export const missingComma: Detector = (ctx) => {
  const { bytes, failure } = ctx;
  const prev = failure.previous;
  if (failure.expected !== 'object-comma' && failure.expected !== 'array-comma') return null;
  if (!startsValue(bytes[failure.offset]) || !prev || prev.kind === 'comma' || prev.kind === 'colon')
    return null;
  const newLine = textOf(bytes, prev.end, failure.offset).includes('\n');
  const inObject = failure.expected === 'object-comma';
  // In an object, the next thing should be a property name followed by a colon.
  let nextIsKey = false;
  if (inObject && bytes[failure.offset] === QUOTE) {
    let j = failure.offset + 1;
    while (j < bytes.length && j - failure.offset < 200 && bytes[j] !== QUOTE && bytes[j] !== LF) j++;
    nextIsKey = bytes[j] === QUOTE && bytes[skipWhitespace(bytes, j + 1)] === COLON;
  }
  const before = textBefore(bytes, prev.end);
  return detection('missing-comma', newLine || nextIsKey ? 0.85 : 0.5, prev.end, {
    title: 'A comma is missing',
    explanation:
      `After ${code(clip(before, 40))} comes ${code(textAfter(bytes, failure.offset, 20))} ` +
      `with no comma between them; ${inObject ? 'properties' : 'array elements'} must be separated by commas.`,
    fix: `Add a comma after ${code(clip(before, 40))}: ${code(`${clip(before, 40)},`)}.`,
  });
};

/** The value text starting at `offset`, up to the next `,` `}` `]` or line end (clipped). */
function valueText(bytes: Uint8Array, offset: number): string {
  const text = textAfter(bytes, offset, 30);
  const cut = text.search(/[,}\]]/);
  return cut < 0 ? text : text.slice(0, cut).trim();
}

export const missingColon: Detector = (ctx) => {
  const { bytes, failure } = ctx;
  if (failure.expected !== 'colon' || failure.problem !== 'unexpected-character') return null;
  const found = bytes[failure.offset];
  const equals = found === 0x3d;
  if (!equals && !startsValue(found)) return null;
  const key =
    failure.previous?.kind === 'string'
      ? textOf(bytes, failure.previous.start, failure.previous.end)
      : '"name"';
  return detection('missing-colon', equals ? 0.9 : 0.7, failure.offset, {
    title: equals ? 'A property uses `=` instead of `:`' : 'A colon is missing after a property name',
    explanation: `In JSON a property name is followed by a colon, then the value: ${code(`${clip(key, 40)}: value`)}.`,
    fix: equals
      ? `Replace ${code('=')} with ${code(':')}: ${code(`${clip(key, 40)}: …`)}.`
      : `Add a colon after ${code(clip(key, 40))}: ${code(`${clip(key, 40)}: ${valueText(bytes, failure.offset)}`)}.`,
  });
};

export const mismatchedBracket: Detector = (ctx) => {
  const { bytes, failure } = ctx;
  const found = bytes[failure.offset];
  if (found !== CLOSE_OBJECT && found !== CLOSE_ARRAY) return null;
  const opener = failure.open[failure.open.length - 1];
  if (opener === undefined) return null;
  const innermostIsObject = bytes[opener] === OPEN_OBJECT;
  if (innermostIsObject === (found === CLOSE_OBJECT)) return null;
  const wanted = innermostIsObject ? '}' : ']';
  const got = String.fromCharCode(found);
  return detection('mismatched-bracket', 0.75, failure.offset, {
    title: `${code(got)} does not match the open ${code(innermostIsObject ? '{' : '[')}`,
    explanation:
      `${code(got)} closes ${found === CLOSE_OBJECT ? 'an object' : 'an array'}, but the innermost open bracket is ` +
      `the ${code(innermostIsObject ? '{' : '[')} at ${where(ctx, opener)}, which needs ${code(wanted)}.`,
    fix: `Close the ${innermostIsObject ? 'object' : 'array'} first: ${code(wanted + got)} — or, if ${code(got)} is one too many, remove it.`,
  });
};

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** "2 objects and 1 array", from the opener offsets. */
export function describeOpen(bytes: Uint8Array, open: Int32Array): string {
  let objects = 0;
  for (const offset of open) if (bytes[offset] === OPEN_OBJECT) objects++;
  const arrays = open.length - objects;
  const parts = [objects ? plural(objects, 'object') : '', arrays ? plural(arrays, 'array') : ''].filter(
    Boolean,
  );
  return parts.join(' and ');
}

/** The closing brackets an incomplete body still needs, innermost first (long runs elided). */
function closers(bytes: Uint8Array, open: Int32Array, inString: boolean): string {
  let out = inString ? '"' : '';
  for (let k = open.length - 1, shown = 0; k >= 0; k--, shown++) {
    if (shown === 30) return `${out}…`;
    out += bytes[open[k] as number] === OPEN_OBJECT ? '}' : ']';
  }
  return out;
}

export const truncated: Detector = (ctx) => {
  const { bytes, failure, contentLength } = ctx;
  if (failure.problem !== 'unexpected-end' || skipWhitespace(bytes, ctx.start) >= bytes.length) return null;
  const inString = failure.expected === 'string' || failure.expected === 'escape';
  const open = describeOpen(bytes, failure.open);
  const count = failure.open.length;
  const state = [
    inString ? 'inside a string' : '',
    open ? `while ${open} ${count === 1 ? 'is' : 'are'} still open` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const missing = closers(bytes, failure.open, inString);
  const needs = missing ? ` It is missing at least ${code(missing)}.` : '';
  const received = bytes.length;
  if (contentLength !== null && contentLength > received) {
    return detection('truncated', 0.98, failure.offset, {
      title: 'The body was cut off',
      explanation:
        `Received ${received} of ${contentLength} bytes (the Content-Length): the body stops ${state || 'in the middle of the document'}. ` +
        'It was cut in transit — a dropped connection, a timeout, or a body-size limit on the way.',
      fix:
        'Resend the request and check the size limits between sender and receiver (the receiver body limit, ' +
        `proxies, the sender's own limit).${needs}`,
    });
  }
  const complete =
    contentLength !== null && contentLength === received
      ? ` All ${contentLength} declared bytes arrived, so the sender produced it incomplete.`
      : '';
  return detection('truncated', 0.95, failure.offset, {
    title: 'The body ends too early',
    explanation: `The body ends ${state || 'before the JSON value is complete'}.${complete}`,
    fix:
      `Send the complete document.${needs} If a template builds it, check it is not cut short ` +
      '(a missing closing bracket in the template, or a size limit on the sender).',
  });
};

/** Counts the documents in a body made of whitespace-separated JSON values, or -1 if it is not. */
function countDocuments(bytes: Uint8Array, firstEnd: number): { documents: number; lines: boolean } {
  const notes = new ScanNotes();
  let documents = 1;
  let lines = true;
  let i = firstEnd;
  for (;;) {
    const start = skipWhitespace(bytes, i);
    if (start >= bytes.length) return { documents, lines };
    if (!textOf(bytes, i, start).includes('\n')) lines = false;
    const result = scanValue(bytes, start, notes);
    if (!result.ok) return { documents: -1, lines };
    documents++;
    i = result.end;
  }
}

function documentsCause(ctx: DetectContext, documents: number, lines: boolean) {
  const { bytes, failure } = ctx;
  const firstStart = skipWhitespace(bytes, ctx.start);
  // Bounded slices: the documents may be megabytes long.
  const first = textOf(bytes, firstStart, Math.min(failure.offset, firstStart + 200))
    .trim()
    .replace(/\s+/g, ' ');
  const second = textOf(bytes, failure.offset, failure.offset + 60).split('\n')[0] ?? '';
  return detection('multiple-documents', 0.9, failure.offset, {
    title: `${documents} JSON documents back to back`,
    explanation:
      `The first JSON value ends before ${where(ctx, failure.offset)} and another one starts there ` +
      `(${documents} in all${lines ? ', one per line: this is NDJSON' : ''}). A JSON body holds exactly one value.`,
    fix:
      `Wrap them in an array, separated by commas: ${code(`[${clip(first, 40)}, ${clip(second, 30)}…]`)}` +
      `${lines ? ', or keep one per line and send them with `Content-Type: application/x-ndjson`' : ''}.`,
  });
}

export const extraData: Detector = (ctx) => {
  const { bytes, failure } = ctx;
  if (failure.expected !== 'end') return null;
  const { documents, lines } = countDocuments(bytes, failure.previous?.end ?? failure.offset);
  if (documents > 1) return documentsCause(ctx, documents, lines);
  const found = bytes[failure.offset];
  const bracket = found === CLOSE_OBJECT || found === CLOSE_ARRAY;
  return detection('extra-data', bracket ? 0.8 : 0.6, failure.offset, {
    title: bracket
      ? `An extra ${code(String.fromCharCode(found ?? 0))} after the end of the JSON`
      : 'Unexpected text after the JSON value',
    explanation: bracket
      ? 'The top-level value was already complete before this bracket: either it is one too many, or an ' +
        'earlier bracket closes too soon.'
      : `The JSON value is complete, but ${code(clip(textOf(bytes, failure.offset, failure.offset + 40).split('\n')[0] ?? '', 40))} follows it.`,
    fix: bracket
      ? `Remove the extra bracket at ${where(ctx, failure.offset)}, or find the bracket that closes too early.`
      : 'Remove what follows the JSON value (only whitespace may follow it).',
  });
};
