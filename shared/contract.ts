/**
 * The one contract between the UI and the core. Every command (request →
 * response) and every pushed event is declared here, once; the Electron main
 * process, the preload bridge, the headless WebSocket host and the renderer's
 * client are all derived from these declarations. Nothing else names a channel.
 */
import type {
  ComposerEnv,
  ComposerPresets,
  ComposerRequest,
  ComposerRequestDraft,
  ComposerState,
  DataSet,
  DataSetCheck,
  DataSetDraft,
  DataSource,
  HistoryEntry,
  HistorySummary,
  RequestPreview,
} from './composer';
import type { Diagnosis } from './doctor';
import type {
  BodyPayload,
  BucketInfo,
  CaptureDetail,
  CaptureMetaPatch,
  CapturePage,
  CaptureQuery,
  CaptureSummary,
  DataFolderInfo,
  ReceiverStatus,
  Settings,
  SettingsPatch,
  SmsTimeline,
  StoreCounts,
  StoreHealth,
} from './domain';
import type {
  BulkReplayRequest,
  LoadReport,
  ReplayEdit,
  ReplayProgress,
  ReplayRecord,
  ReplaySummary,
  ReplayTarget,
  ResponseDiff,
  ResponseRef,
  ReverseSimulationOptions,
  SdkSimulationOptions,
  SdkSimulationReport,
  SimulationKind,
  SimulationStatus,
  SmsSimulationOptions,
  SmsSimulationReport,
} from './replay';
import type { FallbackResponse, Rule, RuleHits, RulePreview, RuleState } from './rules';
import type { HelperDescription, RenderMode, TemplateProblem } from './templates';

