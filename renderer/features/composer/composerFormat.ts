/**
 * Pure view helpers of the composer screen: grouping, the words shown for positions, errors
 * and timings, and which findings to show. Kept out of the components so they are unit-tested.
 */
import type {
  ComposerRequest,
  HttpErrorCode,
  HttpTimings,
  LintFinding,
  PreviewProblem,
  RequestPart,
  RequestPreview,
  TemplateJsonError,
} from '../../../shared/composer';
import type { MissingPolicy } from '../../state/composerStore';
import type { EditorProblem } from '../../ui/editor/diagnostics';

export interface CollectionGroup {
  collection: string;
  requests: ComposerRequest[];
}

/** Saved requests under their collection, collections in the core's (sorted) order. */
export function groupByCollection(
  requests: readonly ComposerRequest[],
  collections: readonly string[],
): CollectionGroup[] {
  const names = [...collections];
  for (const request of requests) if (!names.includes(request.collection)) names.push(request.collection);
  return names
    .map((collection) => ({
      collection,
      requests: requests.filter((request) => request.collection === collection),
    }))
    .filter((group) => group.requests.length > 0);
}

/** "line 3, column 18 in the template (state.level_name)", or the rendered body's position. */
export function jsonErrorPlace(error: TemplateJsonError): string {
  if (error.line === null || error.column === null)
    return `line ${error.outputLine}, column ${error.outputColumn} of the rendered body`;
  const path = error.path ? ` (${error.path})` : '';
  return `line ${error.line}, column ${error.column} in the template${path}`;
}

export type DataTarget = 'state' | 'event';

export interface DataTextProblem {
  target: DataTarget;
  line: number;
  column: number;
  message: string;
}

const DATA_ERROR = /^The (state|event) is not valid JSON: line (\d+), column (\d+): (.*?)\.?$/s;

/** The core's "The state is not valid JSON: line 2, column 5: …" as a position in that editor. */
export function dataTextProblem(message: string): DataTextProblem | null {
  const match = DATA_ERROR.exec(message);
  if (!match) return null;
  const [, target, line, column, text] = match;
  return {
    target: target === 'event' ? 'event' : 'state',
    line: Number(line),
    column: Number(column),
    message: text ?? message,
  };
}

/** Problem kinds the core repeats in the lint, so they are listed once (there). */
const LINTED_KINDS = new Set<PreviewProblem['kind']>(['missing-variable', 'unknown-helper']);

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/** The lint to show: missing-data findings only when the user asked for them; errors first. */
export function visibleLint(lint: readonly LintFinding[], missing: MissingPolicy): LintFinding[] {
  return lint
    .filter((finding) => missing === 'flag' || finding.rule !== 'missing-variable')
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

/** Template problems that are not already in the lint. */
export function otherProblems(problems: readonly PreviewProblem[]): PreviewProblem[] {
  return problems.filter((problem) => !LINTED_KINDS.has(problem.kind));
}

/** Where a finding is, in words: "body, line 2, column 13" or "X-Token header". */
export function partPlace(part: RequestPart, line: number, column: number, header?: string): string {
  if (part === 'header') return `${header ?? 'a'} header`;
  if (part === 'auth') return 'auth';
  if (part === 'data') return 'data';
  return `${part}, line ${line}, column ${column}`;
}

/** Everything the preview found in the body template, for the editor's underlines. */
export function bodyEditorProblems(preview: RequestPreview, missing: MissingPolicy): EditorProblem[] {
  const items: EditorProblem[] = [];
  for (const problem of otherProblems(preview.problems))
    if (problem.part === 'body')
      items.push({
        line: problem.line,
        column: problem.column,
        message: problem.message,
        severity: problem.severity,
      });
  for (const finding of visibleLint(preview.lint, missing))
    if (finding.part === 'body')
      items.push({
        line: finding.line,
        column: finding.column,
        message: finding.message,
        severity: finding.severity,
      });
  const error = preview.jsonError;
  if (error && error.line !== null && error.column !== null)
    items.push({
      line: error.line,
      column: error.column,
      message: `The rendered body is not valid JSON here: ${error.message}`,
      severity: 'error',
    });
  return items;
}

/**
 * Why Send is off, in words; null when the request can be sent. A failed preview (bad data
 * JSON, a refused field) would fail the send the same way, so it blocks it too.
 */
export function sendBlockReason(
  preview: RequestPreview | null,
  previewError: string | null = null,
): string | null {
  if (previewError) return previewError;
  if (!preview) return 'Waiting for the preview.';
  if (preview.sendable) return null;
  const first = preview.problems.find((problem) => problem.severity === 'error');
  if (!first) {
    // Not a template problem: the lint says why (a GET body that cannot become query parameters).
    const blocking = preview.lint.find((finding) => finding.rule === 'get-body-not-object');
    return blocking?.message ?? 'The request has errors.';
  }
  return `${first.message} (${partPlace(first.part, first.line, first.column, first.header)})`;
}

export interface TimingBar {
  label: string;
  /** Milliseconds from the start of the send. */
  fromMs: number;
  toMs: number;
}

/**
 * The send's phases as bars on one time axis: each phase runs from the previous point that
 * happened to its own. Phases that did not happen (no DNS for an IP, no TLS for http) are left out.
 */
export function timingBars(timings: HttpTimings): TimingBar[] {
  const points: { label: string; at: number | null }[] = [
    { label: 'DNS', at: timings.dnsMs },
    { label: 'Connect', at: timings.connectMs },
    { label: 'TLS', at: timings.tlsMs },
    { label: 'First byte', at: timings.firstByteMs },
    { label: 'Total', at: timings.totalMs },
  ];
  const bars: TimingBar[] = [];
  let previous = 0;
  for (const { label, at } of points) {
    if (at === null) continue;
    // Total spans the whole send, so it reads as the scale of the others.
    const fromMs = label === 'Total' ? 0 : Math.min(previous, at);
    bars.push({ label, fromMs, toMs: at });
    if (label !== 'Total') previous = at;
  }
  return bars;
}

const ERROR_HINTS: Record<HttpErrorCode, string> = {
  dns: 'The host name could not be found. Check the URL (or the env variable it uses).',
  refused: 'Nothing is listening there: the server is down, or the port is wrong.',
  timeout: 'No answer in time. Raise the timeout, or check that the server is reachable.',
  tls: 'The secure connection failed. For a test server with a self-signed certificate, turn off "Verify TLS".',
  reset: 'The server closed the connection before answering.',
  'bad-request': 'The request could not be sent as written.',
  'too-many-redirects': 'The server kept redirecting. Check the URL, or turn off "Follow redirects".',
  other: 'The request failed.',
};

export function httpErrorHint(code: HttpErrorCode): string {
  return ERROR_HINTS[code];
}

/** A line for the toolbar: an outcome (an import) or an error, in words. */
export interface ScreenMessage {
  text: string;
  error: boolean;
}
