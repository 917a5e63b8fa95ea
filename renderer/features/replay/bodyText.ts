/**
 * Bodies cross the contract as base64. This screen shows them as text, and says so when
 * they are not UTF-8 rather than showing replacement characters that look like data.
 */
export interface BodyText {
  text: string;
  /** False when the bytes are not valid UTF-8 (the text then shows a description instead). */
  isText: boolean;
  size: number;
}

function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function bodyText(base64: string): BodyText {
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(base64);
  } catch {
    return { text: 'The body could not be decoded.', isText: false, size: 0 };
  }
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
      isText: true,
      size: bytes.length,
    };
  } catch {
    return { text: `${bytes.length} bytes that are not UTF-8 text.`, isText: false, size: bytes.length };
  }
}

export function textToBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK)
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** "200", "no answer: …" — a status or the reason there was none, in words. */
export function statusWords(status: number | null, error: string | null): string {
  if (status !== null) return String(status);
  return error ? `no answer: ${error}` : 'no answer';
}

/** 2xx, non-2xx or error, for colouring a status. */
export function statusTone(status: number | null): 'ok' | 'warn' | 'error' {
  if (status === null) return 'error';
  return status >= 200 && status < 300 ? 'ok' : 'warn';
}

export function formatMs(ms: number | null): string {
  if (ms === null) return '—';
  return ms >= 100 ? `${Math.round(ms)} ms` : `${Number(ms.toFixed(1))} ms`;
}
