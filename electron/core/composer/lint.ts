/**
 * Lint for request bodies, beyond "is it valid JSON": what would break in the platform's raw
 * rendering, and numbers versus text. The body renders twice (json-safe and raw, both with a
 * source map); the json-safe output is valid JSON, so it tells exactly which `{{…}}` tags sit
 * inside a JSON string. Findings are per template tag (a tag inside a loop is reported once).
 */
import type { ComposerRequest, LintFinding, PreviewProblem } from '../../../shared/composer';
import { LosslessNumber } from '../json/lossless';
import { locateJsonError, type OutputSegment, type RenderResult, renderTemplate } from '../templates/index';
import type { BuiltRequest } from './build';
import { type RenderData, valueAt } from './data';

const SEED_ADVICE =
  'The platform’s WebHook documentation suggests passing numerics as strings to keep the JSON valid';
const NUMERIC_TEXT = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/** For each offset, whether it lies inside a JSON string (the state before that character). */
export function stringContext(output: string): Uint8Array {
  const inside = new Uint8Array(output.length + 1);
  let inString = false;
  let escaped = false;
  for (let i = 0; i < output.length; i++) {
    inside[i] = inString ? 1 : 0;
    const char = output[i];
    if (escaped) escaped = false;
    else if (inString && char === '\\') escaped = true;
    else if (char === '"') inString = !inString;
  }
  inside[output.length] = inString ? 1 : 0;
  return inside;
}

function siteKey(segment: { line: number; column: number }): string {
  return `${segment.line}:${segment.column}`;
}

/** Each expression site once (its first output), in output order. */
function expressionSites(result: RenderResult): OutputSegment[] {
  const seen = new Set<string>();
  const sites: OutputSegment[] = [];
  for (const segment of result.sourceMap ?? []) {
    if (segment.kind !== 'expression' || seen.has(siteKey(segment))) continue;
    seen.add(siteKey(segment));
    sites.push(segment);
  }
  return sites;
}

