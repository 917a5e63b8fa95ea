/**
 * The helpers a rewritten template calls at render time, and the isolated Handlebars
 * environments (one per template) that run them.
 *
 * What a render needs (clock, randomness, where problems go, the source-map log) is the
 * "active" render state below rather than a `@data` frame: rendering is synchronous, and
 * passing `data` costs Handlebars a frame copy per render that shows on small bodies. `enter`
 * and `leave` save and restore it, so a render started from inside another stays correct.
 */
import Handlebars from 'handlebars';
import { jsonLiteral, jsonStringContent, plainText, rawText } from './escaping';
import { CUSTOM_HELPERS, type HelperSpec } from './helpers';
import { type CallSite, type OutputFormat, type OutputSite, type PathRef, RUN_HELPER } from './plan';
import { problem } from './problems';
import type { TemplateProblem } from './types';

export interface RenderState {
  readonly sites: readonly OutputSite[];
  readonly calls: readonly CallSite[];
  readonly runs: readonly (readonly number[])[];
  readonly now: () => number;
  readonly random: () => number;
  readonly injectedRandom: (() => number) | undefined;
  problems: TemplateProblem[] | undefined;
  /** Problems already reported, so a tag inside #each reports once, not once per element. */
  reported: Set<string> | undefined;
  /** Source-map renders only: [outputStart, site] pairs, in output order. */
  log: number[] | undefined;
  /** How much output the runs so far produced (checked against the output for the source map). */
  position: number;
}

type HelperFunction = (...args: unknown[]) => unknown;

let active: RenderState | undefined;

/** Makes `state` the active render's; returns the previous one for `leave`. */
export function enter(state: RenderState): RenderState | undefined {
  const previous = active;
  active = state;
  return previous;
}

export function leave(previous: RenderState | undefined): void {
  active = previous;
}

export function addProblem(state: RenderState, found: TemplateProblem): void {
  const key = `${found.kind}:${found.line}:${found.column}:${found.message}`;
  state.reported ??= new Set();
  if (state.reported.has(key)) return;
  state.reported.add(key);
  state.problems ??= [];
  state.problems.push(found);
}

function reportMissing(state: RenderState, ref: PathRef): void {
  addProblem(
    state,
    problem(
      'missing-variable',
      `"${ref.path}" is not in the data, so it rendered as nothing.`,
      ref.line,
      ref.column,
      ref.path,
    ),
  );
}

function reportFailure(
  state: RenderState,
  where: { line: number; column: number },
  name: string,
  error: unknown,
) {
  const message = error instanceof Error ? error.message : String(error);
  addProblem(state, problem('helper-error', message, where.line, where.column, name));
}

/** The call site the analysis numbered in the call's hidden `__call` hash argument. */
function callSiteOf(state: RenderState, options: Handlebars.HelperOptions | undefined): CallSite | undefined {
  const id: unknown = options?.hash?.__call;
  return typeof id === 'number' ? state.calls[id] : undefined;
}

function reportAbsentArguments(state: RenderState, call: CallSite, args: readonly unknown[]): void {
  for (let index = 0; index < call.params.length; index++) {
    const ref = call.params[index];
    if (ref !== undefined && args[index] === undefined) reportMissing(state, ref);
  }
}

/** Wraps a helper so bad input becomes a reported problem at its call, never a thrown render. */
function instrument(spec: HelperSpec): HelperFunction {
  return (...args: unknown[]): unknown => {
    const options = args.pop() as Handlebars.HelperOptions;
    const state = active;
    if (state === undefined) return undefined;
    const call = callSiteOf(state, options);
    if (call !== undefined) reportAbsentArguments(state, call, args);
    try {
      const hash = options.hash as Record<string, unknown>;
      return spec.run(args, {
        hash,
        now: state.now,
        random: state.random,
        injectedRandom: state.injectedRandom,
      });
    } catch (error) {
      reportFailure(state, call ?? { line: 1, column: 1 }, spec.name, error);
      return undefined;
    }
  };
}

