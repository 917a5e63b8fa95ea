import { base64ToBytes } from './base64';
import { hexDump } from './hexDump';
import { formatJson } from './jsonFormat';

/** Larger bodies are cut for display: rendering megabytes of text would freeze the pane. */
export const DISPLAY_LIMIT_BYTES = 256 * 1024;
/** Above this, formatting JSON costs more than it helps; such bodies show as text. */
const JSON_FORMAT_LIMIT_BYTES = 8 * 1024 * 1024;

export type BodyKind = 'json' | 'text' | 'hex';

export interface DecodedBody {
  kind: BodyKind;
  /** What to display, already cut to the display limit. */
  text: string;
  totalBytes: number;
  /** True when `text` shows only the start of the body. */
  clipped: boolean;
}

export type BodyDecodeResult = { ok: true; body: DecodedBody } | { ok: false; message: string };

function decodeUtf8(bytes: Uint8Array, allowCutTail: boolean): string | null {
  try {
    // With `stream`, a multi-byte character cut off at the very end is held back instead
    // of failing: a truncated capture may end mid-character yet still be text.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: allowCutTail });
  } catch {
    return null;
  }
}

function clipString(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit);
  const last = cut.charCodeAt(cut.length - 1);
  // Do not leave half of a surrogate pair dangling at the cut.
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/**
 * Picks how to show a body: pretty JSON when it is UTF-8 that parses as JSON,
 * plain text when it is valid UTF-8, otherwise a hex dump.
 */
export function decodeBody(bytes: Uint8Array, options: { truncated?: boolean } = {}): DecodedBody {
  const totalBytes = bytes.length;
  const utf8 = decodeUtf8(bytes, options.truncated ?? false);
  if (utf8 === null) {
    const shown = bytes.subarray(0, DISPLAY_LIMIT_BYTES);
    return { kind: 'hex', text: hexDump(shown), totalBytes, clipped: shown.length < totalBytes };
  }
  if (totalBytes <= JSON_FORMAT_LIMIT_BYTES) {
    const json = formatJson(utf8);
    if (json !== null) {
      const text = clipString(json, DISPLAY_LIMIT_BYTES);
      return { kind: 'json', text, totalBytes, clipped: text.length < json.length };
    }
  }
  if (totalBytes <= DISPLAY_LIMIT_BYTES) return { kind: 'text', text: utf8, totalBytes, clipped: false };
  const text = decodeUtf8(bytes.subarray(0, DISPLAY_LIMIT_BYTES), true) ?? '';
  return { kind: 'text', text, totalBytes, clipped: true };
}

export function decodeBase64Body(base64: string, options: { truncated?: boolean } = {}): BodyDecodeResult {
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(base64);
  } catch {
    return { ok: false, message: 'The stored body could not be decoded.' };
  }
  return { ok: true, body: decodeBody(bytes, options) };
}
