/**
 * Turns body bytes into what one view shows. Pure and DOM-free: it runs in the
 * body worker, so a 20 MB body is parsed and formatted off the UI thread, and
 * only the first part of the result (the `limit`) crosses back to be rendered.
 */
import type { HeaderPair } from '../../shared/domain';
import type { BodyViewId } from './bodyViews';
import { looksLikeText } from './bodyViews';
import { parseContentType } from './contentType';
import { countUrlEncoded, type FormField, parseUrlEncoded } from './formUrlEncoded';
import { hexDump } from './hexDump';
import { formatJson } from './jsonFormat';
import { buildJsonTree, type JsonTreeRow } from './jsonTree';
import { multipartBoundary, parseMultipart } from './multipart';
import { formatXml } from './xmlFormat';

export type RenderView = Exclude<BodyViewId, 'image'>;

export interface RenderRequest {
  view: RenderView;
  bytes: Uint8Array;
  contentType: string | null;
  /** How much to return: characters (json, xml, text), bytes (hex), rows (tree) or fields (form). */
  limit: number;
  /** The bytes are the first part of a longer body, so they may end mid-token. */
  partial: boolean;
}

export interface PartSummary {
  headers: HeaderPair[];
  name: string | null;
  filename: string | null;
  contentType: string | null;
  start: number;
  end: number;
  /** The start of the part: text, or a hex dump when the part is binary. */
  preview: string;
  previewKind: 'text' | 'hex';
}

export type RenderResult =
  | {
      shape: 'text';
      text: string;
      shown: number;
      total: number;
      unit: 'characters' | 'bytes';
      note: string | null;
    }
  | { shape: 'tree'; rows: JsonTreeRow[]; totalNodes: number }
  | { shape: 'fields'; fields: FormField[]; total: number }
  | { shape: 'parts'; parts: PartSummary[]; problems: string[] }
  /** The view does not apply to these bytes; `reason` says why in plain words. */
  | { shape: 'unavailable'; reason: string };

/** Defaults for the first render of each view; "show more" asks for more. */
export const FIRST_LIMIT: Record<RenderView, number> = {
  json: 256 * 1024,
  xml: 256 * 1024,
  text: 256 * 1024,
  hex: 64 * 1024,
  tree: 2000,
  form: 2000,
  multipart: 0,
};

/** Bytes of a multipart part shown as text; Save has the whole part. */
export const PART_TEXT_PREVIEW = 4096;
const PART_HEX_PREVIEW = 256;

/** Full results are kept for the latest body, so "show more" does not format 20 MB again. */
export class RenderCache {
  private key = '';
  private readonly results = new Map<string, unknown>();

  get<T>(key: string, view: string, make: () => T): T {
    if (key !== this.key) {
      this.key = key;
      this.results.clear();
    }
    if (!this.results.has(view)) this.results.set(view, make());
    return this.results.get(view) as T;
  }
}

function decodeText(bytes: Uint8Array, contentType: string | null, partial: boolean) {
  const charset = parseContentType(contentType).params.charset?.toLowerCase();
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset || 'utf-8');
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  const text = decoder.decode(bytes, { stream: partial });
  const utf8 = decoder.encoding === 'utf-8';
  const bad = utf8 && text.includes('\uFFFD') && !looksLikeText(bytes.subarray(0, 1 << 20));
  return { text, encoding: decoder.encoding, bad };
}

function clip(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit);
  const last = cut.charCodeAt(cut.length - 1);
  // Do not leave half of a surrogate pair dangling at the cut.
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

function textShape(text: string, limit: number, note: string | null): RenderResult {
  const shown = clip(text, limit);
  return { shape: 'text', text: shown, shown: shown.length, total: text.length, unit: 'characters', note };
}

function summarizePart(
  bytes: Uint8Array,
  part: ReturnType<typeof parseMultipart>['parts'][number],
): PartSummary {
  const content = bytes.subarray(part.start, part.end);
  const head = content.subarray(0, PART_TEXT_PREVIEW);
  const isText = looksLikeText(head);
  return {
    ...part,
    preview: isText
      ? new TextDecoder('utf-8').decode(head, { stream: content.length > head.length })
      : hexDump(content.subarray(0, PART_HEX_PREVIEW)),
    previewKind: isText ? 'text' : 'hex',
  };
}

export function renderBody(request: RenderRequest, cache?: RenderCache, cacheKey = ''): RenderResult {
  const { view, bytes, contentType, limit, partial } = request;
  const memo = <T>(make: () => T): T => (cache ? cache.get(cacheKey, view, make) : make());
  switch (view) {
    case 'hex': {
      const shown = bytes.subarray(0, limit);
      return {
        shape: 'text',
        text: hexDump(shown),
        shown: shown.length,
        total: bytes.length,
        unit: 'bytes',
        note: null,
      };
    }
    case 'text': {
      const { text, note } = memo(() => {
        const decoded = decodeText(bytes, contentType, partial);
        let why: string | null = null;
        if (decoded.bad) why = 'Some bytes are not UTF-8; they show as �. The Hex view shows them exactly.';
        else if (decoded.encoding !== 'utf-8')
          why = `Decoded as ${decoded.encoding}, as the Content-Type says.`;
        return { text: decoded.text, note: why };
      });
      return textShape(text, limit, note);
    }
    case 'json': {
      const pretty = memo(() =>
        formatJson(decodeText(bytes, null, partial).text.replace(/^\uFEFF/, ''), '  ', partial),
      );
      if (pretty === null) {
        return {
          shape: 'unavailable',
          reason: 'This body is not valid JSON, so it cannot be formatted; the Findings tab says why.',
        };
      }
      return textShape(pretty, limit, partial ? 'Formatted as far as it is loaded.' : null);
    }
    case 'xml': {
      const pretty = memo(() => formatXml(decodeText(bytes, contentType, partial).text));
      if (pretty === null)
        return {
          shape: 'unavailable',
          reason: 'The tags of this body do not nest, so it cannot be formatted as XML.',
        };
      return textShape(pretty, limit, null);
    }
    case 'tree': {
      if (partial)
        return { shape: 'unavailable', reason: 'The tree needs the whole body: load the rest first.' };
      const tree = buildJsonTree(decodeText(bytes, null, false).text, limit);
      if (!tree)
        return { shape: 'unavailable', reason: 'This body is not valid JSON; the Findings tab says why.' };
      return { shape: 'tree', rows: tree.rows, totalNodes: tree.totalNodes };
    }
    case 'form': {
      const text = decodeText(bytes, null, partial).text;
      return { shape: 'fields', fields: parseUrlEncoded(text, limit), total: countUrlEncoded(text) };
    }
    case 'multipart': {
      const boundary = multipartBoundary(contentType);
      if (!boundary) return { shape: 'unavailable', reason: 'The Content-Type names no multipart boundary.' };
      const result = parseMultipart(bytes, boundary);
      // A missing closing boundary is expected while only the first part of the body is loaded.
      const problems = partial
        ? ['Only the first part of the body is loaded; the last part may be cut.']
        : result.problems;
      return { shape: 'parts', parts: result.parts.map((part) => summarizePart(bytes, part)), problems };
    }
  }
}
