/**
 * UTF-8 validation with positions. JSON exchanged between systems must be UTF-8 (RFC 8259 §8.1);
 * TextDecoder can say *that* bytes are invalid but not *where*, which support staff need.
 */
import { utf8SequenceLength } from './bytes';

export interface Utf8Problem {
  /** Byte offset of the first byte that is not part of well-formed UTF-8. */
  offset: number;
  /** The invalid bytes: a lead byte and the continuation bytes that follow it, or a lone byte. */
  sequence: number[];
  /** Up to 3 bytes after the sequence, to show the context in hex. */
  following: number[];
  /** How many bytes in the whole body are not part of well-formed UTF-8. */
  invalidBytes: number;
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** How many bytes a lead byte announces (1 for bytes that cannot start a sequence). */
function announcedLength(b: number): number {
  if (b >= 0xc0 && b < 0xe0) return 2;
  if (b >= 0xe0 && b < 0xf0) return 3;
  if (b >= 0xf0 && b < 0xf8) return 4;
  return 1;
}

function isValid(bytes: Uint8Array, from: number): boolean {
  try {
    strict.decode(bytes.subarray(from));
    return true;
  } catch {
    return false;
  }
}

/** The first invalid UTF-8 sequence at or after `from`, or null when the bytes are all UTF-8. */
export function findInvalidUtf8(bytes: Uint8Array, from: number): Utf8Problem | null {
  // The native decoder answers the common (valid) case fastest; only a failure needs the walk.
  if (isValid(bytes, from)) return null;
  let first = -1;
  let invalidBytes = 0;
  let i = from;
  const n = bytes.length;
  while (i < n) {
    if ((bytes[i] as number) < 0x80) {
      i++;
      continue;
    }
    const len = utf8SequenceLength(bytes, i);
    if (len > 0) {
      i += len;
      continue;
    }
    if (first < 0) first = i;
    invalidBytes++;
    i++;
  }
  if (first < 0) return null;
  // The lead byte plus the continuation bytes that tried to complete it.
  const limit = Math.min(n, first + announcedLength(bytes[first] as number));
  let end = first + 1;
  while (end < limit && ((bytes[end] as number) & 0xc0) === 0x80) end++;
  return {
    offset: first,
    sequence: Array.from(bytes.subarray(first, end)),
    following: Array.from(bytes.subarray(end, end + 3)),
    invalidBytes,
  };
}
