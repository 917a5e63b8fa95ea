/**
 * Whole-body scanning: one JSON value and nothing after it, or — for an NDJSON content type —
 * a sequence of values.
 */
import { CLOSE_ARRAY, CLOSE_OBJECT, QUOTE, skipWhitespace } from './bytes';
import type { ScanNotes } from './notes';
import { expectedMessage, type ScanFailure, type ScanSuccess, type TokenKind } from './scan-result';
import { scanValue } from './scanner';
import type { TopLevelType } from './types';

export interface DocumentSuccess {
  ok: true;
  topLevel: TopLevelType;
  documents: number;
}

/**
 * Scans a whole body: one value and nothing but whitespace after it, or — when `multiple` is set
 * (an NDJSON content type) — a sequence of values separated by whitespace.
 */
export function scanDocument(
  bytes: Uint8Array,
  from: number,
  notes: ScanNotes,
  multiple: boolean,
): DocumentSuccess | ScanFailure {
  const first = scanValue(bytes, from, notes);
  if (!first.ok) return first;
  let documents = 1;
  let last: ScanSuccess = first;
  for (;;) {
    const next = skipWhitespace(bytes, last.end);
    if (next >= bytes.length) return { ok: true, topLevel: first.topLevel, documents };
    if (!multiple) return extraDataFailure(bytes, last, next);
    const result = scanValue(bytes, next, notes);
    if (!result.ok) return result;
    documents++;
    last = result;
  }
}

/** The failure for data after a complete top-level value. */
function extraDataFailure(bytes: Uint8Array, value: ScanSuccess, offset: number): ScanFailure {
  const last = bytes[value.end - 1];
  const kind: TokenKind =
    last === QUOTE
      ? 'string'
      : last === CLOSE_OBJECT || last === CLOSE_ARRAY
        ? 'close'
        : value.topLevel === 'number'
          ? 'number'
          : 'literal';
  return {
    ok: false,
    offset,
    problem: 'unexpected-character',
    expected: 'end',
    context: 'end',
    message: expectedMessage(bytes, 'end', offset),
    tokenStart: offset,
    previous: {
      kind,
      start: kind === 'close' ? value.end - 1 : value.start,
      end: value.end,
      isKey: false,
    },
    lastKey: null,
    open: new Int32Array(0),
  };
}
