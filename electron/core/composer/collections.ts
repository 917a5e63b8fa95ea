/**
 * A collection as a file to keep or share: its requests and the data sets they use. Env
 * variables are left out on purpose — they hold tokens and secrets, and differ per machine —
 * and so are the requests' own auth secrets unless the user includes them.
 * Importing gives everything fresh ids (so importing twice never overwrites) and keeps each
 * request pointing at its own imported data set.
 */
import {
  COLLECTION_EXPORT_FORMAT,
  type ComposerRequest,
  type ComposerState,
  type DataSet,
} from '../../../shared/composer';
import { CoreError } from '../errors';
import { parseLossless } from '../json/lossless';
import { withoutSecrets } from './secrets';
import { newId, parseComposerRequest, parseDataSet } from './validate';

export function exportCollection(
  state: ComposerState,
  collection: string,
  includeSecrets = false,
): { fileName: string; text: string } {
  const chosen = state.requests.filter((r) => r.collection === collection);
  // Tokens, passwords and HMAC keys stay home unless the user asked for them (env references are kept).
  const requests = includeSecrets ? chosen : withoutSecrets(chosen);
  if (requests.length === 0)
    throw new CoreError('not_found', `There is no collection named "${collection}".`);
  const used = new Set(requests.map((r) => r.dataSetId).filter((id): id is string => id !== null));
  // Written as JSON values, for a file people read and edit; parsed losslessly, so ids keep their digits.
  const dataSets = state.dataSets
    .filter((set) => used.has(set.id))
    .map(({ id, name, stateText, eventText }) => ({
      id,
      name,
      state: parseLossless(stateText),
      event: parseLossless(eventText),
    }));
  const slug =
    collection
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase() || 'collection';
  const text = JSON.stringify(
    { format: COLLECTION_EXPORT_FORMAT, version: 1, collection, requests, dataSets },
    null,
    2,
  );
  return { fileName: `hookbench-${slug}.json`, text };
}

export interface ImportedCollection {
  collection: string;
  requests: ComposerRequest[];
  dataSets: DataSet[];
}

/** Reads an exported collection; `rename` puts its requests in another collection. */
export function importCollection(text: string, rename?: string): ImportedCollection {
  let document: unknown;
  try {
    document = parseLossless(text);
  } catch (error) {
    throw new CoreError('bad_request', `The collection file is not valid JSON: ${(error as Error).message}`);
  }
  const file = document as { format?: unknown; collection?: unknown; requests?: unknown; dataSets?: unknown };
  if (typeof document !== 'object' || document === null || file.format !== COLLECTION_EXPORT_FORMAT)
    throw new CoreError(
      'bad_request',
      `This is not a Hookbench collection file (expected "format": "${COLLECTION_EXPORT_FORMAT}").`,
    );
  if (!Array.isArray(file.requests))
    throw new CoreError('bad_request', 'The collection file has no "requests" list.');
  const collection =
    rename?.trim() || (typeof file.collection === 'string' && file.collection.trim()) || 'Imported';
  const ids = new Map<string, string>();
  const dataSets = (Array.isArray(file.dataSets) ? file.dataSets : []).map((item, i) => {
    const dataSet = step(() => parseDataSet(item), `Data set ${i + 1}`);
    const id = newId('data');
    ids.set(dataSet.id, id);
    return { ...dataSet, id };
  });
  const requests = file.requests.map((item, i) => {
    const request = step(() => parseComposerRequest(item), `Request ${i + 1}`);
    const dataSetId = request.dataSetId === null ? null : (ids.get(request.dataSetId) ?? null);
    return { ...request, id: newId('req'), collection, dataSetId };
  });
  return { collection, requests, dataSets };
}

function step<T>(parse: () => T, label: string): T {
  try {
    return parse();
  } catch (error) {
    throw new CoreError('bad_request', `${label} of the file: ${(error as Error).message}`);
  }
}
