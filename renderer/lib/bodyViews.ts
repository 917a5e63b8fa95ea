/**
 * Which views suit a body, from its Content-Type and its first bytes. Only the
 * start is sniffed, so choosing is instant even for a 20 MB body; whether the
 * whole body really parses is found out by the view itself (in the worker).
 */
import { isJsonMime, isXmlMime, parseContentType } from './contentType';
import { multipartBoundary } from './multipart';

export type BodyViewId = 'json' | 'tree' | 'form' | 'multipart' | 'xml' | 'image' | 'text' | 'hex';

export const VIEW_LABELS: Record<BodyViewId, string> = {
  json: 'JSON',
  tree: 'Tree',
  form: 'Form fields',
  multipart: 'Parts',
  xml: 'XML',
  image: 'Image',
  text: 'Text',
  hex: 'Hex',
};

/** How many leading bytes are sniffed. */
export const SNIFF_BYTES = 4096;

export interface ViewChoice {
  preferred: BodyViewId;
  /** Every view worth offering, the preferred one first; text and hex are always there. */
  available: BodyViewId[];
}

const IMAGE_MIMES = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/bmp',
  'image/x-icon',
]);

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return prefix.every((byte, i) => bytes[at + i] === byte);
}

/** The image type the bytes announce, whatever the header says. */
export function sniffImage(head: Uint8Array): string | null {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x47, 0x49, 0x46, 0x38])) return 'image/gif';
  if (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && startsWith(head, [0x57, 0x45, 0x42, 0x50], 8)) {
    return 'image/webp';
  }
  return null;
}

function firstNonSpace(head: Uint8Array): number | undefined {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) {
    i += 1;
  }
  return head[i];
}

/** Valid UTF-8 without NUL bytes, allowing a character cut at the sniff boundary. */
export function looksLikeText(head: Uint8Array): boolean {
  if (head.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function unique(views: BodyViewId[]): BodyViewId[] {
  return [...new Set(views)];
}

export function chooseViews(contentType: string | null, head: Uint8Array, size: number): ViewChoice {
  if (size === 0) return { preferred: 'text', available: ['text', 'hex'] };
  const { mime } = parseContentType(contentType);
  const text = looksLikeText(head);
  const first = firstNonSpace(head);
  const jsonLike = first === 0x7b || first === 0x5b;
  const image = sniffImage(head);
  const views: BodyViewId[] = [];

  if (image || IMAGE_MIMES.has(mime)) views.push('image');
  if (mime === 'image/svg+xml') views.push('image', 'xml');
  if (mime.startsWith('multipart/') && multipartBoundary(contentType)) views.push('multipart');
  if (text && (isJsonMime(mime) || jsonLike)) views.push('json', 'tree');
  if (mime === 'application/x-www-form-urlencoded' && text) views.push('form');
  if (isXmlMime(mime) || (first === 0x3c && text && !mime.startsWith('text/html'))) views.push('xml');
  // Form-looking text sent without a type (a=1&b=2) still reads best as fields.
  if (!views.includes('form') && text && !jsonLike && mime === '' && /^[\w.%+-]+=/.test(decodeHead(head))) {
    views.push('form');
  }
  const fallback: BodyViewId[] = text ? ['text', 'hex'] : ['hex', 'text'];
  // Claimed JSON that is not text (say, compressed): offered, but not first.
  const late: BodyViewId[] = isJsonMime(mime) && !text ? ['json'] : [];
  const available = unique([...views, ...fallback, ...late]);
  return { preferred: available[0] as BodyViewId, available };
}

function decodeHead(head: Uint8Array): string {
  return new TextDecoder('utf-8').decode(head.subarray(0, 256));
}
