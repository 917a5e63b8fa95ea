import { parseArgs } from 'node:util';
import type { ComposerRequest, JsonValue, LintFinding, PreviewProblem } from '../../shared/composer';
import { jsonTextError, type RenderData } from '../core/composer/data';
import { previewRequest } from '../core/composer/preview';
import { parseComposerRequest } from '../core/composer/validate';
import { formatDiagnosis } from '../core/doctor/index';
import { parseLossless } from '../core/json/lossless';
import { print } from './output';
import { readInput } from './read-input';
import { CliError, EXIT_FAILED, EXIT_OK } from './usage-error';

export const RENDER_USAGE = `hookbench render TEMPLATE|- [--state FILE] [--event FILE] [--env NAME=VALUE]...
                [--mode json-safe|raw] [--content-type TYPE]

Renders a body template ({{state.…}}, {{event.…}}, {{env.…}}) against sample data, as the
CRM platform's WebHook activity does, and prints the body. Reads TEMPLATE, or standard input with -.
  --state FILE          the user state, as JSON (default {})
  --event FILE          the event, as JSON (default {})
  --env NAME=VALUE      a variable for {{env.NAME}}; repeat for more
  --mode MODE           json-safe (default): values are escaped so the JSON stays valid;
                        raw: values are inserted as they are, as the platform does
  --content-type TYPE   the body's type (default application/json); JSON is checked by the doctor
Missing variables and lint warnings go to standard error.
Exits 0 when rendered, 1 when the template has errors or a JSON body is not valid JSON (the
diagnosis goes to standard error), 2 when a file cannot be read or --state/--event is not JSON.`;

/** Options render and send share. */
export const TEMPLATE_OPTIONS = {
  state: { type: 'string' },
  event: { type: 'string' },
  env: { type: 'string', multiple: true },
  mode: { type: 'string' },
  'content-type': { type: 'string' },
} as const;

/** A file's text (or standard input for -); exit 2 with the reason when it cannot be read. */
export async function readText(source: string, label: string): Promise<string> {
  return (await readInput(source, label)).toString('utf8');
}

async function readJson(flag: string, source: string | undefined): Promise<JsonValue> {
  if (source === undefined) return {};
  const text = await readText(source, flag);
  if (text.trim() === '') return {};
  const problem = jsonTextError(text);
  if (problem !== null) throw new CliError(`${flag} ${source} is not valid JSON: ${problem}.`);
  // Ids of 16+ digits keep every digit (a double would round them).
  return parseLossless(text) as JsonValue;
}

function parseEnv(pairs: readonly string[] | undefined): Record<string, string> {
  const env: Record<string, string> = {};
  for (const pair of pairs ?? []) {
    const eq = pair.indexOf('=');
    if (eq < 1) throw new CliError(`--env needs NAME=VALUE, got "${pair}".`);
    env[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return env;
}

export function parseMode(value: string | undefined): ComposerRequest['bodyMode'] {
  if (value === undefined || value === 'json-safe' || value === 'raw') return value ?? 'json-safe';
  throw new CliError(`--mode must be json-safe or raw, got "${value}".`);
}

export interface TemplateFlags {
  state?: string | undefined;
  event?: string | undefined;
  env?: string[] | undefined;
}

/** The data a template renders against, from --state, --event and --env. */
export async function readRenderData(values: TemplateFlags): Promise<RenderData> {
  return {
    state: await readJson('--state', values.state),
    event: await readJson('--event', values.event),
    env: parseEnv(values.env),
  };
}

function where(item: PreviewProblem | LintFinding): string {
  const part =
    item.part === 'body' ? '' : `${item.part}${'header' in item && item.header ? ` ${item.header}` : ''}, `;
  return `${part}line ${item.line}, column ${item.column}`;
}

/** Template problems and lint warnings, one line each (info-level lint is left out). */
export function reportProblems(problems: readonly PreviewProblem[], lint: readonly LintFinding[]): void {
  const lines = problems.map((p) => `${p.severity}: ${where(p)}: ${p.message}`);
  for (const finding of lint) {
    if (
      finding.severity === 'info' ||
      finding.rule === 'missing-variable' ||
      finding.rule === 'unknown-helper'
    )
      continue;
    lines.push(`${finding.severity}: ${where(finding)}: ${finding.message}`);
  }
  if (lines.length > 0) process.stderr.write(`${lines.join('\n')}\n`);
}

export async function render(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: TEMPLATE_OPTIONS,
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1)
    throw new CliError('render needs one TEMPLATE file, or - for standard input.');
  const template = await readText(positionals[0] as string, 'the template');
  const data = await readRenderData(values);
  const request = parseComposerRequest({
    method: 'POST',
    // The URL does not matter for rendering a body; a placeholder keeps the preview quiet about it.
    urlTemplate: 'http://localhost/',
    bodyTemplate: template,
    bodyMode: parseMode(values.mode),
    contentType: values['content-type'] ?? 'application/json',
  });
  const preview = previewRequest(request, data);
  reportProblems(
    preview.problems.filter((p) => p.part === 'body'),
    preview.lint,
  );
  const failed = preview.problems.some((p) => p.severity === 'error') || preview.diagnosis?.valid === false;
  if (preview.problems.some((p) => p.kind === 'syntax')) return EXIT_FAILED;
  print(process.stdout.isTTY && !preview.body.endsWith('\n') ? `${preview.body}\n` : preview.body);
  if (preview.diagnosis && !preview.diagnosis.valid) {
    const at = preview.jsonError;
    const origin =
      at && at.line !== null
        ? `\nIn the template: line ${at.line}, column ${at.column}${at.path ? ` ({{${at.path}}})` : ''}.`
        : '';
    process.stderr.write(`${formatDiagnosis(preview.diagnosis)}${origin}\n`);
  }
  return failed ? EXIT_FAILED : EXIT_OK;
}
