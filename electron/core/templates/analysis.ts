/**
 * The compile-time visitor. It walks Handlebars' AST once, carrying the JSON lexical state
 * through literal text and into and out of block programs, and produces:
 *  - a rewritten AST where each run of adjacent literal text and `{{…}}` tags becomes one
 *    `{{__run id value…}}` call. Each tag's output format (JSON string content, JSON value,
 *    raw, text) is decided here from its place, so render does no analysis. One call per run
 *    rather than one helper per tag because Handlebars' per-call cost (an options object and
 *    a wrapper per helper invocation) would otherwise dominate small webhook bodies;
 *  - tables of output sites (for missing-variable reports and the source map), of runs, and of
 *    helper call sites (to report absent arguments and helper failures at the right position);
 *  - the problems found: unknown helpers, wrong argument counts, unsupported constructs,
 *    places where json-safe cannot tell whether it is inside a string.
 */
import {
  blockNode,
  calleeName,
  contentOriginal,
  type Expression,
  inverseOf,
  type Location,
  numberNode,
  outputMustache,
  type Program,
  programOf,
  type Statement,
  withBody,
} from './ast';
import { CallRewriter } from './calls';
import {
  afterValue,
  escapedValueMessage,
  JSON_START,
  type JsonLexState,
  sameJsonState,
  scanJson,
} from './json-context';
import { type CallSite, Findings, type OutputFormat, type OutputSite, RUN_HELPER } from './plan';
import { at, problem } from './problems';
import type { SourceText } from './source-text';
import type { MissingPolicy, RenderMode, TemplateProblem } from './types';

export interface Analysis {
  readonly program: Program;
  readonly problems: TemplateProblem[];
  readonly sites: OutputSite[];
  readonly calls: CallSite[];
  readonly runs: number[][];
  /** Every helper the rewritten template calls: all its environment needs to hold. */
  readonly helpers: ReadonlySet<string>;
}

export interface AnalysisOptions {
  readonly mode: RenderMode;
  readonly missing: MissingPolicy;
  /** Also turn runs of only literal text into calls, so a render can log every piece of output. */
  readonly mapContent: boolean;
}

// Handlebars passes a run's values as call arguments; keep well under engines' argument limits.
const MAX_RUN_VALUES = 200;

/** Literal text and tags collected until a block (or the end of a program) closes the run. */
interface PendingRun {
  sites: number[];
  values: Expression[];
  content: hbs.AST.ContentStatement[];
  loc: Location | undefined;
}

class Analyzer {
  readonly findings = new Findings();
  private readonly calls: CallRewriter;
  private readonly json: boolean;

  constructor(
    private readonly source: SourceText,
    private readonly options: AnalysisOptions,
  ) {
    this.calls = new CallRewriter(this.findings, options.missing);
    this.json = options.mode === 'json-safe';
  }

  walkProgram(program: Program, entry: JsonLexState): { program: Program; state: JsonLexState } {
    const body: Statement[] = [];
    const run: PendingRun = { sites: [], values: [], content: [], loc: undefined };
    let state = entry;
    for (const statement of program.body) {
      if (statement.type === 'ContentStatement') {
        state = this.content(statement as hbs.AST.ContentStatement, state, run);
      } else if (statement.type === 'MustacheStatement') {
        state = this.tag(statement as hbs.AST.MustacheStatement, state, run);
        if (run.values.length >= MAX_RUN_VALUES) this.flush(run, body);
      } else if (statement.type === 'BlockStatement') {
        this.flush(run, body);
        state = this.block(statement as hbs.AST.BlockStatement, state, body);
      } else if (statement.type === 'PartialStatement' || statement.type === 'PartialBlockStatement') {
        const message =
          'Partials ({{> name}}) are not available in Hookbench templates; write the text inline.';
        this.findings.report('syntax', message, statement.loc);
      } else if (statement.type !== 'CommentStatement') {
        this.findings.report(
          'syntax',
          'Decorators ({{* name}}) are not available in Hookbench templates.',
          statement.loc,
        );
      }
    }
    this.flush(run, body);
    return { program: withBody(program, body), state };
  }

  /** Ends a run: one `{{__run id value…}}`, or the text itself when it has no tags and no map is wanted. */
  private flush(run: PendingRun, out: Statement[]): void {
    const loc = run.loc;
    if (run.sites.length === 0 || loc === undefined) return;
    if (run.values.length === 0 && !this.options.mapContent) {
      out.push(...run.content);
    } else {
      const id = this.findings.runs.push(run.sites) - 1;
      out.push(outputMustache(RUN_HELPER, [numberNode(id, loc), ...run.values], loc));
      this.findings.helpers.add(RUN_HELPER);
    }
    run.sites = [];
    run.values = [];
    run.content = [];
    run.loc = undefined;
  }

