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
