/**
 * multipart/form-data split into its parts at the byte level: a part may be a
 * binary file, so the body is never decoded as a whole. Parts keep their exact
 * byte range in the body, so a file can be saved byte for byte.
 */
import type { HeaderPair } from '../../shared/domain';
import { parseContentType } from './contentType';

export interface MultipartPart {
  headers: HeaderPair[];
  /** The `name` of Content-Disposition, or null. */
  name: string | null;
  /** The `filename` (or decoded `filename*`) of Content-Disposition, or null when it is not a file. */
  filename: string | null;
  contentType: string | null;
  /** Byte range of the part's content in the body. */
  start: number;
  end: number;
}

export interface MultipartResult {
  parts: MultipartPart[];
  /** Plain-words problems: a missing closing boundary, a part without headers… */
  problems: string[];
}

const CR = 13;
const LF = 10;
const DASH = 45;

function indexOfBytes(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0];
  if (first === undefined) return -1;
  const last = haystack.length - needle.length;
  for (let i = haystack.indexOf(first, from); i !== -1 && i <= last; i = haystack.indexOf(first, i + 1)) {
    let k = 1;
    while (k < needle.length && haystack[i + k] === needle[k]) k += 1;
    if (k === needle.length) return i;
  }
  return -1;
}

/** Finds the next delimiter line: `--boundary` at the start of the body or right after a line break. */
function nextDelimiter(
  body: Uint8Array,
  delimiter: Uint8Array,
  from: number,
): { lineStart: number; at: number } {
  let at = indexOfBytes(body, delimiter, from);
  while (at !== -1) {
    if (at === 0) return { lineStart: 0, at };
    if (body[at - 1] === LF) return { lineStart: body[at - 2] === CR ? at - 2 : at - 1, at };
    at = indexOfBytes(body, delimiter, at + 1);
  }
  return { lineStart: -1, at: -1 };
}

function decodeHeaderText(bytes: Uint8Array): string {
  // Header bytes are usually ASCII; UTF-8 file names are common, Latin-1 the fallback.
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

function parseHeaders(text: string): HeaderPair[] {
  const headers: HeaderPair[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line === '') continue;
    const last = headers[headers.length - 1];
    if ((line.startsWith(' ') || line.startsWith('\t')) && last) {
      last[1] += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return headers;
}

function dispositionParams(headers: HeaderPair[]): Record<string, string> {
  const header = headers.find(([name]) => name.toLowerCase() === 'content-disposition');
  return header ? parseContentType(header[1]).params : {};
}

function extendedFilename(value: string | undefined): string | null {
  // RFC 5987: filename*=UTF-8''na%C3%AFve.txt
  const m = value ? /^([\w-]+)'[^']*'(.*)$/.exec(value) : null;
  if (!m) return null;
  try {
    return decodeURIComponent(m[2] as string);
  } catch {
    return null;
  }
}

/** The boundary from a multipart Content-Type, or null when the header has none. */
export function multipartBoundary(contentType: string | null | undefined): string | null {
  const parsed = parseContentType(contentType);
  if (!parsed.mime.startsWith('multipart/')) return null;
  const boundary = parsed.params.boundary;
  return boundary ? boundary : null;
}

export function parseMultipart(body: Uint8Array, boundary: string): MultipartResult {
  const delimiter = new TextEncoder().encode(`--${boundary}`);
  const problems: string[] = [];
  const parts: MultipartPart[] = [];
  let { at } = nextDelimiter(body, delimiter, 0);
  if (at === -1) {
    return {
      parts,
      problems: [`The boundary "${boundary}" from the Content-Type never appears in the body.`],
    };
  }
  for (;;) {
    let cursor = at + delimiter.length;
    if (body[cursor] === DASH && body[cursor + 1] === DASH) return { parts, problems };
    // Transport padding, then the line break that ends the delimiter line.
    while (body[cursor] === 32 || body[cursor] === 9) cursor += 1;
    if (body[cursor] === CR) cursor += 1;
    if (body[cursor] === LF) cursor += 1;
    if (cursor >= body.length) {
      problems.push('The body ends right after a boundary, without the closing "--".');
      return { parts, problems };
    }
    const next = nextDelimiter(body, delimiter, cursor);
    const partEnd = next.at === -1 ? body.length : next.lineStart;
    const section = body.subarray(cursor, partEnd);
    let split = indexOfBytes(section, new Uint8Array([CR, LF, CR, LF]), 0);
    let gap = 4;
    if (split === -1) {
      split = indexOfBytes(section, new Uint8Array([LF, LF]), 0);
      gap = 2;
    }
    // A part starting with a blank line has no headers at all.
    if (section[0] === CR && section[1] === LF) {
      split = 0;
      gap = 2;
    } else if (section[0] === LF) {
      split = 0;
      gap = 1;
    }
    let headers: HeaderPair[] = [];
    let start = cursor;
    if (split === -1) {
      problems.push(`Part ${parts.length + 1} has no blank line after its headers.`);
    } else {
      headers = parseHeaders(decodeHeaderText(section.subarray(0, split)));
      start = cursor + split + gap;
    }
    const params = dispositionParams(headers);
    const type = headers.find(([name]) => name.toLowerCase() === 'content-type');
    parts.push({
      headers,
      name: params.name ?? null,
      filename: extendedFilename(params['filename*']) ?? params.filename ?? null,
      contentType: type ? type[1] : null,
      start,
      end: Math.max(start, partEnd),
    });
    if (next.at === -1) {
      problems.push('The closing boundary is missing: the body may be cut off.');
      return { parts, problems };
    }
    at = next.at;
  }
}