export interface CommandMap {
  getReceiverStatus: { request: undefined; response: ReceiverStatus };
  getStoreHealth: { request: undefined; response: StoreHealth };
  /** Re-binds the receiver with the current settings (after a port change or a failed start). */
  restartReceiver: { request: undefined; response: ReceiverStatus };
  listCaptures: { request: CaptureQuery; response: CapturePage };
  getCapture: { request: { id: number }; response: CaptureDetail | null };
  /** A body for the inspector: decoded from its Content-Encoding when asked, the first `maxBytes` only when given. */
  getCaptureBody: {
    request: { id: number; side: 'request' | 'response'; decode: boolean; maxBytes?: number };
    response: BodyPayload;
  };
  /** The JSON doctor's diagnosis of a capture's request body (decoded from its Content-Encoding). */
  diagnoseCapture: { request: { id: number }; response: Diagnosis };
  /** Pin or unpin, or set the note of, one capture. */
  setCaptureMeta: { request: CaptureMetaPatch; response: CaptureSummary };
  listBuckets: { request: undefined; response: BucketInfo[] };
  /** Every id_sms seen in status batches matching the filter, with its states and anomalies. */
  /**
   * The story of each id_sms across the status batches (those matching `filter`): of the ids
   * capture `forCapture` carries, or of the ids containing `find`, or of all (up to 10,000).
   */
  getSmsTimeline: {
    request: { filter?: string; forCapture?: number; find?: string };
    response: SmsTimeline;
  };
  /** Selected captures (ids), or all matching a filter, as a HAR or NDJSON file's text. */
  exportCaptures: {
    request: { ids?: number[]; filter?: string; format: 'har' | 'ndjson'; redactHeaders?: string[] };
    response: { fileName: string; text: string; count: number };
  };
  /** Adds the captures of a file: a HAR file (any tool's) or Hookbench's NDJSON export. */
  importCaptures: { request: { text: string }; response: { imported: number } };
  deleteCaptures: { request: { ids: number[] }; response: StoreCounts };
  clearCaptures: { request: undefined; response: StoreCounts };
  getSettings: { request: undefined; response: Settings };
  updateSettings: { request: SettingsPatch; response: Settings };
  /** The data folder and the files in it, with their sizes. */
  getDataFolder: { request: undefined; response: DataFolderInfo };
  getRules: { request: undefined; response: RuleState };
  /** Adds the rule, or replaces the rule with the same id. */
  saveRule: { request: Rule; response: RuleState };
  deleteRule: { request: { id: string }; response: RuleState };
  /** The new order of every rule id; first match wins. */
  reorderRules: { request: { ids: string[] }; response: RuleState };
  setFallback: { request: FallbackResponse; response: RuleState };
  /** What a rule (saved or being edited) would answer to a captured request. */
  previewRule: { request: { rule: Rule; captureId: number }; response: RulePreview };
  exportRules: { request: undefined; response: { fileName: string; text: string } };
  /** `replace` swaps the rules for the file's; otherwise the file's rules are added after the current ones. */
  importRules: { request: { text: string; replace: boolean }; response: RuleState };
  /**
   * Reads a rules file without importing it (so the UI asks "replace or add?" only about a good one),
   * and says where its rules would forward requests: an imported rule can send every matching
   * request to a server the user never chose (`enabled`: at once; otherwise once a rule is enabled).
   */
  checkRulesFile: {
    request: { text: string };
    response: { rules: number; forwardTargets: { url: string; enabled: boolean }[] };
  };
  /** Compile-time problems of a template (syntax, unknown helpers), with line and column, for editors. */
  checkTemplate: { request: { source: string; mode: RenderMode }; response: { problems: TemplateProblem[] } };
  /** The template helpers with a description and an example each, for the editors' help. */
  listTemplateHelpers: { request: undefined; response: HelperDescription[] };
  /** Sends one capture again (optionally edited; the capture never changes) and records the result. */
  replayCapture: {
    request: { captureId: number; target: ReplayTarget; edit?: ReplayEdit };
    response: ReplayRecord;
  };
  /** Starts a bulk replay in the background; replayProgress events follow. */
  startBulkReplay: { request: BulkReplayRequest; response: ReplayProgress };
  cancelBulkReplay: { request: { batchId: string }; response: ReplayProgress };
  /** A bulk run's latest counts, going or ended recently (for a window that missed its events). */
  getBulkReplay: { request: { batchId: string }; response: ReplayProgress };
  /** Replays of one capture or one bulk run, newest first. */
  listReplays: { request: { captureId?: number; batchId?: string }; response: ReplaySummary[] };
  getReplay: { request: { id: number }; response: ReplayRecord | null };
  /** Status, headers and body of two responses side by side (a capture's recorded answer or a replay's). */
  compareResponses: { request: { left: ResponseRef; right: ResponseRef }; response: ResponseDiff };
  /** Plays the SMS gateway: posts statuses, re-sends the unacknowledged ones up to the attempt limit. */
  simulateSmsStatus: { request: SmsSimulationOptions; response: SmsSimulationReport };
  /** Plays the CRM platform's reverse integration: N calls at R per second. */
  simulateReverse: { request: ReverseSimulationOptions; response: LoadReport };
  /** Plays the messaging SDK: posts notifications and interprets the status codes. */
  simulateSdk: { request: SdkSimulationOptions; response: SdkSimulationReport };
  /** Stops the simulation of that sender under way; its own call then answers with what was done. */
  cancelSimulation: { request: { kind: SimulationKind }; response: { cancelled: boolean } };
  /** The latest simulation of that sender: running, or how it ended (for a window that lost the answer). */
  getSimulation: { request: { kind: SimulationKind }; response: SimulationStatus };
  /** The composer's data sets, saved requests, env variables and collection names. */
  getComposerState: { request: undefined; response: ComposerState };
  /** Sample data and body templates matching the platform documentation, for "new from preset". */
  listComposerPresets: { request: undefined; response: ComposerPresets };
  /** Adds a data set (no id) or replaces one; the JSON texts are checked, errors give line and column. */
  saveDataSet: { request: DataSetDraft; response: { state: ComposerState; dataSet: DataSet } };
  /** Requests that used the data set keep working without one. */
  deleteDataSet: { request: { id: string }; response: ComposerState };
  /** Adds a request (no id) or replaces one; absent fields get defaults. */
  saveComposerRequest: {
    request: ComposerRequestDraft;
    response: { state: ComposerState; request: ComposerRequest };
  };
  deleteComposerRequest: { request: { id: string }; response: ComposerState };
  /** Replaces every env variable (`{{env.NAME}}`). */
  setComposerEnv: { request: { env: ComposerEnv }; response: ComposerState };
  /**
   * A request (saved or being edited) rendered against data: URL, headers, body, problems, the
   * doctor's diagnosis mapped to the template, and lint. `env` previews unsaved variables.
   */
  previewComposerRequest: {
    request: { request: ComposerRequestDraft; data: DataSource | null; env?: ComposerEnv };
    response: RequestPreview;
  };
  /** One request against several data sets (all when `dataSetIds` is absent): valid or not, first problem. */
  previewAcrossDataSets: {
    request: { request: ComposerRequestDraft; dataSetIds?: string[]; env?: ComposerEnv };
    response: DataSetCheck[];
  };
  /**
   * Renders and sends; network failures and non-2xx answers come back in the entry, not as
   * errors. Fails (bad_request) only when the request cannot be sent (template errors, bad URL).
   */
  sendComposerRequest: {
    request: { request: ComposerRequestDraft; data: DataSource | null };
    response: HistoryEntry;
  };
  /**
   * Sends the request `count` times at `ratePerSecond`, rendering it anew for each call (as the
   * platform renders each event), and sums up statuses and latency. Not kept in the history.
   * One stream at a time: starting one stops the one still running (a reloaded window lost sight of it).
   */
  streamComposerRequest: {
    request: { request: ComposerRequestDraft; data: DataSource | null; count: number; ratePerSecond: number };
    response: LoadReport;
  };
  /** Stops the composer stream under way; its own call then answers with what was sent. */
  cancelComposerStream: { request: undefined; response: { cancelled: boolean } };
  /** Newest first, without bodies; `requestId` keeps one saved request's sends. */
  listComposerHistory: {
    request: { limit?: number; beforeId?: number; requestId?: string };
    response: { items: HistorySummary[]; total: number };
  };
  getComposerHistoryEntry: { request: { id: number }; response: HistoryEntry | null };
  /** Sends the recorded request again, byte for byte, with its recorded options. */
  resendComposerHistoryEntry: { request: { id: number }; response: HistoryEntry };
  clearComposerHistory: { request: undefined; response: { total: number } };
  /** A capture's JSON body becomes a data set's event: a new data set, or `dataSetId`'s event replaced. */
  useCaptureAsSample: {
    request: { captureId: number; dataSetId?: string; name?: string };
    response: { state: ComposerState; dataSet: DataSet };
  };
  /** A collection's requests and the data sets they use, as a file's text (env variables left out). */
  /** Auth secrets (tokens, passwords, HMAC keys) are blanked unless `includeSecrets`; env references stay. */
  exportComposerCollection: {
    request: { collection: string; includeSecrets?: boolean };
    response: { fileName: string; text: string };
  };
  /** Adds an exported collection with fresh ids; `collection` renames it. */
  importComposerCollection: {
    request: { text: string; collection?: string };
    response: { state: ComposerState; imported: number };
  };
}

