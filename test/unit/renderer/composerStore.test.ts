import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { ClientError } from '../../../renderer/client/clientError';
import {
  blankDraft,
  dataSourceOf,
  draftDirty,
  forCore,
  timeoutProblem,
} from '../../../renderer/features/composer/drafts';
import { createAppRuntime } from '../../../renderer/state/appRuntime';
import { createComposerStore } from '../../../renderer/state/composerStore';
import { createComposerStreamStore } from '../../../renderer/state/composerStreamStore';
import type { ComposerStoreState } from '../../../renderer/state/composerTypes';
import type {
  ComposerPresets,
  ComposerRequest,
  ComposerState,
  DataSet,
  HistoryEntry,
  HistorySummary,
} from '../../../shared/composer';
import type { CommandName } from '../../../shared/contract';
import type { LoadReport } from '../../../shared/replay';

const levelSet: DataSet = {
  id: 'data-level',
  name: 'Level upgraded (quote in the name)',
  stateText: '{ "level_name": "My level with \\" inside" }',
  eventText: '{ "level_id": 7 }',
};
const spinSet: DataSet = {
  id: 'data-spin',
  name: 'Mini-game spin issued',
  stateText: '{}',
  eventText: '{"n":1}',
};

function request(overrides: Partial<ComposerRequest> = {}): ComposerRequest {
  return { ...blankDraft(), id: 'req-1', name: 'Level', dataSetId: levelSet.id, ...overrides };
}

function state(overrides: Partial<ComposerState> = {}): ComposerState {
  return {
    dataSets: [levelSet],
    requests: [request()],
    env: { BASE_URL: 'http://127.0.0.1:7700' },
    collections: ['Requests'],
    ...overrides,
  };
}

const presets: ComposerPresets = {
  dataSets: [
    { id: 'minigame-spin', name: spinSet.name, description: '', state: {}, event: { n: 1 } },
    {
      id: 'level-upgraded',
      name: levelSet.name,
      description: '',
      state: JSON.parse(levelSet.stateText),
      event: JSON.parse(levelSet.eventText),
    },
  ],
  templates: [
    {
      id: 'webhook-minigame',
      name: 'WebHook: mini-game spin issued',
      description: '',
      method: 'POST',
      contentType: 'application/json',
      urlTemplate: '{{env.BASE_URL}}/hooks/minigame',
      bodyTemplate: '{"n": "{{event.n}}"}',
      dataSetPresetId: 'minigame-spin',
    },
  ],
};

function summary(id: number): HistorySummary {
  return {
    id,
    sentAt: '2025-01-01T00:00:00.000Z',
    requestId: 'req-1',
    requestName: 'Level',
    method: 'POST',
    url: 'http://127.0.0.1:7700/hook',
    status: 200,
    errorCode: null,
    totalMs: 3,
  };
}

const entry = {
  id: 1,
  requestName: 'Level',
  exchange: { timings: { totalMs: 3 } },
} as unknown as HistoryEntry;

/** Answers every command from a table; records what was asked, in order. */
function fakeClient(answers: Partial<Record<CommandName, (request: unknown) => unknown>>) {
  const calls: { name: CommandName; request: unknown }[] = [];
  const listeners = new Map<string, (payload: unknown) => void>();
  const client = {
    transport: 'electron' as const,
    async call(name: CommandName, request: unknown) {
      calls.push({ name, request });
      const answer = answers[name];
      if (!answer) throw new ClientError('unavailable', `no fake answer for ${name}`);
      return answer(request);
    },
    on(event: string, listener: (payload: unknown) => void) {
      listeners.set(event, listener);
      return () => listeners.delete(event);
    },
  };
  return { client, calls, names: () => calls.map((call) => call.name), listeners };
}

const baseAnswers = {
  getComposerState: () => state(),
  listComposerPresets: () => presets,
  listComposerHistory: () => ({ items: [summary(1)], total: 1 }),
};

async function loaded(answers: Partial<Record<CommandName, (request: unknown) => unknown>> = {}) {
  const fake = fakeClient({ ...baseAnswers, ...answers });
  const store = createComposerStore(fake.client as never, () => {});
  await store.getState().load();
  return { ...fake, store };
}

