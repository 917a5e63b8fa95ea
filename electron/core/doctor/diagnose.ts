/**
 * The doctor's entry point: decides whether a body is JSON-ish, finds the first error and
 * gathers every cause and warning, each located by line, column and byte offset.
 */
import { describeAt, hasUtf8Bom, OPEN_ARRAY, OPEN_OBJECT, skipWhitespace } from './bytes';
import { bomCause, emptyBodyCause, invalidUtf8Cause, jsonAsFormFinding } from './causes/body';
import type { DetectContext } from './causes/context';
import { detectSyntaxCauses } from './causes/index';
import {
  isFormType,
  isJsonType,
  isNdjsonType,
  looksFormEncoded,
  type MediaType,
  parseMediaType,
} from './content-type';
import { scanDocument } from './document';
import { notesFindings } from './findings';
import { ScanNotes } from './notes';
import { Locator, renderExcerpt } from './position';
import type { Cause, DiagnoseInput, Diagnosis, Finding } from './types';
import { findInvalidUtf8 } from './utf8';

/** One independent problem: where it is, how the error line reads, and what explains it. */
interface Problem {
  offset: number;
  message: string;
  causes: Cause[];
}

function notJsonReason(media: MediaType | null, bytes: Uint8Array, first: number): string {
  if (first >= bytes.length)
    return 'The body is empty and the Content-Type does not say JSON: there is nothing to diagnose.';
  if (isFormType(media) && looksFormEncoded(bytes, first))
    return 'The body is form-encoded (application/x-www-form-urlencoded), not JSON: there is nothing to diagnose.';
  const type = media === null ? 'There is no Content-Type' : `The Content-Type is ${media.raw}`;
  return `${type} and the body does not start with { or [: it is not JSON, so there is nothing to diagnose.`;
}

function declaredLength(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

/**
 * Diagnoses a body as JSON. A body is diagnosed when the Content-Type is JSON
 * (`application/json`, `text/json`, a `+json` suffix, or an NDJSON type) or, whatever the
 * Content-Type, when it starts with `{` or `[`; anything else gets the `not-json` result.
 *
 * The first error is the earliest problem in the body: a BOM, a byte that is not UTF-8, or a
 * syntax error. Causes come most likely first — those explaining the first error, then those of
 * any later independent problem (e.g. a syntax error after a BOM), each with its own position.
 * A JSON body sent as form data or without a Content-Type is diagnosed normally and gets a
 * `json-as-form` warning; warnings never make a body invalid.
 */
export function diagnose(input: DiagnoseInput): Diagnosis {
  const bytes = input.body;
  const media = parseMediaType(input.contentType);
  const contentLength = declaredLength(input.contentLength);
  const bom = hasUtf8Bom(bytes);
  const start = bom ? 3 : 0;
  const first = skipWhitespace(bytes, start);
  const jsonType = isJsonType(media);
  if (!jsonType && bytes[first] !== OPEN_OBJECT && bytes[first] !== OPEN_ARRAY)
    return { valid: true, kind: 'not-json', reason: notJsonReason(media, bytes, first), warnings: [] };

  const locator = new Locator(bytes);
  const notes = new ScanNotes();
  const problems: Problem[] = [];
  if (bom)
    problems.push({
      offset: 0,
      message: `Expected a JSON value, found ${describeAt(bytes, 0)}`,
      causes: [bomCause()],
    });
  const utf8 = findInvalidUtf8(bytes, start);
  if (utf8)
    problems.push({
      offset: utf8.offset,
      message: `Expected UTF-8 text, found ${describeAt(bytes, utf8.offset)}`,
      causes: [invalidUtf8Cause(bytes, utf8, media)],
    });

  let result: Diagnosis | null = null;
  if (first >= bytes.length) {
    problems.push({
      offset: bytes.length,
      message: 'The body is empty: expected a JSON value',
      causes: [emptyBodyCause(bytes, media, contentLength)],
    });
  } else {
    const scan = scanDocument(bytes, start, notes, isNdjsonType(media));
    if (scan.ok) {
      result = {
        valid: true,
        kind: 'json',
        topLevel: scan.topLevel,
        documents: scan.documents,
        warnings: [],
      };
    } else if (utf8?.offset !== scan.offset) {
      // At the very byte that is not UTF-8 the syntax error is only a consequence of it.
      const ctx: DetectContext = {
        bytes,
        start,
        failure: scan,
        media,
        contentLength,
        locate: (o) => locator.locate(o),
      };
      problems.push({ offset: scan.offset, message: scan.message, causes: detectSyntaxCauses(ctx) });
    }
  }

  const warnings: Finding[] = notesFindings(bytes, notes);
  const typeWarning = jsonType ? null : jsonAsFormFinding(media);
  if (typeWarning) warnings.unshift(typeWarning);
  for (const warning of warnings) Object.assign(warning, locator.locate(warning.offset ?? 0));

  if (problems.length === 0 && result) return { ...result, warnings };
  problems.sort((a, b) => a.offset - b.offset);
  const primary = problems[0] as Problem;
  const causes = problems.flatMap((p) => p.causes);
  for (const cause of causes) Object.assign(cause, locator.locate(cause.offset ?? primary.offset));
  return {
    valid: false,
    error: {
      ...locator.locate(primary.offset),
      offset: primary.offset,
      message: primary.message,
      ...renderExcerpt(bytes, primary.offset),
    },
    causes,
    warnings,
  };
}