export interface EventMap {
  /** New captures, oldest first; the core batches them, so one event may carry many. */
  capturesAdded: { items: CaptureSummary[]; total: number };
  /** Captures removed: the listed ids, or every capture. */
  capturesRemoved: { ids: number[] | 'all'; total: number };
  /** A capture's pin or note changed. */
  captureUpdated: CaptureSummary;
  receiverStatus: ReceiverStatus;
  /** The capture store could not write (disk full, folder read-only) or recovered; the UI shows a banner. */
  storeHealth: StoreHealth;
  settingsChanged: Settings;
  rulesChanged: RuleState;
  /** Hit counts, at most a few times a second while requests arrive. */
  ruleHits: RuleHits;
  /** A bulk replay's counts, a few times a second while it runs, and once when it ends. */
  replayProgress: ReplayProgress;
  /** Data sets, saved requests or env variables changed. */
  composerChanged: ComposerState;
  /** A send was recorded (`latest`), or the history was cleared (`latest` null). */
  composerHistoryChanged: { latest: HistorySummary | null; total: number };
}

export type CommandName = keyof CommandMap;
export type EventName = keyof EventMap;
export type CommandRequest<K extends CommandName> = CommandMap[K]['request'];
export type CommandResponse<K extends CommandName> = CommandMap[K]['response'];
export type EventPayload<E extends EventName> = EventMap[E];

