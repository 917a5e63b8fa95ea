/**
 * Problems inside strings: raw control characters and invalid escapes, plus stray control
 * bytes between tokens (often a sign of UTF-16 or binary data).
 */
import { BACKSLASH, CR, hex, LF, QUOTE, textOf } from '../bytes';
import { clip, code, type Detector, detection, keyPrefix } from './context';

const ESCAPES: Record<number, string> = { 10: '\\n', 13: '\\r', 9: '\\t', 8: '\\b', 12: '\\f' };

function escapeFor(b: number): string {
  return ESCAPES[b] ?? `\\u00${hex(b)}`;
}

const CONTROL_NAMES: Record<number, string> = { 10: 'line break', 13: 'carriage return', 9: 'tab' };

function controlName(b: number): string {
  return CONTROL_NAMES[b] ?? `control character U+00${hex(b)}`;
}

/** End of the string starting at `start` (after its closing quote), within `max` bytes, or -1. */
function stringEnd(bytes: Uint8Array, start: number, max = 400): number {
  for (let j = start + 1; j < bytes.length && j - start < max; j++) {
    if (bytes[j] === BACKSLASH) j++;
    else if (bytes[j] === QUOTE) return j + 1;
  }
  return -1;
}

function escapeControls(text: string): string {
  let out = '';
  for (const c of text) {
    const code = c.charCodeAt(0);
    out += code < 0x20 ? escapeFor(code) : c;
  }
  return out;
}

function looksUtf16(bytes: Uint8Array): boolean {
  // ASCII text in UTF-16 alternates NUL bytes with the characters.
  let nuls = 0;
  const n = Math.min(bytes.length, 16);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) nuls++;
  return n >= 4 && nuls >= n / 3;
}

export const controlCharacter: Detector = (ctx) => {
  const { bytes, failure } = ctx;
  const b = bytes[failure.offset];
  if (b === undefined) return null;
  if (failure.problem === 'control-character') {
    const start = failure.tokenStart;
    const end = stringEnd(bytes, start);
    const shown = end < 0 ? `${textOf(bytes, start, failure.offset + 1)}…` : textOf(bytes, start, end);
    const fixed = `${keyPrefix(ctx, start)}${escapeControls(shown)}`;
    const lineBreak = b === LF || b === CR;
    return detection('control-character', lineBreak ? 0.7 : 0.9, failure.offset, {
      title: `A raw ${controlName(b)} inside a string`,
      explanation:
        `The string contains a raw ${controlName(b)} (byte 0x${hex(b)}). Control characters (U+0000 to ` +
        'U+001F) are not allowed inside JSON strings as they are; they must be written as escapes. ' +
        'Multi-line text pasted into a template value is the usual source.',
      fix:
        `Write it as ${code(escapeFor(b))}: ${code(clip(fixed, 120))}. A JSON-safe renderer (the composer's ` +
        'JSON-safe mode, JSON.stringify) escapes these for you.',
    });
  }
  if (failure.problem !== 'unexpected-character' || (b >= 0x20 && b !== 0x7f)) return null;
  // Tabs and line breaks may stand between tokens: the problem is elsewhere (a misspelled literal before them).
  if (b === 0x09 || b === LF || b === CR) return null;
  if (failure.offset === 0 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    return detection('control-character', 0.95, 0, {
      title: 'The body is gzip-compressed, not JSON text',
      explanation:
        'It starts with the bytes 1F 8B, the signature of gzip data. A compressed body is read as JSON ' +
        'only after it is decompressed, which a receiver does when the request says Content-Encoding: gzip.',
      fix:
        'Have the sender add the header Content-Encoding: gzip (or send the body uncompressed). If the ' +
        'request already says so, the compressed data is cut short or damaged: it does not decompress.',
    });
  }
  const utf16 = b === 0 && looksUtf16(bytes);
  return detection('control-character', utf16 ? 0.95 : 0.85, failure.offset, {
    title: utf16 ? 'The body looks like UTF-16, not UTF-8' : `A stray control character (byte 0x${hex(b)})`,
    explanation: utf16
      ? 'Every other byte is 0x00: the text was encoded as UTF-16. JSON sent between systems must be UTF-8 (RFC 8259 §8.1).'
      : `Byte 0x${hex(b)} is a control character outside any string. Only spaces, tabs, line breaks and ` +
        'carriage returns may separate JSON tokens; this byte is usually left over from binary data or padding.',
    fix: utf16
      ? 'Have the sender encode the body as UTF-8.'
      : `Remove the byte 0x${hex(b)} at byte ${failure.offset}.`,
  });
};

const VALID_ESCAPE_CHARS = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/** Doubles the backslashes that do not start a valid escape; `\'` becomes a plain quote. */
function repairEscapes(content: string): string {
  let out = '';
  for (let k = 0; k < content.length; k++) {
    const c = content[k] as string;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = content[k + 1] ?? '';
    if (VALID_ESCAPE_CHARS.has(e)) {
      out += c + e;
      k++;
    } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(content.slice(k + 2, k + 6))) {
      out += content.slice(k, k + 6);
      k += 5;
    } else if (e === "'") {
      out += "'";
      k++;
    } else {
      out += '\\\\';
    }
  }
  return out;
}

export const badEscape: Detector = (ctx) => {
  const { bytes, failure } = ctx;
  if (failure.problem !== 'bad-escape') return null;
  const start = failure.tokenStart;
  const end = stringEnd(bytes, start, 4096);
  const content = end < 0 ? textOf(bytes, start + 1, failure.offset + 2) : textOf(bytes, start + 1, end - 1);
  const fixed = `${keyPrefix(ctx, start)}"${repairEscapes(content)}${end < 0 ? '…' : '"'}`;
  const escaped =
    bytes[failure.offset] === BACKSLASH ? String.fromCharCode(bytes[failure.offset + 1] ?? 0x20) : 'u';
  const singleQuote = escaped === "'";
  const path = /[A-Za-z]:\\|\\\\|\\[A-Za-z]+\\/.test(content);
  if (escaped === 'u' && !path) {
    return detection('bad-escape', 0.9, failure.offset, {
      title: 'A \\u escape without four hex digits',
      explanation:
        '\\u must be followed by exactly four hex digits (0-9, a-f) giving a UTF-16 code unit, e.g. \\u00E9 for é.',
      fix:
        'Complete the escape with four hex digits, or put the character itself in the string (UTF-8); for a ' +
        `literal backslash followed by u, write ${code('\\\\u')}: ${code(clip(fixed, 120))}.`,
    });
  }
  return detection('bad-escape', 0.9, failure.offset, {
    title: singleQuote ? "`\\'` is not a JSON escape" : 'A backslash starts an invalid escape',
    explanation: singleQuote
      ? "JavaScript escapes a single quote as \\', JSON does not: inside a JSON string a single quote needs no escape at all."
      : 'In a JSON string a backslash always starts an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u and four hex digits); ' +
        `anything else after it is an error${path ? ' — Windows paths and regular expressions need every backslash doubled' : ''}.`,
    fix: singleQuote
      ? `Drop the backslash: ${code(clip(fixed, 120))}.`
      : `Write a literal backslash as ${code('\\\\')}: ${code(clip(fixed, 120))}.`,
  });
};
