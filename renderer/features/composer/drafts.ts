/**
 * The composer's editor state as plain data: the request draft, the data texts and the env rows,
 * and how they compare with what is saved. Pure functions, so the store and the tests share them
 * (the store imports them from here because renderer/state holds stores only).
 */
import {
  COMPOSER_TIMEOUT_MS,
  type ComposerEnv,
  type ComposerRequestDraft,
  type ComposerState,
  type DataSet,
  type DataSource,
  isComposerTimeout,
  type TemplatePreset,
  TIMEOUT_RULE,
} from '../../../shared/composer';
import { ClientError } from '../../client';

/** A row of the env editor: kept as typed, so a half-typed name survives until it is saved. */
export type EnvRow = [name: string, value: string];

/** The data texts in the editor: a saved data set's JSON, or unsaved texts. */
export interface DataDraft {
  /** The data set the texts came from; null when they belong to none. */
  id: string | null;
  name: string;
  stateText: string;
  eventText: string;
  /** The texts (or name) differ from the saved data set's. */
  dirty: boolean;
}

export const NO_DATA: DataDraft = { id: null, name: '', stateText: '{}', eventText: '{}', dirty: false };

export function dataDraftOf(dataSet: DataSet | undefined): DataDraft {
  if (!dataSet) return NO_DATA;
  return {
    id: dataSet.id,
    name: dataSet.name,
    stateText: dataSet.stateText,
    eventText: dataSet.eventText,
    dirty: false,
  };
}

export function blankDraft(): ComposerRequestDraft {
  return {
    name: 'New request',
    collection: 'Requests',
    method: 'POST',
    urlTemplate: '{{env.BASE_URL}}/hook',
    headers: [],
    bodyTemplate: '{\n  "user_ext_id": "{{state.user_ext_id}}"\n}',
    bodyMode: 'json-safe',
    contentType: 'application/json',
    auth: { kind: 'none' },
    timeoutMs: COMPOSER_TIMEOUT_MS.default,
    followRedirects: false,
    verifyTls: true,
    dataSetId: null,
  };
}

export function draftFromPreset(preset: TemplatePreset, dataSetId: string | null): ComposerRequestDraft {
  return {
    ...blankDraft(),
    name: preset.name,
    method: preset.method,
    contentType: preset.contentType,
    urlTemplate: preset.urlTemplate,
    bodyTemplate: preset.bodyTemplate,
    dataSetId,
  };
}

/** Same definition, whatever the key order (the core and the editor build objects differently). */
export function sameRequest(a: ComposerRequestDraft, b: ComposerRequestDraft): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof ComposerRequestDraft>;
  return [...keys].every((key) => JSON.stringify(a[key]) === JSON.stringify(b[key]));
}

export function envRowsOf(env: ComposerEnv): EnvRow[] {
  return Object.entries(env).map(([name, value]): EnvRow => [name, value]);
}

/** Rows without a name are left out; the core refuses names it cannot reach as `{{env.NAME}}`. */
export function envFromRows(rows: readonly EnvRow[]): ComposerEnv {
  const env: ComposerEnv = {};
  for (const [name, value] of rows) if (name.trim() !== '') env[name.trim()] = value;
  return env;
}

/** Unsaved changes: the draft differs from where it started, or it has nothing to compare with. */
export function draftDirty(draft: ComposerRequestDraft, origin: ComposerRequestDraft | null): boolean {
  return origin === null || !sameRequest(draft, origin);
}

/**
 * The Timeout field's text as the draft's value: NaN while the text is not a timeout the core
 * takes, so the draft reads as changed and nothing sends or saves it (see forCore).
 */
export function timeoutFromText(text: string): number {
  const value = /^\s*\d+\s*$/.test(text) ? Number(text.trim()) : Number.NaN;
  return isComposerTimeout(value) ? value : Number.NaN;
}

/** Why the draft's timeout cannot be sent or saved, or null. */
export function timeoutProblem(timeoutMs: number): string | null {
  return isComposerTimeout(timeoutMs) ? null : `The timeout must be ${TIMEOUT_RULE}.`;
}

/**
 * The draft as the core gets it to save or send: a header row whose name is still blank is not a
 * header yet. Throws, in the field's own words, while the timeout is not valid, so Save and Send
 * say what the field says (the core would refuse it too, in its words, not the field's).
 */
export function forCore(draft: ComposerRequestDraft): ComposerRequestDraft {
  const problem = timeoutProblem(draft.timeoutMs);
  if (problem !== null) throw new ClientError('bad_request', problem);
  const headers = draft.headers.filter((header) => header.name.trim() !== '');
  return headers.length === draft.headers.length ? draft : { ...draft, headers };
}

/** The draft as the core previews it: a preview does not use the timeout, so a half-typed one does not stop it. */
export function forPreview(draft: ComposerRequestDraft): ComposerRequestDraft {
  const timeoutMs = timeoutProblem(draft.timeoutMs) === null ? draft.timeoutMs : COMPOSER_TIMEOUT_MS.default;
  return forCore({ ...draft, timeoutMs });
}

/** What a request renders with: the saved data set while its texts are untouched, else the texts. */
export function dataSourceOf(data: DataDraft): DataSource | null {
  if (!data.dirty) return data.id === null ? null : { dataSetId: data.id };
  return { stateText: data.stateText, eventText: data.eventText };
}

export interface EditorContent {
  draft: ComposerRequestDraft;
  origin: ComposerRequestDraft | null;
  data: DataDraft;
}

/**
 * The editor after the core's state changed (another window, an import, a delete): a saved
 * request or data set that changed is followed unless the user has edits of their own, and
 * nothing the user typed is thrown away when what it belonged to is gone.
 */
export function followCore(editor: EditorContent, state: ComposerState): EditorContent {
  let { draft, origin, data } = editor;
  if (draft.id !== undefined) {
    const now = state.requests.find((request) => request.id === draft.id);
    if (!now) {
      // Kept as a new, unsaved request: saving it again brings it back.
      const { id: _gone, ...rest } = draft;
      draft = rest;
      origin = null;
    } else if (origin !== null && sameRequest(draft, origin) && !sameRequest(now, draft)) {
      draft = { ...now };
      origin = { ...now };
    }
  }
  if (data.id !== null) {
    const dataSet = state.dataSets.find((candidate) => candidate.id === data.id);
    // Its texts stay on screen as unsaved data.
    if (!dataSet) data = { ...data, id: null, dirty: true };
    else if (!data.dirty) data = dataDraftOf(dataSet);
  }
  // The core refuses a request naming a data set that is gone (its own requests lose it too).
  const dataSetId = draft.dataSetId;
  if (dataSetId !== null && !state.dataSets.some((candidate) => candidate.id === dataSetId)) {
    draft = { ...draft, dataSetId: null };
    origin = origin && { ...origin, dataSetId: null };
  }
  return { draft, origin, data };
}
