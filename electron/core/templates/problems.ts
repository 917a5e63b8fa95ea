import type { ProblemKind, TemplateProblem } from './types';

const SEVERITY: Record<ProblemKind, TemplateProblem['severity']> = {
  syntax: 'error',
  'unknown-helper': 'error',
  'helper-error': 'error',
  'missing-variable': 'warning',
  'json-context': 'warning',
};

export function problem(
  kind: ProblemKind,
  message: string,
  line: number,
  column: number,
  path?: string,
): TemplateProblem {
  const result: TemplateProblem = { kind, severity: SEVERITY[kind], message, line, column };
  if (path !== undefined) result.path = path;
  return result;
}

/** A Handlebars location (0-based column) as a problem position (1-based). */
export function at(loc: hbs.AST.SourceLocation | undefined): { line: number; column: number } {
  return loc ? { line: loc.start.line, column: loc.start.column + 1 } : { line: 1, column: 1 };
}

// Jison's token names, in the words a template author uses.
const TOKEN_WORDS: Record<string, string> = {
  EOF: 'the end of the template',
  INVALID: 'a character that cannot appear here',
  CLOSE: '}}',
  CLOSE_UNESCAPED: '}}}',
  CLOSE_RAW_BLOCK: '}}}}',
  OPEN: '{{',
  OPEN_BLOCK: '{{#',
  OPEN_ENDBLOCK: '{{/',
  OPEN_INVERSE: '{{^',
  OPEN_INVERSE_CHAIN: '{{else …}}',
  INVERSE: '{{else}}',
  OPEN_UNESCAPED: '{{{',
  OPEN_PARTIAL: '{{>',
  OPEN_SEXPR: '(',
  CLOSE_SEXPR: ')',
  OPEN_BLOCK_PARAMS: 'as |…|',
  CLOSE_BLOCK_PARAMS: '|',
  ID: 'a name',
  STRING: 'a quoted string',
  NUMBER: 'a number',
  BOOLEAN: 'true or false',
  UNDEFINED: 'undefined',
  NULL: 'null',
  DATA: 'an @name',
  SEP: '. or /',
  EQUALS: '=',
  CONTENT: 'text',
  COMMENT: 'a comment',
};

function words(token: string): string {
  return TOKEN_WORDS[token] ?? token.toLowerCase().replace(/_/g, ' ');
}

/**
 * Rewrites Handlebars' parser messages ("Expecting 'ID', 'STRING', … got 'CLOSE'") in plain
 * words; `found` is the text of the offending token, when known.
 */
function describeSyntaxError(message: string, found?: string): string {
  const expecting = /Expecting (.+), got '([^']+)'/.exec(message);
  if (expecting) {
    const got = expecting[2] ?? 'INVALID';
    const tokens = (expecting[1] ?? '').split(', ').map((token) => token.replace(/'/g, ''));
    if (got === 'EOF') return 'The template ends inside an open tag or block: is a }} or a {{/…}} missing?';
    if (got === 'CLOSE_UNESCAPED' && tokens.includes('CLOSE')) {
      // The classic JSON-template trap: `{"n": {{count}}}` lexes as a `}}}` closer.
      return 'A {{tag}} directly followed by a JSON "}" reads as "}}}"; put a space between them: {{…}} }.';
    }
    const what = found ? `"${found}"` : words(got);
    if (tokens.includes('CLOSE')) return `Unexpected ${what} in this tag; expected }} to close it.`;
    const wanted = [...new Set(tokens.map(words))];
    const list = wanted.length > 4 ? `${wanted.slice(0, 4).join(', ')} or similar` : wanted.join(' or ');
    return `Unexpected ${what} here; expected ${list}.`;
  }
  if (message.startsWith('Lexical error')) {
    return 'This tag cannot be read: is a {{!-- comment --}} left open, or a quote missing inside {{ }}?';
  }
  const mismatch = /^(\S+) doesn't match (\S+)/.exec(message);
  if (mismatch) {
    return `{{#${mismatch[1]}}} is closed by {{/${mismatch[2]}}}; close it with {{/${mismatch[1]}}}.`;
  }
  // Handlebars appends " - line:column" to its own exceptions; the position is reported apart.
  return message.replace(/ - \d+:\d+$/, '');
}

interface LexerView {
  lexer?: { match?: unknown; yylloc?: { first_line?: number; first_column?: number } };
}

/**
 * The problem for an error thrown by `Handlebars.parse`. Jison's errors carry no position, but
 * its lexer (`parser`, shared and synchronous) still holds the offending token's location.
 */
export function syntaxProblem(error: unknown, parser: unknown): TemplateProblem {
  const message = error instanceof Error ? error.message : String(error);
  const fields = (typeof error === 'object' && error !== null ? error : {}) as {
    lineNumber?: unknown;
    column?: unknown;
  };
  if (typeof fields.lineNumber === 'number' && typeof fields.column === 'number') {
    return problem('syntax', describeSyntaxError(message), fields.lineNumber, fields.column + 1);
  }
  const lexer = (parser as LexerView | undefined)?.lexer;
  const where = lexer?.yylloc;
  const found = typeof lexer?.match === 'string' && lexer.match.trim() !== '' ? lexer.match : undefined;
  const line = /on line (\d+)/.exec(message);
  return problem(
    'syntax',
    describeSyntaxError(message, found),
    where?.first_line ?? Number(line?.[1] ?? 1),
    (where?.first_column ?? 0) + 1,
  );
}
