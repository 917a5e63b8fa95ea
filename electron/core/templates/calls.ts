/**
 * Checks and rewrites helper calls and their arguments: unknown names, block/inline misuse and
 * argument counts become problems (and the call renders as nothing); known calls get a hidden
 * `__call` number so the runtime can report absent arguments and failures at the call.
 */
import {
  calleeName,
  type Expression,
  hashNode,
  hashPair,
  hashPairsOf,
  isPath,
  isSubExpression,
  type Location,
  numberNode,
  simpleName,
  subExpression,
  undefinedNode,
} from './ast';
import {
  BARE_VALUE_HELPERS,
  BUILTIN_HELPERS,
  type BuiltinSpec,
  CUSTOM_HELPERS,
  type HelperSpec,
} from './helpers';
import { CALL_KEY, type Findings, type PathRef } from './plan';
import { at } from './problems';
import type { MissingPolicy } from './types';

/** What a block tag turned out to be, and its rewritten arguments. */
export interface BlockCall {
  /** False when the block is dropped from the output (its problem explains why). */
  readonly keep: boolean;
  /** Whether its body may run many times (`#each`, or a section over data like `{{#items}}`). */
  readonly iterates: boolean;
  readonly params: Expression[];
  readonly pairs: hbs.AST.HashPair[];
}

export class CallRewriter {
  constructor(
    private readonly findings: Findings,
    private readonly missing: MissingPolicy,
  ) {}

  /** The data path to report if `node` is absent at render time, unless absence is not reported. */
  pathRef(node: Expression | undefined): PathRef | undefined {
    if (this.missing === 'empty' || node === undefined || !isPath(node)) return undefined;
    return { path: node.original, ...at(node.loc) };
  }

  /** The value a `{{…}}` tag renders: a literal, a data path, or a helper call. */
  tagValue(node: hbs.AST.MustacheStatement): { expression: Expression; path?: string; missing?: PathRef } {
    const callee: Expression = node.path;
    const pairs = hashPairsOf(node);
    const hasArgs = node.params.length > 0 || pairs.length > 0;
    if (!isPath(callee)) {
      // {{"text"}} or {{42}}: the literal itself.
      return hasArgs
        ? { expression: this.unknownHelper(calleeName(callee), node.loc) }
        : { expression: callee };
    }
    const name = simpleName(callee);
    if (hasArgs || (name !== undefined && (CUSTOM_HELPERS.has(name) || BUILTIN_HELPERS.has(name)))) {
      return { expression: this.call(callee, node.params, pairs, node.loc), path: callee.original };
    }
    return { expression: callee, path: callee.original, missing: this.pathRef(callee) };
  }

  /** A helper call, in a tag or as a `(sub expression)`: checked, its arguments rewritten. */
  call(
    callee: Expression,
    params: Expression[],
    pairs: readonly hbs.AST.HashPair[],
    loc: Location,
  ): Expression {
    const name = simpleName(callee);
    const custom = name === undefined ? undefined : CUSTOM_HELPERS.get(name);
    const builtin = name === undefined ? undefined : BUILTIN_HELPERS.get(name);
    if (!isPath(callee) || name === undefined || (custom === undefined && builtin === undefined)) {
      return this.unknownHelper(calleeName(callee), loc);
    }
    if (builtin?.block) {
      this.findings.report(
        'syntax',
        `${name} is a block helper: write {{#${name} …}}…{{/${name}}}.`,
        loc,
        name,
      );
      return undefinedNode(loc);
    }
    // A call with the wrong argument count renders as nothing: the compile problem explains.
    if (!this.checkArity(custom ?? builtin, params.length, loc)) return undefinedNode(loc);
    const newParams = params.map((param) => this.expression(param));
    const newPairs = pairs.map((pair) => hashPair(pair.key, this.expression(pair.value), pair.loc));
    this.findings.helpers.add(name);
    if (custom !== undefined) {
      const refs = custom.tolerant ? [] : params.map((param) => this.pathRef(param));
      const id = this.findings.calls.push({ helper: custom.name, ...at(loc), params: refs }) - 1;
      newPairs.push(hashPair(CALL_KEY, numberNode(id, loc), loc));
    }
    return subExpression(callee, newParams, hashNode(newPairs, loc), loc);
  }

