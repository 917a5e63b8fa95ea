/**
 * What the compile-time analysis hands to the runtime: the tables a rewritten template refers
 * to by number, and the problems found on the way.
 */
import type { Location } from './ast';
import { at, problem } from './problems';
import type { ProblemKind, TemplateProblem } from './types';

/** How a tag's value becomes text: see ./escaping. */
export type OutputFormat = 'json-string' | 'json-value' | 'raw' | 'text';

/** The one internal output helper rewritten templates call: `{{__run id value…}}`. */
export const RUN_HELPER = '__run';

/** The hidden hash argument numbering a helper call, `(upper x __call=3)`, for its problems. */
export const CALL_KEY = '__call';

/** A data path written in the template, where it is written (1-based). */
export interface PathRef {
  readonly path: string;
  readonly line: number;
  readonly column: number;
}

export interface OutputSite {
  readonly kind: 'content' | 'expression';
  /** 1-based start of the literal text, or of the tag's `{{`. */
  readonly line: number;
  readonly column: number;
  /** Content sites: the text they emit. */
  readonly text: string;
  /** Expression sites: the data path or helper name rendered. */
  readonly path: string | undefined;
  /** Expression sites: how the value is written. */
  readonly format: OutputFormat;
  /** Set when the tag renders a bare data path whose absence must be reported. */
  readonly missing: PathRef | undefined;
}

export interface CallSite {
  readonly helper: string;
  readonly line: number;
  readonly column: number;
  /** For each argument written as a data path (and whose absence matters), that path. */
  readonly params: ReadonlyArray<PathRef | undefined>;
}

/** Collected while walking one template; numbers in the rewritten AST index these arrays. */
export class Findings {
  readonly problems: TemplateProblem[] = [];
  readonly sites: OutputSite[] = [];
  readonly calls: CallSite[] = [];
  /** Site numbers of each run, in output order; a run's values are its expression sites' values. */
  readonly runs: number[][] = [];
  /** Every helper the rewritten template calls (custom, built-in and internal). */
  readonly helpers = new Set<string>();

  report(kind: ProblemKind, message: string, loc: Location | undefined, path?: string): void {
    const { line, column } = at(loc);
    this.problems.push(problem(kind, message, line, column, path));
  }
}
