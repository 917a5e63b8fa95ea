/**
 * Problems with the body as a whole: its encoding (BOM, invalid UTF-8), an empty body, and a
 * Content-Type that does not match what was sent.
 */
import { hex, textOf } from '../bytes';
import { formPairs, isFormType, isJsonType, looksFormEncoded, type MediaType } from '../content-type';
import type { Cause, Finding } from '../types';
import type { Utf8Problem } from '../utf8';
import { clip, code, type Detector, detection } from './context';

export function bomCause(): Cause {
  return {
    id: 'bom',
    offset: 0,
    title: 'The body starts with a byte-order mark (BOM)',
    explanation:
      'The first three bytes, EF BB BF, are an invisible UTF-8 byte-order mark. JSON sent between systems ' +
      'must not start with one (RFC 8259 §8.1): JSON.parse on the raw text and many servers reject the body ' +
      'at the very first character, even though editors do not show it.',
    fix:
      'Remove the three bytes EF BB BF at the start of the body: save the file or template as "UTF-8" rather ' +
      'than "UTF-8 with BOM", or strip it before sending.',
  };
}

/** Windows-1252's printable characters in 0x80–0x9F (where it differs from Latin-1). */
const WINDOWS_1252: Record<number, string> = {
  128: '€',
  133: '…',
  145: '‘',
  146: '’',
  147: '“',
  148: '”',
  150: '–',
  151: '—',
  153: '™',
};

function legacyGuess(byte: number): string | null {
  if (byte >= 0xa0) return String.fromCharCode(byte);
  return WINDOWS_1252[byte] ?? null;
}

function hexBytes(bytes: Iterable<number>): string {
  return Array.from(bytes, hex).join(' ');
}

export function invalidUtf8Cause(bytes: Uint8Array, problem: Utf8Problem, media: MediaType | null): Cause {
  const first = problem.sequence[0] ?? 0;
  const guess = legacyGuess(first);
  const others = problem.invalidBytes - 1;
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe ? 'LE' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'BE' : null;
  const charset =
    media?.charset && media.charset !== 'utf-8' && media.charset !== 'utf8'
      ? ` The Content-Type declares charset=${media.charset}, but JSON must be UTF-8 whatever the header says.`
      : '';
  const explanation = utf16
    ? `The body starts with ${hexBytes(bytes.subarray(0, 2))}, the byte-order mark of UTF-16${utf16}: the sender encoded the text as UTF-16. JSON sent between systems must be UTF-8 (RFC 8259 §8.1).`
    : `${problem.sequence.length === 1 ? 'Byte' : 'The bytes'} ${hexBytes(problem.sequence)} at byte ${problem.offset}` +
      `${problem.following.length ? ` (followed by ${hexBytes(problem.following)})` : ''}` +
      ` ${problem.sequence.length === 1 ? 'is' : 'are'} not valid UTF-8` +
      `${others > 0 ? ` (and ${others} more invalid byte${others === 1 ? '' : 's'} follow in the body)` : ''}. ` +
      `JSON sent between systems must be UTF-8 (RFC 8259 §8.1).${charset}`;
  const encoded = guess === null ? '' : hexBytes(new TextEncoder().encode(guess));
  const fix = utf16
    ? 'Have the sender encode the body as UTF-8 (without a byte-order mark).'
    : guess !== null
      ? `Byte 0x${hex(first)} looks like ${code(guess)} in Latin-1 / Windows-1252; in UTF-8 it is ${encoded}. ` +
        'Have the sender encode the body as UTF-8 (and declare `charset=utf-8`).'
      : 'Have the sender encode the body as UTF-8; if these bytes are binary data, send them base64-encoded in a string.';
  return {
    id: 'invalid-utf8',
    offset: problem.offset,
    title: utf16 ? 'The body is UTF-16, not UTF-8' : 'The body is not valid UTF-8',
    explanation,
    fix,
  };
}

export function emptyBodyCause(
  bytes: Uint8Array,
  media: MediaType | null,
  contentLength: number | null,
): Cause {
  const lost =
    contentLength !== null && contentLength > bytes.length
      ? ` The Content-Length announced ${contentLength} bytes, but ${bytes.length === 0 ? 'none' : `only ${bytes.length}`} arrived.`
      : '';
  return {
    id: 'empty-body',
    offset: bytes.length,
    title: 'The body is empty',
    explanation:
      `The Content-Type says JSON (${code(media?.raw ?? 'application/json')}) but the body is ` +
      `${bytes.length === 0 ? 'empty' : 'only whitespace'}: an empty body is not a JSON document.${lost}`,
    fix:
      'Send a JSON document — at least `{}` — or, when there is nothing to send, drop the JSON Content-Type ' +
      '(or send the request without a body).',
  };
}

export const formEncodedAsJson: Detector = (ctx) => {
  if (!isJsonType(ctx.media) || !looksFormEncoded(ctx.bytes, ctx.start)) return null;
  const text = textOf(ctx.bytes, ctx.start, ctx.start + 2000);
  const pairs = formPairs(text, 4);
  const json = `{${pairs.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')}${
    text.split('&').length > pairs.length ? ', …' : ''
  }}`;
  return detection('form-encoded-as-json', 0.97, ctx.start, {
    title: 'Form data sent as JSON',
    explanation:
      `The Content-Type says JSON (${code(ctx.media?.raw ?? '')}) but the body is form-encoded ` +
      `(${code(clip(text.split('\n')[0] ?? '', 50))}): name=value pairs joined with &.`,
    fix:
      `Either send JSON — ${code(clip(json, 120))} — or keep the form body and send it with ` +
      '`Content-Type: application/x-www-form-urlencoded`.',
  });
};

/** Warning for a JSON body sent as form data or without a Content-Type; null when the type fits. */
export function jsonAsFormFinding(media: MediaType | null): Finding | null {
  if (media !== null && !isFormType(media)) return null;
  return {
    id: 'json-as-form',
    offset: 0,
    title: media === null ? 'JSON sent without a Content-Type' : 'JSON sent as form data',
    explanation:
      media === null
        ? 'The body is JSON but the request has no Content-Type, so receivers may not parse it as JSON (many ' +
          'frameworks leave the body unparsed or treat it as text).'
        : `The body is JSON but the Content-Type is ${code(media.raw)}: receivers will try to parse it as ` +
          'name=value pairs and get one odd field, or nothing.',
    fix: 'Send it with `Content-Type: application/json`.',
  };
}
