/**
 * Byte offsets → line/column, and the excerpt + caret shown under an error message.
 * Columns count characters (code points); a byte that is not UTF-8 counts as one character,
 * the same model the excerpt uses, so the caret always lands under the reported column.
 */
import { CR, charLength, codePointAt, isLineBreak, LF } from './bytes';

export interface LineColumn {
  line: number;
  column: number;
}

/** Characters (and bytes) walked between checkpoints; bounds the cost of any single lookup. */
const CHECKPOINT_BYTES = 1 << 16;

/**
 * Answers many position lookups on one body in linear total time: it walks forward once,
 * leaving checkpoints, so a lookup behind the walk restarts from the nearest checkpoint
 * instead of from the start of a (possibly 20 MB, single-line) body.
 */
export class Locator {
  // Flattened (offset, line, column) triples at character boundaries, in increasing offset.
  private readonly checkpoints: number[] = [0, 1, 1];

  constructor(private readonly bytes: Uint8Array) {}

  locate(offset: number): LineColumn {
    const target = Math.max(0, Math.min(offset, this.bytes.length));
    const k = this.nearestCheckpoint(target);
    let i = this.checkpoints[k] as number;
    let line = this.checkpoints[k + 1] as number;
    let column = this.checkpoints[k + 2] as number;
    let nextCheckpoint = (this.checkpoints[this.checkpoints.length - 3] as number) + CHECKPOINT_BYTES;
    const bytes = this.bytes;
    while (i < target) {
      const len = charLength(bytes, i);
      // An offset inside a multi-byte character belongs to that character.
      if (i + len > target) break;
      if (isLineBreak(bytes, i)) {
        line++;
        column = 1;
      } else {
        column++;
      }
      i += len;
      if (i >= nextCheckpoint) {
        this.checkpoints.push(i, line, column);
        nextCheckpoint = i + CHECKPOINT_BYTES;
      }
    }
    return { line, column };
  }

  private nearestCheckpoint(target: number): number {
    let lo = 0;
    let hi = this.checkpoints.length / 3 - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.checkpoints[mid * 3] as number) <= target) lo = mid;
      else hi = mid - 1;
    }
    return lo * 3;
  }
}

export interface Excerpt {
  excerpt: string;
  caret: string;
}

/** How much of a long line to show around the error, in characters. */
const BEFORE = 60;
const AFTER = 40;

/** One shown character per body character, so columns and carets stay aligned. */
function shownChar(bytes: Uint8Array, i: number): string {
  const cp = codePointAt(bytes, i);
  if (cp < 0 || cp === 0xfeff) return '\uFFFD';
  if (cp === 0x09) return '\t';
  // Control characters would move the cursor or vanish; their "control pictures" stay visible.
  if (cp < 0x20) return String.fromCharCode(0x2400 + cp);
  if (cp === 0x7f) return '\u2421';
  return String.fromCodePoint(cp);
}

function isLineEnd(bytes: Uint8Array, i: number): boolean {
  const b = bytes[i];
  return b === LF || b === CR;
}

/**
 * The line holding `offset`, clipped to about BEFORE characters before it and AFTER after it,
 * with `…` where the line goes on, and a caret line pointing at `offset`.
 * Only looks at a bounded window of bytes, whatever the line length.
 */
export function renderExcerpt(bytes: Uint8Array, offset: number): Excerpt {
  const target = Math.max(0, Math.min(offset, bytes.length));
  // Find where to start: the line start, unless it lies further back than the window reaches.
  const reach = BEFORE * 4 + 4;
  let start = target;
  while (start > 0 && target - start < reach && !isLineEnd(bytes, start - 1)) start--;
  let clippedStart = start > 0 && !isLineEnd(bytes, start - 1);
  // Land on a character boundary (the window may have cut a multi-byte character).
  while (clippedStart && start < target && ((bytes[start] as number) & 0xc0) === 0x80) start++;

  const before: string[] = [];
  for (let i = start; i < target; ) {
    const len = charLength(bytes, i);
    if (i + len > target) break;
    before.push(shownChar(bytes, i));
    i += len;
  }
  if (before.length > BEFORE) {
    before.splice(0, before.length - BEFORE);
    clippedStart = true;
  }

  const after: string[] = [];
  let i = target;
  while (i < bytes.length && after.length < AFTER && !isLineEnd(bytes, i)) {
    after.push(shownChar(bytes, i));
    i += charLength(bytes, i);
  }
  const clippedEnd = i < bytes.length && !isLineEnd(bytes, i);

  const lead = clippedStart ? '…' : '';
  const excerpt = `${lead}${before.join('')}${after.join('')}${clippedEnd ? '…' : ''}`;
  const pad = before.map((c) => (c === '\t' ? '\t' : ' ')).join('');
  return { excerpt, caret: `${clippedStart ? ' ' : ''}${pad}^` };
}
