import type { Diagnostic } from '@codemirror/lint';
import type { Text } from '@codemirror/state';

/** A problem at a 1-based line and column (UTF-16 units), as template checkers report them. */
export interface EditorProblem {
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning' | 'info';
}

/** Problems together with the exact text they were found in, so stale ones are never drawn. */
export interface EditorProblems {
  source: string;
  items: readonly EditorProblem[];
}

const WORD = /[\w.$@-]/;

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/**
 * Turns line/column problems into editor ranges. A problem at a `{{` spans the
 * whole tag and one inside a name spans the name, so the underline is readable.
 */
export function toDiagnostics(doc: Text, problems: readonly EditorProblem[]): Diagnostic[] {
  return problems.map((problem) => {
    const line = doc.line(clamp(Math.trunc(problem.line) || 1, 1, doc.lines));
    const from = line.from + clamp(Math.trunc(problem.column) - 1, 0, line.length);
    const rest = line.text.slice(from - line.from);
    let length = 0;
    if (rest.startsWith('{{')) {
      const close = rest.indexOf('}}');
      length = close >= 0 ? close + (rest[close + 2] === '}' ? 3 : 2) : rest.length;
    } else {
      while (length < rest.length && WORD.test(rest.charAt(length))) length += 1;
    }
    const to = from + Math.max(length, rest.length > 0 ? 1 : 0);
    return { from, to, severity: problem.severity, message: problem.message };
  });
}

/** The text form listed under an editor: `line 2, column 5: message`. */
export function describeProblem(problem: EditorProblem): string {
  return `line ${problem.line}, column ${problem.column}: ${problem.message}`;
}
