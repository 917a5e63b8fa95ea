/**
 * Compile entry: parse → analyze (the visitor) → compile the rewritten AST in an isolated
 * Handlebars environment of its own, once; render then only runs the compiled function.
 */
import { type Analysis, analyzeTemplate } from './analysis';
import type { CallSite, OutputSite } from './plan';
import { problem, syntaxProblem } from './problems';
import { seededRandom } from './random';
import {
  addProblem,
  COMPILE_OPTIONS,
  enter,
  leave,
  parserEnvironment,
  type RenderState,
  templateEnvironment,
} from './runtime';
import { buildSourceMap } from './source-map';
import { SourceText } from './source-text';
import type {
  CompiledTemplate,
  CompileOptions,
  MissingPolicy,
  RenderMode,
  RenderOptions,
  RenderResult,
  TemplateProblem,
} from './types';

type TemplateFunction = (context: unknown) => string;

/** One compiled form of the template: the fast one, or the one that logs output for the source map. */
interface Variant {
  readonly render: TemplateFunction;
  readonly sites: readonly OutputSite[];
  readonly calls: readonly CallSite[];
  readonly runs: readonly (readonly number[])[];
}

function compileVariant(analysis: Analysis): Variant {
  return {
    render: templateEnvironment(analysis.helpers).compile(
      analysis.program,
      COMPILE_OPTIONS,
    ) as TemplateFunction,
    sites: analysis.sites,
    calls: analysis.calls,
    runs: analysis.runs,
  };
}

function newState(variant: Variant, options: RenderOptions, withSourceMap: boolean): RenderState {
  const injectedRandom =
    options.random ?? (options.seed === undefined ? undefined : seededRandom(options.seed));
  return {
    sites: variant.sites,
    calls: variant.calls,
    runs: variant.runs,
    now: options.now ?? Date.now,
    random: injectedRandom ?? Math.random,
    injectedRandom,
    problems: undefined,
    reported: undefined,
    log: withSourceMap ? [] : undefined,
    position: 0,
  };
}

function renderFailure(
  error: unknown,
  kind: 'syntax' | 'helper-error' = 'helper-error',
  lead = 'Rendering stopped',
): TemplateProblem {
  const fields = (typeof error === 'object' && error !== null ? error : {}) as {
    lineNumber?: unknown;
    column?: unknown;
  };
  const message = error instanceof Error ? error.message.replace(/ - \d+:\d+$/, '') : String(error);
  return problem(
    kind,
    `${lead}: ${message}`,
    typeof fields.lineNumber === 'number' ? fields.lineNumber : 1,
    typeof fields.column === 'number' ? fields.column + 1 : 1,
  );
}

class Template implements CompiledTemplate {
  readonly ok: boolean;
  readonly problems: readonly TemplateProblem[];
  private readonly fast: Variant | undefined;
  private withSourceMap: Variant | undefined;

  constructor(
    readonly source: string,
    readonly mode: RenderMode,
    readonly missing: MissingPolicy,
  ) {
    const problems: TemplateProblem[] = [];
    this.fast = this.compile(false, problems);
    this.ok = this.fast !== undefined;
    this.problems = Object.freeze(problems);
  }

  /** Parses and analyzes afresh each time: Handlebars' compiler marks up the AST it is given. */
  private compile(withSourceMap: boolean, problems: TemplateProblem[]): Variant | undefined {
    let ast: hbs.AST.Program;
    try {
      ast = parserEnvironment.parse(this.source);
    } catch (error) {
      problems.push(syntaxProblem(error, (parserEnvironment as { Parser?: unknown }).Parser));
      return undefined;
    }
    try {
      const text = new SourceText(this.source);
      const analysis = analyzeTemplate(ast, text, {
        mode: this.mode,
        missing: this.missing,
        mapContent: withSourceMap,
      });
      problems.push(...analysis.problems);
      const variant = compileVariant(analysis);
      // Handlebars compiles lazily on first call; a dry run with no data surfaces its
      // errors now, as compile problems, instead of on the receiver's first request.
      const previous = enter(newState(variant, { now: () => 0, random: () => 0 }, false));
      try {
        variant.render({});
      } finally {
        leave(previous);
      }
      return variant;
    } catch (error) {
      problems.push(renderFailure(error, 'syntax', 'This template cannot be compiled'));
      return undefined;
    }
  }

  render(data: object, options: RenderOptions = {}): RenderResult {
    const withSourceMap = options.sourceMap === true;
    const variant = withSourceMap ? this.sourceMapVariant() : this.fast;
    if (variant === undefined) return { output: '', problems: [...this.problems] };
    const state = newState(variant, options, withSourceMap);
    let output = '';
    const previous = enter(state);
    try {
      output = variant.render(data ?? {});
    } catch (error) {
      addProblem(state, renderFailure(error));
      output = '';
    } finally {
      leave(previous);
    }
    const result: RenderResult = {
      output,
      problems: state.problems === undefined ? [...this.problems] : [...this.problems, ...state.problems],
    };
    if (state.log !== undefined) {
      const segments = buildSourceMap(state.log, state.position, variant.sites, output);
      if (segments !== undefined) result.sourceMap = segments;
    }
    return result;
  }

  private sourceMapVariant(): Variant | undefined {
    if (this.withSourceMap === undefined && this.fast !== undefined) {
      // Same source, same analysis, so site numbers match the fast variant's; its problems
      // are the ones already reported.
      this.withSourceMap = this.compile(true, []);
    }
    return this.withSourceMap;
  }
}

/** Compiles a template once; render it as often as needed. Never throws: see `problems`. */
export function compileTemplate(source: string, options: CompileOptions): CompiledTemplate {
  return new Template(source, options.mode, options.missing ?? 'report');
}

// A small cache so callers of renderTemplate on a hot path do not recompile each time.
const CACHE_LIMIT = 64;
const cache = new Map<string, CompiledTemplate>();

/** Compiles (cached by source and options) and renders in one call. */
export function renderTemplate(
  source: string,
  data: object,
  options: CompileOptions & RenderOptions,
): RenderResult {
  const missing = options.missing ?? 'report';
  const key = `${options.mode}\u0000${missing}\u0000${source}`;
  let template = cache.get(key);
  if (template === undefined) {
    template = compileTemplate(source, { mode: options.mode, missing });
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value ?? key);
    cache.set(key, template);
  }
  return template.render(data, options);
}

/**
 * The mode a body template should use by default: json-safe for JSON media types
 * (`application/json`, `application/problem+json`…), text for anything else.
 */
export function defaultBodyMode(contentType: string | undefined): RenderMode {
  const media = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return media === 'application/json' || media.endsWith('+json') ? 'json-safe' : 'text';
}
