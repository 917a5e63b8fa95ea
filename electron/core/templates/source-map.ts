/**
 * Output→template mapping. A source-map render logs, for each piece of output, where it
 * starts and which site (literal text or `{{…}}` tag) produced it; here that log becomes
 * segments, and an output offset (say, where JSON.parse failed) becomes a template position.
 */
import type { OutputSite } from './plan';
import type { OutputSegment, RenderResult, TemplatePosition } from './types';

/**
 * Segments from a render's log. The log is only trustworthy if the pieces it counted add up
 * to the output (they do unless a helper rearranged its block's text); otherwise undefined.
 */
export function buildSourceMap(
  log: readonly number[],
  logged: number,
  sites: readonly OutputSite[],
  output: string,
): OutputSegment[] | undefined {
  if (logged !== output.length) return undefined;
  const segments: OutputSegment[] = [];
  for (let index = 0; index < log.length; index += 2) {
    const start = log[index] ?? 0;
    const site = sites[log[index + 1] ?? -1];
    if (site === undefined) return undefined;
    const end = log[index + 2] ?? output.length;
    const segment: OutputSegment = { start, end, kind: site.kind, line: site.line, column: site.column };
    if (site.path !== undefined) segment.path = site.path;
    segments.push(segment);
  }
  return segments;
}

/** The segment holding `offset`; an offset at the very end belongs to the last segment. */
function segmentAt(segments: readonly OutputSegment[], offset: number): OutputSegment | undefined {
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((segments[middle]?.start ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return segments[low];
}

/**
 * The template position that produced output offset `offset` (a UTF-16 index, as JSON.parse
 * reports). Inside literal text it is the exact character; inside a tag's output it is the
 * tag's `{{`, with the path it rendered. Null without a source map or outside the output.
 */
export function mapOutputOffset(result: RenderResult, offset: number): TemplatePosition | null {
  const segments = result.sourceMap;
  if (segments === undefined || segments.length === 0) return null;
  if (!Number.isInteger(offset) || offset < 0 || offset > result.output.length) return null;
  const segment = segmentAt(segments, offset);
  if (segment === undefined) return null;
  if (segment.kind === 'expression') {
    const position: TemplatePosition = { line: segment.line, column: segment.column, kind: 'expression' };
    if (segment.path !== undefined) position.path = segment.path;
    return position;
  }
  // Literal text is emitted as written, so count lines and columns through it.
  const before = result.output.slice(segment.start, Math.min(offset, segment.end));
  let line = segment.line;
  let lineStart = 0;
  const breaks = /\r\n?|\n/g;
  for (let match = breaks.exec(before); match !== null; match = breaks.exec(before)) {
    line++;
    lineStart = match.index + match[0].length;
  }
  const column = line === segment.line ? segment.column + before.length : before.length - lineStart + 1;
  return { line, column, kind: 'content' };
}

export interface JsonErrorLocation {
  /** JSON.parse's message. */
  message: string;
  /** Where in the output parsing failed, when the message says (V8 omits it for some errors). */
  offset: number | null;
  /** That offset mapped to the template (needs a render with `sourceMap: true`). */
  position: TemplatePosition | null;
}

/** Parses a json-safe or raw render's output and, if it is not valid JSON, says where the template broke it. */
export function locateJsonError(result: RenderResult): JsonErrorLocation | null {
  try {
    JSON.parse(result.output);
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /at position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : /end of JSON input/.test(message) ? result.output.length : null;
    return { message, offset, position: offset === null ? null : mapOutputOffset(result, offset) };
  }
}
