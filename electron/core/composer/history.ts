/**
 * The composer's send history: the last HISTORY_LIMIT exchanges, newest last, in their own file
 * (`composer-history.json`) so the definitions file stays small and quick to hand-edit. Bodies
 * are capped so the file stays small enough to rewrite on every send (conf writes it whole);
 * an entry whose request body was cut cannot be re-sent exactly and says so.
 */
import type Conf from 'conf';
import type { HistoryEntry, HistorySummary, HttpExchange, SendOptionsRecord } from '../../../shared/composer';
import { confBackend } from '../settings/settings-service';
import type { SettingsBackendFactory } from '../types';

export const HISTORY_FILE_NAME = 'composer-history';
export const HISTORY_LIMIT = 200;
/** Request bodies larger than this are stored cut (and cannot be re-sent from history). */
export const HISTORY_REQUEST_BYTES = 1024 * 1024;
/** Response bodies are stored up to this size; the UI shows the rest was cut. */
export const HISTORY_RESPONSE_BYTES = 256 * 1024;

type HistoryFile = {
  nextId: number;
  entries: HistoryEntry[];
};

export interface NewHistoryEntry {
  requestId: string | null;
  requestName: string;
  dataSetId: string | null;
  options: SendOptionsRecord;
  exchange: HttpExchange;
}

function capBase64(base64: string, maxBytes: number): { base64: string; cut: boolean } {
  // 4 base64 characters hold 3 bytes; cut on a group boundary so the rest still decodes.
  const maxChars = Math.ceil(maxBytes / 3) * 4;
  return base64.length <= maxChars
    ? { base64, cut: false }
    : { base64: base64.slice(0, maxChars), cut: true };
}

function summary(entry: HistoryEntry): HistorySummary {
  const { exchange } = entry;
  return {
    id: entry.id,
    sentAt: exchange.startedAt,
    requestId: entry.requestId,
    requestName: entry.requestName,
    method: exchange.request.method,
    url: exchange.request.url,
    status: exchange.response?.status ?? null,
    errorCode: exchange.error?.code ?? null,
    totalMs: exchange.timings.totalMs,
  };
}

function isEntry(value: unknown): value is HistoryEntry {
  const entry = value as Partial<HistoryEntry> | null;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    Number.isSafeInteger(entry.id) &&
    typeof entry.exchange?.request?.url === 'string' &&
    typeof entry.exchange.timings?.totalMs === 'number'
  );
}

export class ComposerHistory {
  private readonly backend: Conf<HistoryFile>;
  private current: HistoryFile;

  constructor(dataDir: string, factory: SettingsBackendFactory = confBackend) {
    this.backend = factory<HistoryFile>({
      cwd: dataDir,
      configName: HISTORY_FILE_NAME,
      clearInvalidConfig: false,
    });
    const stored = this.backend.store as Partial<HistoryFile>;
    const entries = Array.isArray(stored.entries) ? stored.entries.filter(isEntry) : [];
    const highest = entries.reduce((max, entry) => Math.max(max, entry.id), 0);
    const nextId = Number.isSafeInteger(stored.nextId)
      ? Math.max(stored.nextId as number, highest + 1)
      : highest + 1;
    this.current = { nextId, entries };
  }

  get total(): number {
    return this.current.entries.length;
  }

  add(input: NewHistoryEntry): HistoryEntry {
    const request = capBase64(input.exchange.request.bodyBase64, HISTORY_REQUEST_BYTES);
    const response = input.exchange.response;
    const responseBody = response ? capBase64(response.bodyBase64, HISTORY_RESPONSE_BYTES) : null;
    const entry: HistoryEntry = {
      id: this.current.nextId,
      ...input,
      resendable: !request.cut,
      exchange: {
        ...input.exchange,
        request: { ...input.exchange.request, bodyBase64: request.base64 },
        response:
          response && responseBody
            ? {
                ...response,
                bodyBase64: responseBody.base64,
                truncated: response.truncated || responseBody.cut,
              }
            : response,
      },
    };
    const entries = [...this.current.entries, entry];
    this.current = { nextId: entry.id + 1, entries: entries.slice(-HISTORY_LIMIT) };
    this.backend.store = this.current;
    return entry;
  }

  get(id: number): HistoryEntry | null {
    return this.current.entries.find((entry) => entry.id === id) ?? null;
  }

  /** Newest first; `beforeId` pages back, `requestId` keeps one saved request's sends. */
  list(options: { limit: number; beforeId?: number; requestId?: string }): HistorySummary[] {
    const items: HistorySummary[] = [];
    for (let i = this.current.entries.length - 1; i >= 0 && items.length < options.limit; i--) {
      const entry = this.current.entries[i] as HistoryEntry;
      if (options.beforeId !== undefined && entry.id >= options.beforeId) continue;
      if (options.requestId !== undefined && entry.requestId !== options.requestId) continue;
      items.push(summary(entry));
    }
    return items;
  }

  clear(): void {
    this.current = { nextId: this.current.nextId, entries: [] };
    this.backend.store = this.current;
  }

  static summary = summary;
}