  private addSite(run: PendingRun, site: OutputSite, loc: Location): void {
    run.sites.push(this.findings.sites.push(site) - 1);
    run.loc ??= loc;
  }

  private content(node: hbs.AST.ContentStatement, state: JsonLexState, run: PendingRun): JsonLexState {
    const text = node.value;
    if (text === '') return state;
    const offset = this.contentOffset(node);
    const { line, column } = this.source.positionOf(offset);
    this.addSite(
      run,
      { kind: 'content', line, column, text, path: undefined, format: 'raw', missing: undefined },
      node.loc,
    );
    run.content.push(node);
    return this.json ? scanJson(text, state, offset) : state;
  }

  /** Where the emitted text starts in the source: whitespace control may have trimmed its start. */
  private contentOffset(node: hbs.AST.ContentStatement): number {
    const start = this.source.offsetOf(node.loc.start.line, node.loc.start.column);
    const original = contentOriginal(node);
    let lead = 0;
    while (
      lead < original.length &&
      !original.startsWith(node.value, lead) &&
      /\s/.test(original.charAt(lead))
    ) {
      lead++;
    }
    return original.startsWith(node.value, lead) ? start + lead : start;
  }

  private tag(node: hbs.AST.MustacheStatement, state: JsonLexState, run: PendingRun): JsonLexState {
    const { expression, path, missing } = this.calls.tagValue(node);
    const format = this.outputFormat(node.escaped, state);
    this.checkEscaped(node.loc, state, path);
    this.addSite(run, { kind: 'expression', ...at(node.loc), text: '', path, format, missing }, node.loc);
    run.values.push(expression);
    return this.json ? afterValue(state) : state;
  }

  /** A tag whose output a backslash before it would escape (see escapedValueMessage). */
  private checkEscaped(loc: Location, state: JsonLexState, path: string | undefined): void {
    if (!this.json || state.place !== 'escape') return;
    const { text } = this.source;
    const start = this.source.offsetOf(loc.start.line, loc.start.column);
    let first = start;
    while (first > 0 && text.charCodeAt(first - 1) === 0x5c) first--;
    const close = text.indexOf('}}', start);
    let end = close < 0 ? text.length : close + 2;
    if (text.startsWith('{{{', start) && text[end] === '}') end++;
    const tag = end - start > 60 ? `${text.slice(start, start + 59)}…` : text.slice(start, end);
    const { line, column } = this.source.positionOf(first);
    this.findings.problems.push(
      problem('json-context', escapedValueMessage(tag, start - first), line, column, path),
    );
  }

  private outputFormat(escaped: boolean, state: JsonLexState): OutputFormat {
    if (this.options.mode === 'raw') return 'raw';
    // {{{ }}} is the author saying "insert this verbatim", in text and json-safe modes alike.
    if (this.options.mode === 'text' || !escaped) return 'text';
    return state.place === 'value' ? 'json-value' : 'json-string';
  }

  private block(node: hbs.AST.BlockStatement, state: JsonLexState, out: Statement[]): JsonLexState {
    const call = this.calls.blockCall(node);
    this.checkEscaped(node.loc, state, undefined);
    const program = programOf(node);
    const inverse = inverseOf(node);
    // Both branches start where the block starts; a loop body must also end there.
    const main = program === undefined ? undefined : this.walkProgram(program, state);
    const other = inverse === undefined ? undefined : this.walkProgram(inverse, state);
    const after = main?.state ?? state;
    const ambiguous =
      !sameJsonState(after, other?.state ?? state) || (call.iterates && !sameJsonState(after, state));
    if (this.json && ambiguous) {
      this.findings.report(
        'json-context',
        `The {{#${calleeName(node.path)}}} block opens or closes a JSON string on one path but not on another, so json-safe cannot tell whether what follows is inside a string. Open and close each "…" within the same branch.`,
        node.loc,
      );
    }
    if (call.keep) out.push(blockNode(node, call.params, call.pairs, main?.program, other?.program));
    return after;
  }
}

export function analyzeTemplate(ast: Program, source: SourceText, options: AnalysisOptions): Analysis {
  const analyzer = new Analyzer(source, options);
  const { program, state } = analyzer.walkProgram(ast, JSON_START);
  const { problems, sites, calls, runs, helpers } = analyzer.findings;
  if (options.mode === 'json-safe' && state.place !== 'value' && state.openedAt >= 0) {
    const { line, column } = source.positionOf(state.openedAt);
    const message =
      'The JSON string opened here is never closed, so every value after it is escaped as string content.';
    problems.push(problem('json-context', message, line, column));
  }
  return { program, problems, sites, calls, runs, helpers };
}