// A Record over the keys makes the compiler reject a command or event that is
// declared above but missing here, so the runtime lists can never drift.
const commandKeys: Record<CommandName, true> = {
  getReceiverStatus: true,
  getStoreHealth: true,
  restartReceiver: true,
  listCaptures: true,
  getCapture: true,
  getCaptureBody: true,
  diagnoseCapture: true,
  setCaptureMeta: true,
  listBuckets: true,
  getSmsTimeline: true,
  exportCaptures: true,
  importCaptures: true,
  deleteCaptures: true,
  clearCaptures: true,
  getSettings: true,
  updateSettings: true,
  getDataFolder: true,
  getRules: true,
  saveRule: true,
  deleteRule: true,
  reorderRules: true,
  setFallback: true,
  previewRule: true,
  exportRules: true,
  importRules: true,
  checkRulesFile: true,
  checkTemplate: true,
  listTemplateHelpers: true,
  replayCapture: true,
  startBulkReplay: true,
  cancelBulkReplay: true,
  getBulkReplay: true,
  listReplays: true,
  getReplay: true,
  compareResponses: true,
  simulateSmsStatus: true,
  simulateReverse: true,
  simulateSdk: true,
  cancelSimulation: true,
  getSimulation: true,
  getComposerState: true,
  listComposerPresets: true,
  saveDataSet: true,
  deleteDataSet: true,
  saveComposerRequest: true,
  deleteComposerRequest: true,
  setComposerEnv: true,
  previewComposerRequest: true,
  previewAcrossDataSets: true,
  sendComposerRequest: true,
  streamComposerRequest: true,
  cancelComposerStream: true,
  listComposerHistory: true,
  getComposerHistoryEntry: true,
  resendComposerHistoryEntry: true,
  clearComposerHistory: true,
  useCaptureAsSample: true,
  exportComposerCollection: true,
  importComposerCollection: true,
};
const eventKeys: Record<EventName, true> = {
  capturesAdded: true,
  capturesRemoved: true,
  captureUpdated: true,
  receiverStatus: true,
  storeHealth: true,
  settingsChanged: true,
  rulesChanged: true,
  ruleHits: true,
  replayProgress: true,
  composerChanged: true,
  composerHistoryChanged: true,
};

export const COMMANDS = Object.freeze(Object.keys(commandKeys) as CommandName[]);
export const EVENTS = Object.freeze(Object.keys(eventKeys) as EventName[]);

export function isCommandName(value: unknown): value is CommandName {
  return typeof value === 'string' && Object.hasOwn(commandKeys, value);
}
export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(eventKeys, value);
}

/** Electron IPC channel names, derived from the contract. */
export const ipcChannel = {
  command: (name: CommandName) => `hookbench:command:${name}`,
  event: (name: EventName) => `hookbench:event:${name}`,
} as const;

/** Error codes a command can fail with; the message is always plain words for the user. */
export type ErrorCode = 'bad_request' | 'not_found' | 'unavailable' | 'internal';

export interface CommandError {
  code: ErrorCode;
  message: string;
}

/**
 * Every command answer travels wrapped, over IPC and WebSocket alike, because
 * Electron flattens thrown errors into a generic message and loses the code.
 */
export type CommandResult<T> = { ok: true; value: T } | { ok: false; error: CommandError };

/** The core, as both hosts see it: one async handler per command. */
export type CommandHandlers = {
  [K in CommandName]: (request: CommandRequest<K>) => Promise<CommandResponse<K>>;
};

export type EventListener<E extends EventName> = (payload: EventPayload<E>) => void;

/** The API the preload exposes as `window.hookbench`: one named function per command. */
export type HookbenchApi = {
  [K in CommandName]: (request: CommandRequest<K>) => Promise<CommandResult<CommandResponse<K>>>;
} & {
  /** Subscribes to one contract event; returns the unsubscribe function. */
  subscribe<E extends EventName>(event: E, listener: EventListener<E>): () => void;
};

/** Frames of the headless host's WebSocket bridge (JSON text frames). */
export type WsClientFrame = { type: 'command'; id: number; name: CommandName; request: unknown };
export type WsServerFrame =
  | { type: 'result'; id: number; result: CommandResult<unknown> }
  | { type: 'event'; name: EventName; payload: unknown };

export const WS_PATH = '/bridge';

/**
 * The largest frame the bridge accepts, in bytes of UTF-8. The host closes a socket that sends a
 * larger one (a browser has no other way to be told), so the browser client refuses such a
 * command itself, in words, and the connection stays up.
 */
export const WS_MAX_FRAME_BYTES = 16 * 1024 * 1024;
