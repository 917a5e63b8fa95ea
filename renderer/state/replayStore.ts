import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CommandRequest } from '../../shared/contract';
import type { CaptureDetail, CaptureSummary } from '../../shared/domain';
import type {
  BulkReplayRequest,
  LoadReport,
  ReplayProgress,
  ReplayRecord,
  ReplaySummary,
  ResponseDiff,
  ResponseRef,
  ReverseSimulationOptions,
  SdkSimulationOptions,
  SdkSimulationReport,
  SimulationKind,
  SimulationStatus,
  SmsSimulationOptions,
  SmsSimulationReport,
} from '../../shared/replay';
import { describeError, type HookbenchClient, isClientError } from '../client';

export type ReplayTab = 'replay' | 'sms' | 'reverse' | 'sdk';
export type ResultsStatus = 'idle' | 'loading' | 'ready' | 'error';

/** The replay target as the form holds it: text as typed, checked when a replay starts. */
export interface TargetDraft {
  targetUrl: string;
  rebase: boolean;
  /** Header names, separated by commas. */
  dropHeaders: string;
  /** One `Name: value` per line. */
  overrideHeaders: string;
  timeoutMs: string;
  followRedirects: boolean;
  verifyTls: boolean;
}

export const DEFAULT_TARGET: TargetDraft = {
  targetUrl: '',
  rebase: true,
  dropHeaders: '',
  overrideHeaders: '',
  timeoutMs: '30000',
  followRedirects: false,
  verifyTls: true,
};

/** One simulator's last run; kept in the store so a long run survives leaving the screen. */
export interface SimRun<R> {
  running: boolean;
  report: R | null;
  error: string | null;
  /**
   * The run's answer was lost with the connection while it went on in Hookbench: shown as
   * running until, connected again, the store learns how it ended (getSimulation).
   */
  answerLost?: boolean;
}

const IDLE_RUN = { running: false, report: null, error: null } as const;

export interface ReplayData {
  tab: ReplayTab;
  /** The capture the single-replay picker shows (set by "Replay" on a capture elsewhere, too). */
  captureId: number | null;
  target: TargetDraft;
  /** The bulk run on screen: the one this window started, or the latest one pushed. */
  bulk: ReplayProgress | null;
  /** Every replay, newest first (the core keeps the latest 200 in a listing). */
  results: readonly ReplaySummary[];
  resultsStatus: ResultsStatus;
  resultsError: string | null;
  sms: SimRun<SmsSimulationReport>;
  reverse: SimRun<LoadReport>;
  sdk: SimRun<SdkSimulationReport>;
  /**
   * What the user typed into the Replay screen's forms (filters, rates, ids, tokens, an edit
   * before replay), by field: kept while the screen is away, as the Composer's draft is.
   */
  forms: Readonly<Record<string, unknown>>;
}

/** Actions that talk to the core reject with a `ClientError` whose message is for the user. */
export interface ReplayActions {
  setTab(tab: ReplayTab): void;
  setCaptureId(id: number | null): void;
  setForm(field: string, value: unknown): void;
  /** Opens the Replay tab with this capture chosen. */
  requestCapture(id: number): void;
  setTarget(patch: Partial<TargetDraft>): void;
  loadResults(): Promise<void>;
  replayOne(request: CommandRequest<'replayCapture'>): Promise<ReplayRecord>;
  startBulk(request: BulkReplayRequest): Promise<ReplayProgress>;
  cancelBulk(): Promise<void>;
  /**
   * After the connection to the core came back: the shown bulk run's counts as the core has
   * them now (it may have ended while the events were lost), and the results list.
   */
  resync(): Promise<void>;
  /** A `replayProgress` event. */
  applyProgress(progress: ReplayProgress): void;
  getReplay(id: number): Promise<ReplayRecord | null>;
  compare(left: ResponseRef, right: ResponseRef): Promise<ResponseDiff>;
  /** How many captures a filter matches; rejects with the filter's syntax error in words. */
  countMatching(filter: string): Promise<number>;
  recentCaptures(): Promise<CaptureSummary[]>;
  getCapture(id: number): Promise<CaptureDetail | null>;
  simulateSms(options: SmsSimulationOptions): Promise<void>;
  simulateReverse(options: ReverseSimulationOptions): Promise<void>;
  simulateSdk(options: SdkSimulationOptions): Promise<void>;
  /** Stops that sender's run; its report then says it was cancelled. */
  cancelSimulation(kind: SimulationKind): Promise<void>;
}

