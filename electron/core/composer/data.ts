/**
 * The data a request renders against: `{ state, event, env }`, from a saved data set or from
 * the editor's unsaved JSON texts. Bad JSON is reported with the doctor's line and column.
 * Numbers a double cannot hold (ids of 16+ digits) are parsed as LosslessNumber, which every
 * render mode writes as its original digits.
 */
import type { ComposerEnv, DataSet, DataSource, JsonValue } from '../../../shared/composer';
import { diagnose } from '../doctor/index';
import { CoreError } from '../errors';
import { parseLossless } from '../json/lossless';

export interface RenderData {
  state: JsonValue;
  event: JsonValue;
  env: ComposerEnv;
}

/** Why a JSON text does not parse, in the doctor's words with line and column; null when it does. */
export function jsonTextError(textValue: string): string | null {
  try {
    JSON.parse(textValue);
    return null;
  } catch (error) {
    const diagnosis = diagnose({ body: Buffer.from(textValue, 'utf8'), contentType: 'application/json' });
    if (diagnosis.valid) return (error as Error).message;
    const { line, column, message } = diagnosis.error;
    return `line ${line}, column ${column}: ${message}`;
  }
}

/** Parses one JSON text of a data set; `label` names it in the error (e.g. "The state"). */
export function parseJsonText(textValue: string, label: string): JsonValue {
  if (textValue.trim() === '') return {};
  const problem = jsonTextError(textValue);
  if (problem !== null) throw new CoreError('bad_request', `${label} is not valid JSON: ${problem}.`);
  return parseLossless(textValue) as JsonValue;
}

/** A data set's JSON text as written, once it is known to parse; empty text stands for `{}`. */
export function checkedText(textValue: string, label: string): string {
  if (textValue.trim() === '') return '{}';
  parseJsonText(textValue, label);
  return textValue;
}

/** A value as a data set's JSON text, two-space indented; LosslessNumbers keep their digits. */
export function jsonTextOf(value: unknown): string {
  return JSON.stringify(value ?? {}, null, 2);
}

/** The render data for a source; a missing source renders with empty state and event. */
export function resolveData(
  source: DataSource | null | undefined | unknown,
  dataSets: readonly DataSet[],
  env: ComposerEnv,
): RenderData {
  if (source === null || source === undefined) return { state: {}, event: {}, env };
  if (typeof source !== 'object')
    throw new CoreError('bad_request', 'data must be a data set id or JSON texts.');
  if ('dataSetId' in source) {
    const found = dataSets.find((set) => set.id === source.dataSetId);
    if (!found)
      throw new CoreError('not_found', `There is no data set with id "${String(source.dataSetId)}".`);
    return dataOf(found, env);
  }
  const { stateText, eventText } = source as { stateText?: unknown; eventText?: unknown };
  if (typeof stateText !== 'string' || typeof eventText !== 'string')
    throw new CoreError('bad_request', 'data must hold stateText and eventText (JSON texts).');
  return {
    state: parseJsonText(stateText, 'The state'),
    event: parseJsonText(eventText, 'The event'),
    env,
  };
}

/** A saved data set's render data (its texts were checked when it was saved or loaded). */
export function dataOf(dataSet: DataSet, env: ComposerEnv): RenderData {
  return {
    state: parseJsonText(dataSet.stateText, 'The state'),
    event: parseJsonText(dataSet.eventText, 'The event'),
    env,
  };
}

/** The value at a template path such as `state.level_name`; undefined when it is not plain data. */
export function valueAt(data: RenderData, path: string | undefined): unknown {
  if (path === undefined) return undefined;
  const parts = path.split('.');
  const root = parts.shift();
  if (root !== 'state' && root !== 'event' && root !== 'env') return undefined;
  let value: unknown = data[root];
  for (const part of parts) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}