function format(kind: OutputFormat, value: unknown): string {
  switch (kind) {
    case 'json-string':
      return jsonStringContent(value);
    case 'json-value':
      return jsonLiteral(value);
    case 'raw':
      return rawText(value);
    default:
      return plainText(value);
  }
}

/** A value that cannot be written (a cycle): reported, and replaced so the output keeps its shape. */
function formatFailed(state: RenderState, site: OutputSite, error: unknown): string {
  reportFailure(state, site, site.path ?? 'value', error);
  return site.format === 'json-value' ? 'null' : '';
}

/**
 * `{{__run id value…}}`: writes one run of literal text and tag values. Logging for the source
 * map relies on Handlebars concatenating helper results in call order, which holds for the
 * built-in blocks (each run is logged before the next one runs); render checks the total.
 */
function run(...args: unknown[]): string {
  const state = active;
  const sites = state?.runs[args[0] as number];
  if (state === undefined || sites === undefined) return '';
  const log = state.log;
  let out = '';
  let next = 1;
  for (const id of sites) {
    const site = state.sites[id];
    if (site === undefined) continue;
    let piece: string;
    if (site.kind === 'content') {
      piece = site.text;
    } else {
      const value = args[next++];
      if (value === undefined && site.missing !== undefined) reportMissing(state, site.missing);
      try {
        piece = format(site.format, value);
      } catch (error) {
        piece = formatFailed(state, site, error);
      }
    }
    if (log !== undefined && piece !== '') log.push(state.position + out.length, id);
    out += piece;
  }
  state.position += out.length;
  return out;
}

const INSTRUMENTED: ReadonlyMap<string, HelperFunction> = new Map(
  [...CUSTOM_HELPERS.values()].map((spec) => [spec.name, instrument(spec)]),
);

/** Compile options: whitespace control already ran at parse, escaping is `__run`'s job. */
export const COMPILE_OPTIONS = {
  noEscape: true,
  ignoreStandalone: true,
  knownHelpers: Object.fromEntries(
    [...CUSTOM_HELPERS.keys(), RUN_HELPER, 'if', 'unless', 'each', 'with', 'lookup'].map((name) => [
      name,
      true,
    ]),
  ),
} satisfies Parameters<typeof Handlebars.compile>[1];

/** Parses templates; never renders, so it needs no helpers of its own. */
export const parserEnvironment = Handlebars.create();

// Handlebars' fallbacks for sections over data ({{#items}}) and non-helpers; always kept.
const HOOKS = new Set(['helperMissing', 'blockHelperMissing']);

/**
 * An isolated environment for one template, holding only the helpers it calls. Handlebars
 * re-wraps every registered helper on every render, which dominates the cost of a small body,
 * so a template that calls nothing but `__run` renders with the least work possible.
 */
export function templateEnvironment(helpers: ReadonlySet<string>): typeof Handlebars {
  const env = Handlebars.create();
  for (const name of Object.keys(env.helpers)) {
    if (!HOOKS.has(name) && !helpers.has(name)) env.unregisterHelper(name);
  }
  const builtinEach = env.helpers.each;
  if (builtinEach !== undefined) {
    // #each over absent data renders nothing, which in a webhook body is usually a mistake.
    env.registerHelper('each', function (this: unknown, list: unknown, options: Handlebars.HelperOptions) {
      const state = list === undefined ? active : undefined;
      const call = state === undefined ? undefined : callSiteOf(state, options);
      if (state !== undefined && call !== undefined) reportAbsentArguments(state, call, [list]);
      return builtinEach.call(this, list, options);
    });
  }
  if (helpers.has(RUN_HELPER)) env.registerHelper(RUN_HELPER, run);
  for (const name of helpers) {
    const instrumented = INSTRUMENTED.get(name);
    if (instrumented !== undefined) env.registerHelper(name, instrumented);
  }
  return env;
}