function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 39)}…` : value;
}

function tagName(segment: OutputSegment): string {
  return segment.path ?? 'this value';
}

/** Why a value inserted unescaped into a JSON string breaks it, or null when it does not. */
function breakReason(value: string): string | null {
  if (value.includes('"')) return 'contains a quote, which ends the JSON string early';
  if (value.includes('\\')) return 'contains a backslash, which starts an escape sequence';
  if (/[\r\n]/.test(value)) return 'contains a line break, which JSON strings cannot hold unescaped';
  for (let i = 0; i < value.length; i++)
    if (value.charCodeAt(i) < 0x20) return 'contains a control character, which JSON strings cannot hold';
  return null;
}

function rawFindings(
  raw: RenderResult,
  jsonSafeSites: readonly OutputSegment[],
  inside: Uint8Array,
  bodyMode: ComposerRequest['bodyMode'],
  jsonSafeParses: boolean,
): LintFinding[] {
  const severity = bodyMode === 'raw' ? 'error' : 'warning';
  const lead = bodyMode === 'raw' ? 'This body breaks' : 'In platform (raw) mode this body breaks';
  const tail =
    bodyMode === 'raw'
      ? 'Raw mode inserts values as they are, like the platform; json-safe mode would escape it.'
      : 'Json-safe mode escapes it; the platform inserts values as they are.';
  // A tag that rendered nothing leaves no segment, so a site missing here rendered "".
  const rawText = new Map(
    expressionSites(raw).map((site) => [siteKey(site), raw.output.slice(site.start, site.end)]),
  );
  const findings: LintFinding[] = [];
  for (const site of jsonSafeSites) {
    const value = rawText.get(siteKey(site)) ?? '';
    let reason: string | null;
    if (inside[site.start] === 1) reason = breakReason(value);
    else if (value.trim() === '') reason = 'renders nothing, leaving a gap where a JSON value belongs';
    else reason = isJsonLiteral(value) ? null : 'is text written outside quotes, which is not JSON';
    if (reason === null) continue;
    const shown = value.trim() === '' ? '' : ` (${clip(value)})`;
    findings.push({
      rule: 'raw-mode-break',
      severity,
      message: `${lead}: ${tagName(site)}${shown} ${reason}. ${tail}`,
      part: 'body',
      line: site.line,
      column: site.column,
      ...(site.path === undefined ? {} : { path: site.path }),
    });
  }
  // Only a break of raw mode's own: when json-safe output is broken too, the diagnosis says so.
  const error = findings.length === 0 && jsonSafeParses ? locateJsonError(raw) : null;
  if (error !== null) {
    const at = error.position;
    findings.push({
      rule: 'raw-mode-break',
      severity,
      message: `${lead}: ${error.message}.`,
      part: 'body',
      line: at?.line ?? 1,
      column: at?.column ?? 1,
      ...(at?.path === undefined ? {} : { path: at.path }),
    });
  }
  return findings;
}

function isJsonLiteral(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function numberFindings(jsonSafe: RenderResult, inside: Uint8Array, data: RenderData): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const site of expressionSites(jsonSafe)) {
    const text = jsonSafe.output.slice(site.start, site.end);
    const name = tagName(site);
    const where = { part: 'body' as const, line: site.line, column: site.column };
    const path = site.path === undefined ? {} : { path: site.path };
    if (inside[site.start] === 1) {
      const value = valueAt(data, site.path);
      if (typeof value === 'number' || value instanceof LosslessNumber)
        findings.push({
          rule: 'number-as-string',
          severity: 'info',
          message: `${name} is a number (${value}) written inside quotes, so the receiver gets the text "${value}" — as the platform suggests; make sure the receiver reads numbers from text.`,
          ...where,
          ...path,
        });
      continue;
    }
    let literal: unknown;
    try {
      literal = JSON.parse(text);
    } catch {
      continue;
    }
    if (typeof literal === 'number')
      findings.push({
        rule: 'number-unquoted',
        severity: 'warning',
        message: `${name} is written as a bare number (${text.trim()}). ${SEED_ADVICE} ("{{${site.path ?? '…'}}}" in quotes): in raw mode an empty or missing value leaves nothing after the colon and the body breaks.${roundedBy(text.trim(), literal)}`,
        ...where,
        ...path,
      });
    else if (typeof literal === 'string' && NUMERIC_TEXT.test(literal))
      findings.push({
        rule: 'string-looks-numeric',
        severity: 'info',
        message: `${name} holds the text "${literal}" outside quotes: json-safe mode sends it as text ("${literal}"), the platform (raw) as a bare number ${literal}. A receiver expecting one type gets the other in one mode.`,
        ...where,
        ...path,
      });
  }
  return findings;
}

/** Why a bare integer is unsafe for the receiver too: more digits than a double holds. */
function roundedBy(digits: string, parsed: number): string {
  if (!/^-?\d{16,}$/.test(digits) || Number.isSafeInteger(parsed)) return '';
  return ` It also has more digits than a double holds: a receiver that parses JSON into doubles (JavaScript's JSON.parse, many others) reads ${String(parsed)}; in quotes it stays exact.`;
}

function problemFindings(problems: readonly PreviewProblem[]): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const problem of problems) {
    if (problem.kind !== 'unknown-helper' && problem.kind !== 'missing-variable') continue;
    findings.push({
      rule: problem.kind,
      severity: problem.severity,
      message:
        problem.header === undefined ? problem.message : `${problem.header} header: ${problem.message}`,
      part: problem.part,
      line: problem.line,
      column: problem.column,
      ...(problem.path === undefined ? {} : { path: problem.path }),
    });
  }
  return findings;
}

/** Every lint finding for a built request; the JSON rules only apply to JSON content types. */
export function lintRequest(
  request: ComposerRequest,
  data: RenderData,
  built: BuiltRequest,
  isJson: boolean,
): LintFinding[] {
  const findings = problemFindings(built.problems);
  if (built.queryError !== null)
    findings.push({
      rule: 'get-body-not-object',
      severity: 'error',
      message: built.queryError,
      part: 'body',
      line: 1,
      column: 1,
    });
  if (!isJson || request.bodyTemplate.trim() === '') return findings;
  // Seeded, so a lint-only render is the same on every keystroke.
  const render = (mode: 'json-safe' | 'raw') =>
    request.bodyMode === mode && built.bodyRender.sourceMap
      ? built.bodyRender
      : renderTemplate(request.bodyTemplate, data, { mode, sourceMap: true, seed: 1 });
  const jsonSafe = render('json-safe');
  const inside = stringContext(jsonSafe.output);
  const sites = expressionSites(jsonSafe);
  findings.push(
    ...rawFindings(render('raw'), sites, inside, request.bodyMode, isJsonLiteral(jsonSafe.output)),
  );
  findings.push(...numberFindings(jsonSafe, inside, data));
  return findings;
}