  /** An argument: sub-expressions are calls, and bare `now`/`nowSeconds`/`uuid` call their helper. */
  expression(node: Expression): Expression {
    if (isSubExpression(node)) return this.call(node.path, node.params, hashPairsOf(node), node.loc);
    const name = simpleName(node);
    if (name !== undefined && BARE_VALUE_HELPERS.has(name)) return this.call(node, [], [], node.loc);
    return node;
  }

  blockCall(node: hbs.AST.BlockStatement): BlockCall {
    const callee: Expression = node.path;
    const name = simpleName(callee);
    const builtin = name === undefined ? undefined : BUILTIN_HELPERS.get(name);
    const pairs = [...hashPairsOf(node)];
    if (builtin?.block) {
      this.findings.helpers.add(builtin.name);
      // Handlebars' #unless is implemented by calling #if.
      if (builtin.name === 'unless') this.findings.helpers.add('if');
      const keep = this.checkArity(builtin, node.params.length, node.loc);
      const params = node.params.map((param) => this.expression(param));
      const newPairs = pairs.map((pair) => hashPair(pair.key, this.expression(pair.value), pair.loc));
      const iterates = builtin.name === 'each';
      const list = iterates ? this.pathRef(node.params[0]) : undefined;
      if (list !== undefined) {
        const id = this.findings.calls.push({ helper: 'each', ...at(node.loc), params: [list] }) - 1;
        newPairs.push(hashPair(CALL_KEY, numberNode(id, node.loc), node.loc));
      }
      return { keep, iterates, params, pairs: newPairs };
    }
    if (name !== undefined && (builtin !== undefined || CUSTOM_HELPERS.has(name))) {
      const message = `${name} is not a block helper: write {{${name} …}} without # or {{/${name}}}.`;
      this.findings.report('syntax', message, node.loc, name);
      return { keep: false, iterates: false, params: node.params, pairs };
    }
    if (node.params.length > 0 || pairs.length > 0) {
      this.unknownHelper(calleeName(callee), node.loc);
      return { keep: false, iterates: false, params: node.params, pairs };
    }
    // {{#items}}…{{/items}}: a Mustache-style section over data (Handlebars' blockHelperMissing),
    // which iterates arrays by calling #each.
    this.findings.helpers.add('each');
    return { keep: true, iterates: true, params: node.params, pairs };
  }

  private checkArity(spec: HelperSpec | BuiltinSpec | undefined, count: number, loc: Location): boolean {
    if (spec === undefined || (count >= spec.minArgs && count <= spec.maxArgs)) return true;
    const wanted =
      spec.minArgs === spec.maxArgs
        ? `${spec.minArgs}`
        : spec.maxArgs === Number.POSITIVE_INFINITY
          ? `at least ${spec.minArgs}`
          : `${spec.minArgs} to ${spec.maxArgs}`;
    const message = `${spec.name} takes ${wanted} argument${wanted === '1' ? '' : 's'} (${spec.signature}) but was given ${count}.`;
    this.findings.report('helper-error', message, loc, spec.name);
    return false;
  }

  private unknownHelper(name: string, loc: Location): Expression {
    const lower = name.toLowerCase();
    const near = [...CUSTOM_HELPERS.keys(), ...BUILTIN_HELPERS.keys()].find(
      (known) => known.toLowerCase() === lower,
    );
    const hint =
      near === undefined ? ' See the helper list for what templates can call.' : ` Did you mean "${near}"?`;
    this.findings.report(
      'unknown-helper',
      `There is no helper named "${name}"; it renders as nothing.${hint}`,
      loc,
      name,
    );
    return undefinedNode(loc);
  }
}
