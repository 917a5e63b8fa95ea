import { createStore } from 'zustand/vanilla';
import type { ComposerRequestDraft, ComposerState } from '../../shared/composer';
import { describeError, type HookbenchClient } from '../client';
import {
  blankDraft,
  dataDraftOf,
  dataSourceOf,
  draftFromPreset,
  envFromRows,
  envRowsOf,
  followCore,
  forCore,
  forPreview,
  NO_DATA,
  timeoutFromText,
} from '../features/composer/drafts';
import type { ComposerStore, ComposerStoreState } from './composerTypes';

export type {
  ComposerActions,
  ComposerData,
  ComposerPanel,
  ComposerStatus,
  ComposerStore,
  ComposerStoreState,
  MissingPolicy,
} from './composerTypes';

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
        timeoutText: String(draft.timeoutMs),
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
      timeoutText: String(blankDraft().timeoutMs),
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
        const followed = followCore({ draft, origin, data }, state);
        set(followed);
        if (!Object.is(followed.draft.timeoutMs, draft.timeoutMs))
          set({ timeoutText: String(followed.draft.timeoutMs) });
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

      editTimeout(text) {
        set((state) => ({ timeoutText: text, draft: { ...state.draft, timeoutMs: timeoutFromText(text) } }));
      },

      async saveRequest() {
        const answer = await client.call('saveComposerRequest', forCore(get().draft));
        applyAnswer(answer.state);
        const saved = answer.request;
        set({ draft: { ...saved }, origin: { ...saved }, timeoutText: String(saved.timeoutMs) });
        return saved;
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
        return client.call('previewComposerRequest', { request: forPreview(request), data, env });
      },

      checkDataSets() {
        return client.call('previewAcrossDataSets', {
          request: forPreview(get().draft),
          env: envFromRows(get().envRows),
        });
      },

      async send() {
        set({ sending: true, sendError: null });
        try {
          const request = forCore(get().draft);
          // A send renders with the saved env, so edits to it must be saved first.
          if (get().envDirty) await get().saveEnv();
          const entry = await client.call('sendComposerRequest', { request, data: dataSourceOf(get().data) });
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
        const request = forCore(get().draft);
        if (get().envDirty) await get().saveEnv();
        return client.call('streamComposerRequest', {
          request,
          data: dataSourceOf(get().data),
          count,
          ratePerSecond,
        });
      },

      async cancelStream() {
        try {
          return (await client.call('cancelComposerStream', undefined)).cancelled;
        } catch {
          // The stream's own call answers (with its report, or the connection's failure in words).
          return false;
        }
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
