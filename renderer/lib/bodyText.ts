/**
 * Bodies cross the contract as base64. Screens show them as text, and say so when they are
 * not UTF-8 rather than showing replacement characters that look like data.
 */
export interface BodyText {
  text: string;
  /** False when the bytes are not valid UTF-8 (the text then describes them instead). */
  isText: boolean;
  size: number;
}

/** A base64 body as text, or a description when it is not UTF-8. */
export function bodyText(base64: string): BodyText {
  let bytes: Uint8Array;
  try {
    // atob, not base64ToBytes: the same input is refused (or accepted) as it always was here.
    bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
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
