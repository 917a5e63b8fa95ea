import { createStore, type StoreApi } from 'zustand/vanilla';
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
import { describeError, type HookbenchClient } from '../client';
import {
  blankDraft,
  type DataDraft,
  dataDraftOf,
  dataSourceOf,
  draftFromPreset,
  type EnvRow,
  envFromRows,
  envRowsOf,
  followCore,
  forCore,
  NO_DATA,
} from '../features/composer/drafts';

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

const HISTORY_PAGE = 50;

export function createComposerStore(client: HookbenchClient, flushPendingEvents: () => void): ComposerStore {
  return createStore<ComposerStoreState>()((set, get) => {
    // Events buffered before a command's answer are older than it, so they go first.
    const applyAnswer = (state: ComposerState): void => {
      flushPendingEvents();
      get().applyState(state);
    };
    const dataSetById = (id: string | null) =>
      id === null ? undefined : get().dataSets.find((candidate) => candidate.id === id);
    const putInEditor = (draft: ComposerRequestDraft) => {
      set({
        draft,
        origin: draft,
        opened: true,
        data: dataDraftOf(dataSetById(draft.dataSetId)),
        panel: 'preview',
      });
    };
    const openFirst = () => {
      const first = get().requests[0];
      if (first) putInEditor({ ...first });
      else putInEditor(blankDraft());
    };

    return {
      status: 'idle',
      loadError: null,
      dataSets: [],
      requests: [],
      env: {},
      collections: [],
      presets: null,
      draft: blankDraft(),
      origin: null,
      opened: false,
      data: NO_DATA,
      envRows: [],
      envDirty: false,
      missing: 'flag',
      panel: 'preview',
      history: [],
      historyTotal: 0,
      historyError: null,
      entry: null,
      sending: false,
      sendError: null,

      async load() {
        if (get().status !== 'ready') set({ status: 'loading', loadError: null });
        try {
          const [state, presets] = await Promise.all([
            client.call('getComposerState', undefined),
            client.call('listComposerPresets', undefined),
          ]);
          set({ presets });
          applyAnswer(state);
          if (!get().opened) openFirst();
        } catch (error) {
          set({ status: 'error', loadError: describeError(error, 'Could not load the composer.') });
          return;
        }
        await get().loadHistory();
      },

      applyState(state) {
        const { draft, origin, data, envDirty } = get();
        set({
          dataSets: state.dataSets,
          requests: state.requests,
          env: state.env,
          collections: state.collections,
          status: 'ready',
          loadError: null,
        });
        if (!envDirty) set({ envRows: envRowsOf(state.env) });
        set(followCore({ draft, origin, data }, state));
      },

      applyHistory({ latest, total }) {
        if (latest === null) {
          set({ history: [], historyTotal: total });
          return;
        }
        const rest = get().history.filter((item) => item.id !== latest.id);
        set({ history: [latest, ...rest].slice(0, HISTORY_PAGE), historyTotal: total });
      },

      async newRequest(presetIndex) {
        const preset = presetIndex === null ? undefined : get().presets?.templates[presetIndex];
        if (!preset) {
          putInEditor(blankDraft());
          return;
        }
        const dataPreset = get().presets?.dataSets.find(
          (candidate) => candidate.id === preset.dataSetPresetId,
        );
        let dataSet = dataPreset && get().dataSets.find((candidate) => candidate.name === dataPreset.name);
        if (dataPreset && !dataSet) {
          const answer = await client.call('saveDataSet', {
            name: dataPreset.name,
            stateText: JSON.stringify(dataPreset.state, null, 2),
            eventText: JSON.stringify(dataPreset.event, null, 2),
          });
          applyAnswer(answer.state);
          dataSet = answer.dataSet;
        }
        putInEditor(draftFromPreset(preset, dataSet?.id ?? null));
      },

      openRequest(id) {
        const request = get().requests.find((candidate) => candidate.id === id);
        if (request) putInEditor({ ...request });
      },

      editDraft(patch) {
        set((state) => ({ draft: { ...state.draft, ...patch } }));
      },

      async saveRequest() {
        const answer = await client.call('saveComposerRequest', forCore(get().draft));
        applyAnswer(answer.state);
        set({ draft: { ...answer.request }, origin: { ...answer.request } });
        return answer.request;
      },

      async deleteRequest(id) {
        const open = get().draft.id === id;
        applyAnswer(await client.call('deleteComposerRequest', { id }));
        if (open) openFirst();
      },

      selectDataSet(id) {
        set((state) => ({ draft: { ...state.draft, dataSetId: id }, data: dataDraftOf(dataSetById(id)) }));
      },

      editData(patch) {
        set((state) => ({ data: { ...state.data, ...patch, dirty: true } }));
      },

      async saveData(asNew) {
        const { data } = get();
        const id = asNew ? undefined : (data.id ?? undefined);
        const answer = await client.call('saveDataSet', {
          ...(id === undefined ? {} : { id }),
          name: data.name,
          stateText: data.stateText,
          eventText: data.eventText,
        });
        // Marked clean first, so applying the answer refreshes the texts from the saved data set.
        set({ data: { ...data, id: answer.dataSet.id, dirty: false } });
        applyAnswer(answer.state);
        get().selectDataSet(answer.dataSet.id);
        return answer.dataSet;
      },

      async addDataSet(presetIndex) {
        const preset = presetIndex === null ? undefined : get().presets?.dataSets[presetIndex];
        const answer = await client.call('saveDataSet', {
          name: preset?.name ?? 'New data set',
          stateText: JSON.stringify(preset?.state ?? {}, null, 2),
          eventText: JSON.stringify(preset?.event ?? {}, null, 2),
        });
        applyAnswer(answer.state);
        get().selectDataSet(answer.dataSet.id);
        return answer.dataSet;
      },

      async deleteDataSet(id) {
        const selected = get().data.id === id;
        applyAnswer(await client.call('deleteDataSet', { id }));
        // Deleted here on purpose: its texts go too.
        if (selected) get().selectDataSet(null);
      },

      setEnvRows(rows) {
        set({ envRows: rows, envDirty: true });
      },

      async saveEnv() {
        const answer = await client.call('setComposerEnv', { env: envFromRows(get().envRows) });
        set({ envDirty: false });
        applyAnswer(answer);
      },

      setMissing(missing) {
        set({ missing });
      },

      setPanel(panel) {
        set({ panel });
      },

      preview(request, data, env) {
        return client.call('previewComposerRequest', { request: forCore(request), data, env });
      },

      checkDataSets() {
        return client.call('previewAcrossDataSets', {
          request: forCore(get().draft),
          env: envFromRows(get().envRows),
        });
      },

      async send() {
        set({ sending: true, sendError: null });
        try {
          // A send renders with the saved env, so edits to it must be saved first.
          if (get().envDirty) await get().saveEnv();
          const entry = await client.call('sendComposerRequest', {
            request: forCore(get().draft),
            data: dataSourceOf(get().data),
          });
          set({ entry, sending: false, panel: 'response' });
          return entry;
        } catch (error) {
          set({
            sending: false,
            // An older exchange under this error would read as this send's answer.
            entry: null,
            sendError: describeError(error, 'Could not send the request.'),
            panel: 'response',
          });
          return null;
        }
      },

      async stream(count, ratePerSecond) {
        if (get().envDirty) await get().saveEnv();
        return client.call('streamComposerRequest', {
          request: forCore(get().draft),
          data: dataSourceOf(get().data),
          count,
          ratePerSecond,
        });
      },

      async loadHistory() {
        try {
          const page = await client.call('listComposerHistory', { limit: HISTORY_PAGE });
          set({ history: page.items, historyTotal: page.total, historyError: null });
        } catch (error) {
          set({ historyError: describeError(error, 'Could not load the history.') });
        }
      },

      async openHistoryEntry(id) {
        const entry = await client.call('getComposerHistoryEntry', { id });
        if (!entry) throw new Error(`History entry ${id} no longer exists.`);
        set({ entry, sendError: null, panel: 'response' });
      },

      async resend(id) {
        set({ sending: true, sendError: null });
        try {
          const entry = await client.call('resendComposerHistoryEntry', { id });
          set({ entry, sending: false, panel: 'response' });
        } catch (error) {
          set({
            sending: false,
            entry: null,
            sendError: describeError(error, 'Could not send the request again.'),
            panel: 'response',
          });
        }
      },

      async clearHistory() {
        const { total } = await client.call('clearComposerHistory', undefined);
        set({ history: [], historyTotal: total });
      },

      exportCollection(collection, includeSecrets = false) {
        return client.call('exportComposerCollection', { collection, includeSecrets });
      },

      async importCollection(text) {
        const answer = await client.call('importComposerCollection', { text });
        applyAnswer(answer.state);
        return answer.imported;
      },

      async useCaptureAsSample(captureId) {
        const answer = await client.call('useCaptureAsSample', { captureId });
        applyAnswer(answer.state);
        if (!get().opened) openFirst();
        get().selectDataSet(answer.dataSet.id);
        set({ panel: 'preview' });
        return answer.dataSet;
      },
    };
  });
}
