/**
 * The live preview: a request rendered against one data set, with the doctor's diagnosis of the
 * body mapped back to the template, and the lint; and one request checked against many data
 * sets at once ("which of my samples break this template?").
 */
import type {
  ComposerRequest,
  DataSet,
  DataSetCheck,
  RequestPreview,
  TemplateJsonError,
} from '../../../shared/composer';
import type { Diagnosis } from '../../../shared/doctor';
import { diagnose } from '../doctor/index';
import { mapOutputOffset, type RenderResult, renderTemplate } from '../templates/index';
import {
  type BuildOptions,
  type BuiltRequest,
  bodyIsJson,
  buildRequest,
  effectiveContentType,
} from './build';
import { dataOf, type RenderData } from './data';
import { lintRequest } from './lint';

/** The doctor reports a byte offset; the source map counts UTF-16 units, as JavaScript strings do. */
function utf16Offset(output: string, byteOffset: number): number {
  return Buffer.from(output, 'utf8').subarray(0, byteOffset).toString('utf8').length;
}

export function mapDiagnosis(render: RenderResult, diagnosis: Diagnosis): TemplateJsonError | null {
  if (diagnosis.valid) return null;
  const { error } = diagnosis;
  const position = mapOutputOffset(render, utf16Offset(render.output, error.offset));
  const mapped: TemplateJsonError = {
    message: error.message,
    outputLine: error.line,
    outputColumn: error.column,
    line: position?.line ?? null,
    column: position?.column ?? null,
  };
  if (position?.path !== undefined) mapped.path = position.path;
  return mapped;
}

function diagnoseBody(request: ComposerRequest, built: BuiltRequest): Diagnosis | null {
  if (!bodyIsJson(request) || built.bodyRender.problems.some((p) => p.kind === 'syntax')) return null;
  return diagnose({
    body: Buffer.from(built.bodyRender.output, 'utf8'),
    contentType: request.method === 'GET' ? 'application/json' : effectiveContentType(request),
  });
}

export function previewRequest(
  request: ComposerRequest,
  data: RenderData,
  options: BuildOptions = {},
): RequestPreview {
  const built = buildRequest(request, data, { ...options, sourceMap: true });
  const diagnosis = diagnoseBody(request, built);
  return {
    method: built.method,
    url: built.url,
    headers: built.headers,
    body: built.bodyRender.output,
    bodyBytes: built.body.byteLength,
    query: built.query,
    problems: built.problems,
    diagnosis,
    jsonError: diagnosis === null ? null : mapDiagnosis(built.bodyRender, diagnosis),
    lint: lintRequest(request, data, built, bodyIsJson(request)),
    sendable: built.sendable,
  };
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function checkOne(request: ComposerRequest, dataSet: DataSet, env: RenderData['env']): DataSetCheck {
  const data = dataOf(dataSet, env);
  const built = buildRequest(request, data, { sourceMap: true });
  const json = bodyIsJson(request) && request.bodyTemplate.trim() !== '';
  const raw =
    request.bodyMode === 'raw'
      ? built.bodyRender
      : renderTemplate(request.bodyTemplate, data, { mode: 'raw', seed: 1 });
  // The body's own errors first: a bad URL or env variable is the same for every data set.
  const errors = built.problems
    .filter((p) => p.severity === 'error')
    .sort((a, b) => Number(b.part === 'body') - Number(a.part === 'body'));
  const diagnosis = json ? diagnoseBody(request, built) : null;
  const jsonError = diagnosis === null ? null : mapDiagnosis(built.bodyRender, diagnosis);
  const valid = errors.length === 0 && jsonError === null && built.queryError === null;
  const validRaw = !json || parses(raw.output);
  let firstProblem: DataSetCheck['firstProblem'] = null;
  const firstError = errors[0];
  const warning = built.problems.find((p) => p.part === 'body') ?? built.problems[0];
  if (firstError)
    firstProblem = { message: firstError.message, line: firstError.line, column: firstError.column };
  else if (jsonError)
    firstProblem = {
      message: `Not valid JSON: ${jsonError.message}${jsonError.path ? ` (in ${jsonError.path})` : ''}`,
      line: jsonError.line,
      column: jsonError.column,
    };
  else if (built.queryError) firstProblem = { message: built.queryError, line: null, column: null };
  else if (warning) firstProblem = { message: warning.message, line: warning.line, column: warning.column };
  else if (!validRaw) {
    const breaking = lintRequest(request, data, built, true).find((f) => f.rule === 'raw-mode-break');
    firstProblem = breaking
      ? { message: breaking.message, line: breaking.line, column: breaking.column }
      : { message: 'In platform (raw) mode this body is not valid JSON.', line: null, column: null };
  }
  return { dataSetId: dataSet.id, name: dataSet.name, valid, validRaw, firstProblem };
}

/** One request against each data set: valid or not (in its mode and in raw mode), and the first problem. */
export function checkAcrossDataSets(
  request: ComposerRequest,
  dataSets: readonly DataSet[],
  env: RenderData['env'],
): DataSetCheck[] {
  return dataSets.map((dataSet) => checkOne(request, dataSet, env));
}
