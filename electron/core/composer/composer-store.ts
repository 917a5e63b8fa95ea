/**
 * The composer's file (`composer.json` in the data folder): data sets, saved requests and env
 * variables, kept through the same conf/electron-store backend as the settings and workspace.
 * A new file starts with the seed examples; an item a hand edit broke is dropped, not the file.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type Conf from 'conf';
import type { ComposerEnv, ComposerRequest, ComposerState, DataSet } from '../../../shared/composer';
import { CoreError } from '../errors';
import { confBackend } from '../settings/settings-service';
import type { SettingsBackendFactory } from '../types';
import { DEFAULT_ENV, starterComposer } from './presets';
import { openRequests, type SecretBox, sealRequests } from './secrets';
import { parseComposerRequest, parseDataSet, parseEnv } from './validate';

// A type alias, not an interface: conf needs a record type.
type ComposerFile = {
  dataSets: DataSet[];
  requests: ComposerRequest[];
  env: ComposerEnv;
};

export const COMPOSER_FILE_NAME = 'composer';

function readList<T>(value: unknown, parse: (item: unknown) => T): { items: T[]; dropped: number } {
  if (!Array.isArray(value)) return { items: [], dropped: 0 };
  const items: T[] = [];
  for (const item of value) {
    try {
      items.push(parse(item));
    } catch {
      // Left out: an item this version cannot read.
    }
  }
  return { items, dropped: value.length - items.length };
}

export class ComposerStore {
  private readonly backend: Conf<ComposerFile>;
  private current: ComposerFile;

  constructor(
    dataDir: string,
    factory: SettingsBackendFactory = confBackend,
    warn: (message: string) => void = () => {},
    private readonly secrets?: SecretBox,
    /** The env of a new file. */
    starterEnv: ComposerEnv = DEFAULT_ENV,
  ) {
    this.backend = factory<ComposerFile>({
      cwd: dataDir,
      configName: COMPOSER_FILE_NAME,
      clearInvalidConfig: false,
    });
    const stored = this.backend.store as Partial<ComposerFile>;
    if (stored.requests === undefined && stored.dataSets === undefined) {
      this.current = { ...starterComposer(), env: { ...starterEnv } };
      this.save();
      return;
    }
    const dataSets = readList(stored.dataSets, parseDataSet);
    const requests = readList(stored.requests, parseComposerRequest);
    let env: ComposerEnv = {};
    try {
      env = parseEnv(stored.env ?? {});
    } catch {
      warn(`The env variables in ${this.backend.path} could not be read; starting with none.`);
    }
    this.current = { dataSets: dataSets.items, requests: openRequests(requests.items, secrets, warn), env };
    if (dataSets.dropped + requests.dropped > 0) {
      // Keep what could not be read before the next save rewrites the file without it.
      const copy = join(dataDir, `${COMPOSER_FILE_NAME}.unreadable-${Date.now()}.json`);
      copyFileSync(this.backend.path, copy);
      warn(
        `${dataSets.dropped + requests.dropped} item(s) in ${this.backend.path} could not be read and were left out; the file as it was is kept in ${copy}.`,
      );
    }
  }

  get state(): ComposerState {
    const collections = [...new Set(this.current.requests.map((r) => r.collection))].sort((a, b) =>
      a.localeCompare(b),
    );
    return {
      dataSets: this.current.dataSets,
      requests: this.current.requests,
      env: this.current.env,
      collections,
    };
  }

  get dataSets(): readonly DataSet[] {
    return this.current.dataSets;
  }

  get env(): ComposerEnv {
    return this.current.env;
  }

  dataSet(id: string): DataSet {
    const found = this.current.dataSets.find((set) => set.id === id);
    if (!found) throw new CoreError('not_found', `There is no data set with id "${id}".`);
    return found;
  }

  request(id: string): ComposerRequest {
    const found = this.current.requests.find((r) => r.id === id);
    if (!found) throw new CoreError('not_found', `There is no saved request with id "${id}".`);
    return found;
  }

  /** Adds, or replaces in place the one with the same id. */
  putDataSet(dataSet: DataSet): DataSet {
    this.current = { ...this.current, dataSets: upsert(this.current.dataSets, dataSet) };
    this.save();
    return dataSet;
  }

  /** Removes a data set; requests that used it keep working with no data set. */
  deleteDataSet(id: string): void {
    this.dataSet(id);
    this.current = {
      ...this.current,
      dataSets: this.current.dataSets.filter((set) => set.id !== id),
      requests: this.current.requests.map((r) => (r.dataSetId === id ? { ...r, dataSetId: null } : r)),
    };
    this.save();
  }

  putRequest(request: ComposerRequest): ComposerRequest {
    this.current = { ...this.current, requests: upsert(this.current.requests, request) };
    this.save();
    return request;
  }

  deleteRequest(id: string): void {
    this.request(id);
    this.current = { ...this.current, requests: this.current.requests.filter((r) => r.id !== id) };
    this.save();
  }

  setEnv(env: ComposerEnv): void {
    this.current = { ...this.current, env };
    this.save();
  }

  /** Adds imported items in one save. */
  addAll(dataSets: readonly DataSet[], requests: readonly ComposerRequest[]): void {
    this.current = {
      ...this.current,
      dataSets: [...this.current.dataSets, ...dataSets],
      requests: [...this.current.requests, ...requests],
    };
    this.save();
  }

  private save(): void {
    this.backend.store = { ...this.current, requests: sealRequests(this.current.requests, this.secrets) };
  }
}

function upsert<T extends { id: string }>(list: readonly T[], item: T): T[] {
  const at = list.findIndex((existing) => existing.id === item.id);
  if (at === -1) return [...list, item];
  const next = [...list];
  next[at] = item;
  return next;
}
