/** The composer's state and actions; the store itself is in composerStore.ts. */
import type { StoreApi } from 'zustand/vanilla';
import type {
  ComposerEnv,
  ComposerPresets,
  ComposerRequest,
  ComposerRequestDraft,
  ComposerState,
  DataSet,
  DataSetCheck,
  DataSource,
  HistoryEntry,
  HistorySummary,
  RequestPreview,
} from '../../shared/composer';
import type { LoadReport } from '../../shared/replay';
import type { DataDraft, EnvRow } from '../features/composer/drafts';

export type ComposerStatus = 'idle' | 'loading' | 'ready' | 'error';
/** `flag` lists references to absent data; `empty` hides them, as the platform renders them silently. */
export type MissingPolicy = 'flag' | 'empty';
export type ComposerPanel = 'preview' | 'response' | 'history';

export interface ComposerData {
  status: ComposerStatus;
  loadError: string | null;
  dataSets: readonly DataSet[];
  requests: readonly ComposerRequest[];
  /** The saved env variables. */
  env: ComposerEnv;
  collections: readonly string[];
  presets: ComposerPresets | null;
  /** The request in the editor; without an id it has never been saved. */
  draft: ComposerRequestDraft;
  /** The Timeout field as typed; the draft holds its value (NaN while it is not a valid one). */
  timeoutText: string;
  /**
   * What the draft was when it was put in the editor (the saved request, or a preset), to tell
   * unsaved changes; null when it has none to compare with (its saved request was deleted).
   */
  origin: ComposerRequestDraft | null;
  /** False until a request was put in the editor (the first saved one, a preset, a sample). */
  opened: boolean;
  data: DataDraft;
  /** The env editor's rows, previewed at once and saved on demand (or before a send). */
  envRows: readonly EnvRow[];
  envDirty: boolean;
  missing: MissingPolicy;
  panel: ComposerPanel;
  history: readonly HistorySummary[];
  historyTotal: number;
  historyError: string | null;
  /** The exchange on display: the last send, or a history entry opened. */
  entry: HistoryEntry | null;
  sending: boolean;
  /** Why the last send was refused before anything went out (template errors, bad URL). */
  sendError: string | null;
}

/** Actions that talk to the core reject with a `ClientError` whose message is for the user. */
export interface ComposerActions {
  load(): Promise<void>;
  /** The whole state, from a `composerChanged` event or a command's answer. */
  applyState(state: ComposerState): void;
  /** A `composerHistoryChanged` event. */
  applyHistory(change: { latest: HistorySummary | null; total: number }): void;
  /** A new unsaved request: blank, or from a template preset (with its data set, added if missing). */
  newRequest(presetIndex: number | null): Promise<void>;
  openRequest(id: string): void;
  editDraft(patch: Partial<ComposerRequestDraft>): void;
  editTimeout(text: string): void;
  saveRequest(): Promise<ComposerRequest>;
  deleteRequest(id: string): Promise<void>;
  selectDataSet(id: string | null): void;
  editData(patch: Partial<Pick<DataDraft, 'name' | 'stateText' | 'eventText'>>): void;
  /** Saves the data texts into the selected data set, or as a new one (`asNew` or none selected). */
  saveData(asNew: boolean): Promise<DataSet>;
  /** Adds a data set (blank or from a data set preset) and selects it. */
  addDataSet(presetIndex: number | null): Promise<DataSet>;
  deleteDataSet(id: string): Promise<void>;
  setEnvRows(rows: readonly EnvRow[]): void;
  saveEnv(): Promise<void>;
  setMissing(policy: MissingPolicy): void;
  setPanel(panel: ComposerPanel): void;
  preview(request: ComposerRequestDraft, data: DataSource | null, env: ComposerEnv): Promise<RequestPreview>;
  checkDataSets(): Promise<DataSetCheck[]>;
  /** Resolves with the exchange, or null when the core refused to send (`sendError` says why). */
  send(): Promise<HistoryEntry | null>;
  loadHistory(): Promise<void>;
  openHistoryEntry(id: number): Promise<void>;
  /** Sends the draft `count` times at `ratePerSecond`, rendered anew each time; rejects with a ClientError. */
  stream(count: number, ratePerSecond: number): Promise<LoadReport>;
  /** Stops the stream under way (true when one was); `stream` then resolves with what was sent. Never rejects. */
  cancelStream(): Promise<boolean>;
  /** Like send: never rejects, `sendError` says why it failed. */
  resend(id: number): Promise<void>;
  clearHistory(): Promise<void>;
  /** Auth secrets are left out unless `includeSecrets`. */
  exportCollection(collection: string, includeSecrets?: boolean): Promise<{ fileName: string; text: string }>;
  importCollection(text: string): Promise<number>;
  /** Turns a capture's body into a data set and puts it in the editor (for "Use as sample"). */
  useCaptureAsSample(captureId: number): Promise<DataSet>;
}

export type ComposerStoreState = ComposerData & ComposerActions;
export type ComposerStore = StoreApi<ComposerStoreState>;
