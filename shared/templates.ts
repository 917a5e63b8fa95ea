/**
 * Public types of the template engine, in shared/ so the renderer (composer
 * preview, responder editor) can use them without pulling in Handlebars.
 */

/**
 * How values are written into the output:
 * - `json-safe`: the template is a JSON document. A value inside a JSON string literal is
 *   escaped as string content; a value outside strings becomes a JSON literal
 *   (`5`, `true`, `null`, `"text"`, `{…}`), so the output stays valid JSON.
 * - `raw`: values are inserted exactly as Handlebars with no escaping would (like the CRM
 *   platform does), so a user can reproduce a production break such as a quote in a name.
 * - `text`: for URLs and header values: strings as-is, objects and arrays as JSON text,
 *   `null`/missing as nothing. Use the `urlEncode` helper for URL parts.
 */
export type RenderMode = 'json-safe' | 'raw' | 'text';

/**
 * What to do about a reference to data that is not there (`{{state.nope}}`):
 * - `report` (default): render it as nothing (or `null` where json-safe needs a JSON
 *   value) and return a `missing-variable` warning for each such reference.
 * - `empty`: render it the same way but report nothing, like the platform, which silently
 *   renders empty. Meant for auto-responders, where absent request fields are normal.
 */
export type MissingPolicy = 'report' | 'empty';

export interface CompileOptions {
  mode: RenderMode;
  missing?: MissingPolicy;
}

export interface RenderOptions {
  /** Collect output→template segments (for the composer preview; costs time, so off by default). */
  sourceMap?: boolean;
  /** The clock, in epoch milliseconds, for `now`, `nowSeconds` and `date`. Defaults to Date.now. */
  now?: () => number;
  /** Uniform random numbers in [0, 1) for `randomInt`, `randomItem` and `uuid`. */
  random?: () => number;
  /** Shorthand for `random: seededRandom(seed)`: the same seed gives the same output. */
  seed?: number;
}

export type ProblemKind =
  /** The template cannot be read (unclosed tag, mismatched block, unsupported partial...). */
  | 'syntax'
  /** A `{{name args}}` call to a helper Hookbench does not have. */
  | 'unknown-helper'
  /** A referenced path is absent from the data. */
  | 'missing-variable'
  /** A helper was called wrongly (argument count, bad value) or failed while rendering. */
  | 'helper-error'
  /** json-safe mode cannot tell whether a place is inside a JSON string (see the message). */
  | 'json-context';

export interface TemplateProblem {
  kind: ProblemKind;
  /** `error`: the output is wrong or absent; `warning`: the output may not be what was meant. */
  severity: 'error' | 'warning';
  /** Plain words, fit to show a user as is. */
  message: string;
  /** 1-based position in the template source (columns count UTF-16 code units, like editors). */
  line: number;
  column: number;
  /** The data path concerned (`state.user_ext_id`) or the helper name, when there is one. */
  path?: string;
}

/**
 * One stretch of the output and the template node that produced it. Offsets are UTF-16
 * indexes into `RenderResult.output` (the positions JSON.parse reports), end exclusive.
 */
export interface OutputSegment {
  start: number;
  end: number;
  /** `content`: literal template text; `expression`: the output of a `{{…}}` tag. */
  kind: 'content' | 'expression';
  /** Where the content or the tag (its `{{`) starts in the template, 1-based. */
  line: number;
  column: number;
  /** For expressions: the data path or helper name the tag renders. */
  path?: string;
}

export interface RenderResult {
  output: string;
  /** Compile-time problems first, then those found while rendering; empty when all is well. */
  problems: TemplateProblem[];
  /** Present when rendered with `sourceMap: true`; covers the whole output, in order. */
  sourceMap?: OutputSegment[];
}

export interface TemplatePosition {
  line: number;
  column: number;
  kind: 'content' | 'expression';
  path?: string;
}

export interface CompiledTemplate {
  readonly source: string;
  readonly mode: RenderMode;
  readonly missing: MissingPolicy;
  /** False when the template has errors that prevent rendering (syntax); render then returns ''. */
  readonly ok: boolean;
  /** Problems found by compiling; rendering repeats them at the head of its own list. */
  readonly problems: readonly TemplateProblem[];
  /** Never throws: anything that goes wrong comes back in `problems`. */
  render(data: object, options?: RenderOptions): RenderResult;
}

export interface HelperDescription {
  name: string;
  /** How to call it, e.g. `randomInt min max`. */
  signature: string;
  description: string;
  /** A complete tag, e.g. `{{randomInt 1 10}}`. */
  example: string;
}