export type ReplayStoreState = ReplayData & ReplayActions;
export type ReplayStore = StoreApi<ReplayStoreState>;

const RECENT_CAPTURES = 100;
/** How often a simulation whose answer was lost is asked about while it still runs. */
const SIMULATION_POLL_MS = 1000;
/** While a bulk run goes, the results list is reloaded at most this often. */
const RESULTS_REFRESH_MS = 1000;

export function isFinished(progress: ReplayProgress): boolean {
  return progress.state !== 'running';
}

/**
 * Combines what is known about one bulk run. Events and command answers can arrive out of
 * order (a cancel answer after the final event), so counts only grow and a finished state
 * is never replaced by "running". A different run replaces the shown one.
 */
export function mergeProgress(current: ReplayProgress | null, next: ReplayProgress): ReplayProgress {
  if (!current || current.batchId !== next.batchId) return next;
  const counts = next.sent >= current.sent ? next : current;
  const ending = isFinished(current) && !isFinished(next) ? current : next;
  return { ...counts, state: ending.state, stopReason: ending.stopReason };
}

type SimKey = SimulationKind;

export function createReplayStore(client: HookbenchClient, flushPendingEvents: () => void): ReplayStore {
  // A results answer older than the latest request must not overwrite a newer list.
  let resultsGeneration = 0;
  let lastRefresh = 0;
  // A simulator run started after another of the same kind owns the on-screen result.
  const simGeneration: Record<SimKey, number> = { sms: 0, reverse: 0, sdk: 0 };
  const following = new Set<SimKey>();

  return createStore<ReplayStoreState>()((set, get) => {
    const refreshResults = () => {
      lastRefresh = Date.now();
      void get().loadResults();
    };

    /** Runs one simulator: shows it running (keeping the last report until the new one), then the outcome. */
    async function simulate<R>(
      key: SimKey,
      previous: R | null,
      run: () => Promise<R>,
      put: (state: SimRun<R>) => void,
    ): Promise<void> {
      const generation = ++simGeneration[key];
      put({ running: true, report: previous, error: null });
      let outcome: SimRun<R>;
      try {
        outcome = { running: false, report: await run(), error: null };
      } catch (error) {
        if (isClientError(error) && error.answerLost) {
          if (generation === simGeneration[key])
            put({ running: true, report: previous, error: null, answerLost: true });
          return;
        }
        outcome = {
          running: false,
          report: null,
          error: describeError(error, 'The simulation could not run.'),
        };
      }
      if (generation === simGeneration[key]) put(outcome);
    }

    const putStatus = (status: SimulationStatus) => {
      const ended = { running: false, error: status.error };
      if (status.kind === 'sms') set({ sms: { ...ended, report: status.report } });
      else if (status.kind === 'reverse') set({ reverse: { ...ended, report: status.report } });
      else set({ sdk: { ...ended, report: status.report } });
    };

    /** Asks how a run whose answer was lost stands, until it has ended (or another run replaced it). */
    async function follow(key: SimKey): Promise<void> {
      if (following.has(key)) return;
      following.add(key);
      const generation = simGeneration[key];
      try {
        for (;;) {
          // A failure here leaves the run as it is: the next reconnect asks again.
          const status = await client.call('getSimulation', { kind: key });
          if (generation !== simGeneration[key]) return;
          if (!status.running) return putStatus(status);
          await new Promise((resolve) => setTimeout(resolve, SIMULATION_POLL_MS));
          if (generation !== simGeneration[key]) return;
        }
      } catch {
        // Unreachable again: followed once more on the next reconnect.
      } finally {
        following.delete(key);
      }
    }

    return {
      tab: 'replay',
      forms: {},
      captureId: null,
      target: DEFAULT_TARGET,
      bulk: null,
      results: [],
      resultsStatus: 'idle',
      resultsError: null,
      sms: IDLE_RUN,
      reverse: IDLE_RUN,
      sdk: IDLE_RUN,

      setForm(field, value) {
        set({ forms: { ...get().forms, [field]: value } });
      },

      setTab(tab) {
        set({ tab });
      },

      setCaptureId(captureId) {
        set({ captureId });
      },

      requestCapture(id) {
        set({ tab: 'replay', captureId: id });
      },

      setTarget(patch) {
        set((state) => ({ target: { ...state.target, ...patch } }));
      },

      async loadResults() {
        const generation = ++resultsGeneration;
        if (get().resultsStatus !== 'ready') set({ resultsStatus: 'loading', resultsError: null });
        try {
          const results = await client.call('listReplays', {});
          if (generation === resultsGeneration) set({ results, resultsStatus: 'ready', resultsError: null });
        } catch (error) {
          if (generation !== resultsGeneration) return;
          set({ resultsStatus: 'error', resultsError: describeError(error, 'Could not load the replays.') });
        }
      },

      async replayOne(request) {
        const record = await client.call('replayCapture', request);
        refreshResults();
        return record;
      },

      async startBulk(request) {
        const progress = await client.call('startBulkReplay', request);
        // Events buffered before the answer belong to older runs; they must not replace this one.
        flushPendingEvents();
        set((state) => ({ bulk: mergeProgress(state.bulk, progress) }));
        if (isFinished(progress)) refreshResults();
        return progress;
      },

      async cancelBulk() {
        const bulk = get().bulk;
        if (!bulk || isFinished(bulk)) return;
        try {
          const progress = await client.call('cancelBulkReplay', { batchId: bulk.batchId });
          flushPendingEvents();
          set((state) => ({ bulk: mergeProgress(state.bulk, progress) }));
        } catch (error) {
          // The run ended before the cancel reached it (its last events were lost): show how.
          if (isClientError(error) && error.code === 'not_found') await get().resync();
          else throw error;
        }
      },

      async resync() {
        refreshResults();
        for (const key of ['sms', 'reverse', 'sdk'] as const) if (get()[key].answerLost) void follow(key);
        const bulk = get().bulk;
        if (!bulk || isFinished(bulk)) return;
        let progress: ReplayProgress;
        try {
          progress = await client.call('getBulkReplay', { batchId: bulk.batchId });
        } catch (error) {
          if (!isClientError(error) || error.code !== 'not_found') return;
          // Forgotten (Hookbench restarted, or many runs since): it is over, its results are listed.
          progress = {
            ...bulk,
            state: 'stopped',
            stopReason: 'Hookbench no longer knows how this run ended; the results it stored are listed.',
          };
        }
        flushPendingEvents();
        set((state) => ({ bulk: mergeProgress(state.bulk, progress) }));
        if (isFinished(progress)) refreshResults();
      },

      applyProgress(progress) {
        const current = get().bulk;
        // Another window's run does not push aside a run that is still going here.
        if (current && current.batchId !== progress.batchId && !isFinished(current)) return;
        const next = mergeProgress(current, progress);
        set({ bulk: next });
        const moved = next.sent !== current?.sent || next.state !== current?.state;
        if (moved && (isFinished(next) || Date.now() - lastRefresh >= RESULTS_REFRESH_MS)) refreshResults();
      },

      getReplay(id) {
        return client.call('getReplay', { id });
      },

      compare(left, right) {
        return client.call('compareResponses', { left, right });
      },

      async countMatching(filter) {
        return (await client.call('listCaptures', { filter, limit: 1 })).matched;
      },

      async recentCaptures() {
        return (await client.call('listCaptures', { limit: RECENT_CAPTURES })).items;
      },

      getCapture(id) {
        return client.call('getCapture', { id });
      },

      simulateSms(options) {
        return simulate(
          'sms',
          get().sms.report,
          () => client.call('simulateSmsStatus', options),
          (sms) => set({ sms }),
        );
      },

      simulateReverse(options) {
        return simulate(
          'reverse',
          get().reverse.report,
          () => client.call('simulateReverse', options),
          (reverse) => set({ reverse }),
        );
      },

      simulateSdk(options) {
        return simulate(
          'sdk',
          get().sdk.report,
          () => client.call('simulateSdk', options),
          (sdk) => set({ sdk }),
        );
      },

      async cancelSimulation(kind) {
        try {
          await client.call('cancelSimulation', { kind });
        } catch {
          // The run's own call answers (with its report, or the connection's failure in words).
        }
      },
    };
  });
}