describe('composer store', () => {
  it('loads the state, presets and history, and opens the first request with its data set', async () => {
    const { store } = await loaded();
    const s = store.getState();
    expect(s.status).toBe('ready');
    expect(s.draft.id).toBe('req-1');
    expect(draftDirty(s.draft, s.origin)).toBe(false);
    expect(s.data).toMatchObject({ id: 'data-level', dirty: false });
    expect(s.data.stateText).toBe(levelSet.stateText);
    expect(s.envRows).toEqual([['BASE_URL', 'http://127.0.0.1:7700']]);
    expect(s.history.map((item) => item.id)).toEqual([1]);
    // Untouched data renders from the saved data set; edited texts render as they are.
    expect(dataSourceOf(s.data)).toEqual({ dataSetId: 'data-level' });
    s.editData({ stateText: '{"level_name": "x"}' });
    expect(dataSourceOf(store.getState().data)).toEqual({
      stateText: '{"level_name": "x"}',
      eventText: s.data.eventText,
    });
  });

  it('starts a request from a preset, adding the preset data set when it is missing', async () => {
    const { store, calls } = await loaded({
      saveDataSet: () => ({ state: state({ dataSets: [levelSet, spinSet] }), dataSet: spinSet }),
    });
    await store.getState().newRequest(0);
    const saved = calls.find((call) => call.name === 'saveDataSet');
    expect(saved?.request).toMatchObject({ name: spinSet.name });
    const s = store.getState();
    expect(s.draft).toMatchObject({ name: 'WebHook: mini-game spin issued', dataSetId: 'data-spin' });
    expect(s.draft.id).toBeUndefined();
    expect(s.data.id).toBe('data-spin');
    // A new request is not dirty until edited, so opening another one does not ask.
    expect(draftDirty(s.draft, s.origin)).toBe(false);
    s.editDraft({ bodyMode: 'raw' });
    expect(draftDirty(store.getState().draft, store.getState().origin)).toBe(true);
  });

  it('follows a request changed elsewhere unless the user has edits of their own', async () => {
    const { store } = await loaded();
    store.getState().applyState(state({ requests: [request({ urlTemplate: 'http://a/1' })] }));
    expect(store.getState().draft.urlTemplate).toBe('http://a/1');
    store.getState().editDraft({ name: 'Mine' });
    store.getState().applyState(state({ requests: [request({ urlTemplate: 'http://a/2' })] }));
    expect(store.getState().draft).toMatchObject({ name: 'Mine', urlTemplate: 'http://a/1' });
    // Deleted elsewhere: kept as a new, unsaved request.
    store.getState().applyState(state({ requests: [] }));
    expect(store.getState().draft.id).toBeUndefined();
    expect(store.getState().draft.name).toBe('Mine');
    expect(draftDirty(store.getState().draft, store.getState().origin)).toBe(true);
  });

  it('keeps the texts of a data set deleted elsewhere as unsaved data, and forgets its id', async () => {
    const { store } = await loaded();
    store.getState().applyState(state({ dataSets: [], requests: [request({ dataSetId: null })] }));
    const s = store.getState();
    expect(s.draft.dataSetId).toBeNull();
    expect(draftDirty(s.draft, s.origin)).toBe(false);
    expect(s.data).toMatchObject({ id: null, dirty: true });
    expect(s.data.stateText).toBe(levelSet.stateText);
    expect(dataSourceOf(s.data)).toEqual({ stateText: s.data.stateText, eventText: s.data.eventText });
  });

  it('saves unsaved env variables before sending, then shows the response', async () => {
    const { store, names, calls } = await loaded({
      setComposerEnv: (req) => state({ env: (req as { env: Record<string, string> }).env }),
      sendComposerRequest: () => entry,
    });
    store.getState().setEnvRows([
      ['BASE_URL', 'http://127.0.0.1:9000'],
      ['', 'half-typed'],
    ]);
    store.getState().editDraft({ headers: [{ name: '', valueTemplate: 'x' }] });
    await store.getState().send();
    expect(names().slice(-2)).toEqual(['setComposerEnv', 'sendComposerRequest']);
    expect(calls.at(-2)?.request).toEqual({ env: { BASE_URL: 'http://127.0.0.1:9000' } });
    // A header row without a name is not sent.
    expect(calls.at(-1)?.request).toMatchObject({
      request: { headers: [] },
      data: { dataSetId: 'data-level' },
    });
    const s = store.getState();
    expect(s).toMatchObject({ entry, panel: 'response', sending: false, sendError: null, envDirty: false });
  });

  it('reports a refused send in words and drops the older response', async () => {
    const { store } = await loaded({
      sendComposerRequest: () => {
        throw new ClientError('bad_request', 'Not sent: The URL is empty. (url, line 1, column 1)');
      },
    });
    store.setState({ entry });
    expect(await store.getState().send()).toBeNull();
    expect(store.getState()).toMatchObject({
      entry: null,
      sendError: 'Not sent: The URL is empty. (url, line 1, column 1)',
      panel: 'response',
    });
  });

  it('turns a capture into a selected data set', async () => {
    const sample: DataSet = { id: 'data-cap', name: 'Capture #4', stateText: '{}', eventText: '{"a":1}' };
    const { store, calls } = await loaded({
      useCaptureAsSample: () => ({ state: state({ dataSets: [levelSet, sample] }), dataSet: sample }),
    });
    await store.getState().useCaptureAsSample(4);
    expect(calls.at(-1)).toEqual({ name: 'useCaptureAsSample', request: { captureId: 4 } });
    expect(store.getState().draft.dataSetId).toBe('data-cap');
    expect(store.getState().data).toMatchObject({ id: 'data-cap', dirty: false });
    expect(JSON.parse(store.getState().data.eventText)).toEqual({ a: 1 });
  });

  it('keeps the history newest first and clears it', async () => {
    const { store } = await loaded();
    store.getState().applyHistory({ latest: summary(2), total: 2 });
    store.getState().applyHistory({ latest: summary(2), total: 2 });
    expect(store.getState().history.map((item) => item.id)).toEqual([2, 1]);
    store.getState().applyHistory({ latest: null, total: 0 });
    expect(store.getState()).toMatchObject({ history: [], historyTotal: 0 });
  });

  it('keeps a timeout being typed as typed, and sends or saves none that is not one', async () => {
    const { store, calls } = await loaded({
      previewComposerRequest: () => ({}),
      sendComposerRequest: () => entry,
      saveComposerRequest: () => ({ state: state(), request: request() }),
      streamComposerRequest: () => ({}),
    });
    const words = 'The timeout must be a whole number of milliseconds from 1 to 600,000.';
    for (const typed of ['10s', '', '0', '600001', '1.5']) {
      store.getState().editTimeout(typed);
      const s = store.getState();
      expect(s.timeoutText).toBe(typed);
      expect(timeoutProblem(s.draft.timeoutMs)).toBe(words);
      // Not the saved request any more, so leaving it asks first.
      expect(draftDirty(s.draft, s.origin)).toBe(true);
    }
    const before = calls.length;
    expect(await store.getState().send()).toBeNull();
    expect(store.getState().sendError).toBe(words);
    await expect(store.getState().saveRequest()).rejects.toThrow(words);
    await expect(store.getState().stream(5, 1)).rejects.toThrow(words);
    expect(calls.length).toBe(before);
    // The preview does not use the timeout, so it goes on with the default meanwhile.
    await store.getState().preview(store.getState().draft, null, {});
    expect(calls.at(-1)?.request).toMatchObject({ request: { timeoutMs: 10_000 } });

    store.getState().editTimeout(' 30000 ');
    expect(store.getState().draft.timeoutMs).toBe(30_000);
    expect(timeoutProblem(store.getState().draft.timeoutMs)).toBeNull();
    await store.getState().send();
    expect(calls.at(-1)?.request).toMatchObject({ request: { timeoutMs: 30_000 } });
    // Opening a request shows its own timeout again.
    store.getState().openRequest('req-1');
    expect(store.getState().timeoutText).toBe('10000');
  });

  it('forCore leaves complete drafts untouched', () => {
    const draft = blankDraft();
    expect(forCore(draft)).toBe(draft);
  });
});

