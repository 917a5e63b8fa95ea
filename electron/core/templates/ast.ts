/**
 * Small typed helpers over Handlebars' AST. Its typings mark some fields required that the
 * parser leaves out (a block's `inverse`, a mustache's `hash`) and type a content node's
 * `original` wrongly; the accessors here say what is really there, so the visitor stays honest.
 */

export type Program = hbs.AST.Program;
export type Statement = hbs.AST.Statement;
export type Expression = hbs.AST.Expression;
export type Location = hbs.AST.SourceLocation;

const NO_STRIP: hbs.AST.StripFlags = Object.freeze({ open: false, close: false });

export function programOf(block: hbs.AST.BlockStatement): Program | undefined {
  return (block as { program?: Program }).program;
}

export function inverseOf(block: hbs.AST.BlockStatement): Program | undefined {
  return (block as { inverse?: Program }).inverse;
}

export function hashPairsOf(node: { hash?: hbs.AST.Hash }): readonly hbs.AST.HashPair[] {
  return node.hash?.pairs ?? [];
}

/** The source text of a content node before whitespace control trimmed it. */
export function contentOriginal(node: hbs.AST.ContentStatement): string {
  const original: unknown = (node as { original?: unknown }).original;
  return typeof original === 'string' ? original : node.value;
}

export function isPath(node: Expression): node is hbs.AST.PathExpression {
  return node.type === 'PathExpression';
}

export function isSubExpression(node: Expression): node is hbs.AST.SubExpression {
  return node.type === 'SubExpression';
}

/** `foo` — one name, not `this.foo`, `./foo`, `../foo` or `@foo`: the only form a helper call takes. */
export function simpleName(node: Expression): string | undefined {
  if (!isPath(node) || node.data || node.depth > 0 || node.parts.length !== 1) return undefined;
  return /^\.|this\b/.test(node.original) ? undefined : node.parts[0];
}

/** How a path or literal in helper position is written, for messages. */
export function calleeName(node: Expression): string {
  if (isPath(node)) return node.original;
  const original: unknown = (node as { original?: unknown }).original;
  return original === undefined ? node.type : String(original);
}

function pathNode(name: string, loc: Location): hbs.AST.PathExpression {
  return { type: 'PathExpression', data: false, depth: 0, parts: [name], original: name, loc };
}

export function numberNode(value: number, loc: Location): hbs.AST.NumberLiteral {
  return { type: 'NumberLiteral', value, original: value, loc };
}

export function undefinedNode(loc: Location): hbs.AST.UndefinedLiteral {
  return { type: 'UndefinedLiteral', loc };
}

export function hashNode(pairs: hbs.AST.HashPair[], loc: Location): hbs.AST.Hash {
  return { type: 'Hash', pairs, loc };
}

export function hashPair(key: string, value: Expression, loc: Location): hbs.AST.HashPair {
  return { type: 'HashPair', key, value, loc };
}

export function subExpression(
  path: hbs.AST.PathExpression,
  params: Expression[],
  hash: hbs.AST.Hash,
  loc: Location,
): hbs.AST.SubExpression {
  return { type: 'SubExpression', path, params, hash, loc };
}

/** `{{helper value site}}`: how every output tag is rewritten. Whitespace control already ran. */
export function outputMustache(
  helper: string,
  params: Expression[],
  loc: Location,
): hbs.AST.MustacheStatement {
  return {
    type: 'MustacheStatement',
    path: pathNode(helper, loc),
    params,
    hash: hashNode([], loc),
    escaped: false,
    strip: NO_STRIP,
    loc,
  };
}

export function withBody(program: Program, body: Statement[]): Program {
  // Spread keeps `blockParams` and the `chained` flag of `{{else if}}` programs.
  return { ...program, body };
}

export function blockNode(
  original: hbs.AST.BlockStatement,
  params: Expression[],
  pairs: hbs.AST.HashPair[],
  program: Program | undefined,
  inverse: Program | undefined,
): hbs.AST.BlockStatement {
  // The cast admits what the parser also produces: a block without an {{else}} has no inverse,
  // and one without hash arguments has no hash (Handlebars takes any hash to mean a helper call).
  return {
    type: 'BlockStatement',
    path: original.path,
    params,
    hash: pairs.length === 0 ? undefined : hashNode(pairs, original.loc),
    program,
    inverse,
    openStrip: NO_STRIP,
    inverseStrip: NO_STRIP,
    closeStrip: NO_STRIP,
    loc: original.loc,
  } as hbs.AST.BlockStatement;
}
