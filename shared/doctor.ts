/**
 * Public types of the JSON doctor, in shared/ because diagnoses cross the contract. The
 * doctor is pure (no I/O, no Node-only APIs) so the core, the CLI and a renderer worker can
 * all run it on the exact bytes a webhook sender posted.
 */

/** What to diagnose: the raw body and, when known, the request's Content-Type and Content-Length. */
export interface DiagnoseInput {
  body: Uint8Array;
  /** The Content-Type header as received (parameters such as `charset` are allowed). */
  contentType?: string | null;
  /** The declared Content-Length; lets the doctor tell "cut in transit" from "sent incomplete". */
  contentLength?: number | null;
}

/** The JSON type of a document's top-level value. */
export type TopLevelType = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

/** Why a body is not valid JSON. Several may apply; the doctor orders them most likely first. */
export type CauseId =
  | 'unescaped-quote'
  | 'trailing-comma'
  | 'single-quotes'
  | 'unquoted-key'
  | 'unquoted-value'
  | 'comment'
  | 'non-json-literal'
  | 'truncated'
  | 'bom'
  | 'invalid-utf8'
  | 'control-character'
  | 'unclosed-string'
  | 'bad-escape'
  | 'leading-zero'
  | 'multiple-documents'
  | 'extra-data'
  | 'empty-body'
  | 'form-encoded-as-json'
  | 'template-placeholder'
  | 'missing-comma'
  | 'missing-colon'
  | 'mismatched-bracket'
  /** Fallback when no specific cause matched: explains what was expected where. */
  | 'syntax-error';

/**
 * Warnings: problems that do not make the JSON invalid but will bite a receiver.
 * `json-as-form` is always a warning (never a cause): the body is diagnosed as JSON either way.
 */
export type FindingId =
  | 'template-placeholder'
  | 'json-as-form'
  | 'unsafe-integer'
  | 'lone-surrogate'
  | 'duplicate-key';

/** Advice shared by causes and warnings: plain words, and a concrete fix. */
interface Advice {
  /** Short plain-words summary, e.g. "A quote inside a text value is not escaped". */
  title: string;
  /** What is wrong and why a JSON parser rejects (or a receiver misreads) it. */
  explanation: string;
  /** What to change, with the corrected snippet where one can be derived (code in backticks). */
  fix: string;
  /** Where this cause points (it may differ from the error position, e.g. the comma before `}`). */
  offset?: number;
  /** 1-based line of `offset`. */
  line?: number;
  /** 1-based column of `offset`, in characters (code points) on that line. */
  column?: number;
}

export interface Cause extends Advice {
  id: CauseId;
}

export interface Finding extends Advice {
  id: FindingId;
}

/** Where the first error is, rendered for a person. */
export interface JsonErrorLocation {
  /** 1-based line; lines end at `\n`, `\r\n` or a lone `\r`. */
  line: number;
  /** 1-based column in characters (code points) on that line; an invalid UTF-8 byte counts as one. */
  column: number;
  /** Byte offset into the body. */
  offset: number;
  /** Plain words, e.g. "Expected ',' or '}' after a property value, found 'i'". */
  message: string;
  /**
   * The line holding the error, clipped around the column for long lines with `…` markers.
   * Control characters are shown as their Unicode "control picture" (U+2400 block) and bytes
   * that are not UTF-8 as U+FFFD, so every shown character stands for one column; tabs stay tabs.
   */
  excerpt: string;
  /** Whitespace then `^`, aligned under the column in `excerpt` (a tab where the excerpt has one). */
  caret: string;
}

export type Diagnosis =
  | {
      valid: true;
      kind: 'json';
      /** Top-level type of the (first) document. */
      topLevel: TopLevelType;
      /** Number of documents: 1, or more for an NDJSON content type. */
      documents: number;
      warnings: Finding[];
    }
  | { valid: false; error: JsonErrorLocation; causes: Cause[]; warnings: Finding[] }
  | {
      valid: true;
      kind: 'not-json';
      /** Why the body was not diagnosed, e.g. a form-encoded body sent as form data. */
      reason: string;
      warnings: Finding[];
    };