describe('composer events through the runtime', () => {
  it('applies composerChanged and composerHistoryChanged on the next frame', async () => {
    const fake = fakeClient({ ...baseAnswers, getRules: () => ({ rules: [], fallback: null, hits: {} }) });
    const queue: (() => void)[] = [];
    const runtime = createAppRuntime(fake.client as never, (callback) => {
      queue.push(callback);
      return () => {};
    });
    runtime.start();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const composer = runtime.stores.composer;
    expect(composer.getState().status).toBe('ready');
    fake.listeners.get('composerChanged')?.(state({ dataSets: [levelSet, spinSet] }));
    fake.listeners.get('composerHistoryChanged')?.({ latest: summary(5), total: 2 });
    for (const callback of queue.splice(0)) callback();
    expect(composer.getState().dataSets.map((set) => set.id)).toEqual(['data-level', 'data-spin']);
    expect(composer.getState().history[0]?.id).toBe(5);
    runtime.dispose();
  });
});

describe('the composer stream run', () => {
  it('a Cancel that reaches the core before the stream did is asked again until the run stops', async () => {
    let finish: (report: LoadReport) => void = () => {};
    const answers = [false, false, true];
    let cancels = 0;
    const composer = createStore<ComposerStoreState>()(
      () =>
        ({
          stream: () =>
            new Promise<LoadReport>((resolve) => {
              finish = resolve;
            }),
          cancelStream: async () => {
            cancels++;
            const cancelled = answers.shift() ?? true;
            if (cancelled) finish({ ...EMPTY_REPORT, cancelled: true });
            return cancelled;
          },
        }) as unknown as ComposerStoreState,
    );
    const run = createComposerStreamStore(composer);
    const running = run.getState().run(100, 1);
    expect(run.getState().running).toBe(true);
    await run.getState().cancel();
    await running;
    expect(cancels).toBe(3);
    expect(run.getState()).toMatchObject({ running: false, report: { cancelled: true } });
    // Once the run is over, a Cancel asks nothing.
    await run.getState().cancel();
    expect(cancels).toBe(3);
  });
});

const EMPTY_REPORT: LoadReport = {
  calls: [],
  sent: 0,
  cancelled: false,
  statuses: {},
  errors: [],
  latencyMs: null,
  durationMs: 0,
};
