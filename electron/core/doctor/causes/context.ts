/**
 * What every cause detector gets, what it returns, and the snippet helpers they share.
 */
import { CR, isJsonWhitespace, LF, textOf } from '../bytes';
import type { MediaType } from '../content-type';
import type { LineColumn } from '../position';
import type { ScanFailure } from '../scan-result';
import type { Cause, CauseId } from '../types';

export interface DetectContext {
  bytes: Uint8Array;
  /** First byte of the JSON text (3 when the body starts with a BOM). */
  start: number;
  failure: ScanFailure;
  media: MediaType | null;
  contentLength: number | null;
  locate: (offset: number) => LineColumn;
}

/** A cause plus how likely it is, 0–1; causes are shown most likely first. */
export interface Detection {
  cause: Cause;
  score: number;
}

export type Detector = (ctx: DetectContext) => Detection | null;

export function detection(
  id: CauseId,
  score: number,
  offset: number,
  text: { title: string; explanation: string; fix: string },
): Detection {
  return { cause: { id, ...text, offset }, score };
}

/** Code in running text: backticks, as in the rest of Hookbench's messages. */
export function code(text: string): string {
  return `\`${text}\``;
}

/** Shortens text for a message, marking the cut with `…`. */
export function clip(text: string, max = 60): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

function isLineEnd(b: number | undefined): boolean {
  return b === LF || b === CR;
}

/** The text before `offset` on its line (at most ~`max` bytes), leading whitespace dropped. */
export function textBefore(bytes: Uint8Array, offset: number, max = 40): string {
  let i = offset;
  while (i > 0 && offset - i < max && !isLineEnd(bytes[i - 1])) i--;
  const clipped = i > 0 && !isLineEnd(bytes[i - 1]);
  // Skip continuation bytes so the cut never splits a character.
  while (clipped && i < offset && ((bytes[i] as number) & 0xc0) === 0x80) i++;
  while (i < offset && isJsonWhitespace(bytes[i] as number)) i++;
  return `${clipped ? '…' : ''}${textOf(bytes, i, offset)}`;
}

/** The text from `offset` to the end of its line (at most ~`max` bytes), trailing whitespace dropped. */
export function textAfter(bytes: Uint8Array, offset: number, max = 40): string {
  let i = offset;
  while (i < bytes.length && i - offset < max && !isLineEnd(bytes[i])) i++;
  const clipped = i < bytes.length && !isLineEnd(bytes[i]);
  while (clipped && i > offset && ((bytes[i] as number) & 0xc0) === 0x80) i--;
  let end = i;
  while (end > offset && isJsonWhitespace(bytes[end - 1] as number)) end--;
  return `${textOf(bytes, offset, end)}${clipped ? '…' : ''}`;
}

/** "line 3, column 12" for an offset. */
export function where(ctx: DetectContext, offset: number): string {
  const { line, column } = ctx.locate(offset);
  return `line ${line}, column ${column}`;
}

/** Escapes raw `"` (those not already escaped) in decoded string content. */
export function escapeQuotes(content: string): string {
  let out = '';
  for (let k = 0; k < content.length; k++) {
    const c = content[k] as string;
    if (c === '\\' && k + 1 < content.length) {
      out += c + content[k + 1];
      k++;
    } else {
      out += c === '"' ? '\\"' : c;
    }
  }
  return out;
}

/** The `"name": ` prefix when the failing value belongs to the last property name. */
export function keyPrefix(ctx: DetectContext, valueStart: number): string {
  const key = ctx.failure.lastKey;
  if (!key || key.end > valueStart) return '';
  const { bytes } = ctx;
  let i = key.end;
  while (i < valueStart && isJsonWhitespace(bytes[i] as number)) i++;
  if (bytes[i] !== 0x3a) return '';
  i++;
  while (i < valueStart && isJsonWhitespace(bytes[i] as number)) i++;
  return i === valueStart ? `${clip(textOf(bytes, key.start, key.end), 40)}: ` : '';
}
