/**
 * The composer's contract commands. Requests come from a renderer or a WebSocket client, so
 * every argument is checked (validate.ts) before use; every change to data sets, requests or
 * env is saved and announced (composerChanged), every send recorded (composerHistoryChanged).
 */
import type {
  ComposerRequest,
  ComposerState,
  DataSet,
  HistoryEntry,
  SendOptionsRecord,
} from '../../../shared/composer';
import type { CommandHandlers } from '../../../shared/contract';
import type { CaptureDetail, HeaderPair } from '../../../shared/domain';
import { CoreError } from '../errors';
import type { CoreEvents } from '../events';
import { type HttpRequest, sendHttp } from '../http/index';
import { runLoad } from '../simulate/load';
import { Simulations } from '../simulate/simulations';
import type { SettingsBackendFactory } from '../types';
import { buildRequest } from './build';
import { exportCollection, importCollection } from './collections';
import { ComposerStore } from './composer-store';
import { checkedText, jsonTextOf, resolveData } from './data';
import { ComposerHistory, HISTORY_LIMIT } from './history';
import { COMPOSER_PRESETS, DEFAULT_ENV } from './presets';
import { checkAcrossDataSets, previewRequest } from './preview';
import { captureAsEvent, captureSampleName } from './sample';
import type { SecretBox } from './secrets';
import { sendBuilt } from './send-built';
import { newId, objectArg, parseComposerRequest, parseEnv } from './validate';

type ComposerCommands = Pick<
  CommandHandlers,
  | 'getComposerState'
  | 'listComposerPresets'
  | 'saveDataSet'
  | 'deleteDataSet'
  | 'saveComposerRequest'
  | 'deleteComposerRequest'
  | 'setComposerEnv'
  | 'previewComposerRequest'
  | 'previewAcrossDataSets'
  | 'sendComposerRequest'
  | 'streamComposerRequest'
  | 'cancelComposerStream'
  | 'listComposerHistory'
  | 'getComposerHistoryEntry'
  | 'resendComposerHistoryEntry'
  | 'clearComposerHistory'
  | 'useCaptureAsSample'
  | 'exportComposerCollection'
  | 'importComposerCollection'
>;

export interface ComposerCommandDeps {
  dataDir: string;
  settingsBackend?: SettingsBackendFactory;
  /** Seals saved auth secrets at rest (Electron's safeStorage); absent: stored as typed. */
  secrets?: SecretBox;
  /** Where "use as sample" reads captures from (the core's CaptureStore). */
  captures: { get(id: number): CaptureDetail | null };
  events: CoreEvents;
  warn?: (message: string) => void;
  /** This run's receiver, for a new composer file's BASE_URL (the examples post to it); default :7700. */
  receiverBaseUrl?: string;
  /** The core's runs under way, which closing the core cancels; default: the composer's own. */
  simulations?: Simulations;
}

/** Headers the HTTP client writes itself (or refuses), dropped when re-sending recorded wire headers. */
const CLIENT_HEADERS = new Set([
  'connection',
  'content-length',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'expect',
]);

function text(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new CoreError('bad_request', `${field} must be text.`);
  return value;
}

function historyId(value: unknown): number {
  if (!Number.isSafeInteger(value) || (value as number) < 1)
    throw new CoreError('bad_request', 'id must be a history entry id.');
  return value as number;
}

/** Refuses, in words naming where, a request whose templates do not render. */
function sendableOrThrow(built: ReturnType<typeof buildRequest>): ReturnType<typeof buildRequest> {
  if (built.sendable) return built;
  const first = built.problems.find((p) => p.severity === 'error');
  // The template renders, but a GET cannot carry what it rendered.
  if (!first && built.queryError !== null)
    throw new CoreError('bad_request', `Not sent: ${built.queryError}`);
  const where = first
    ? ` (${first.part === 'header' ? `${first.header} header` : first.part}, line ${first.line}, column ${first.column})`
    : '';
  throw new CoreError('bad_request', `Not sent: ${first?.message ?? 'the request has errors'}${where}`);
}

function positive(value: unknown, field: string, max: number): number {
  if (typeof value !== 'number' || !(value > 0) || value > max) {
    throw new CoreError('bad_request', `${field} must be a number above 0, at most ${max}.`);
  }
  return value;
}

/** The composer's commands: data sets, saved requests, env, preview, send, history, sample, files. */
export function createComposerCommands(deps: ComposerCommandDeps): ComposerCommands {
  const store = new ComposerStore(
    deps.dataDir,
    deps.settingsBackend,
    deps.warn,
    deps.secrets,
    deps.receiverBaseUrl ? { BASE_URL: deps.receiverBaseUrl } : DEFAULT_ENV,
  );
  const history = new ComposerHistory(deps.dataDir, deps.settingsBackend);
  const { events } = deps;
  const changed = (): ComposerState => {
    const state = store.state;
    events.emit('composerChanged', state);
    return state;
  };
  const dataSetIdOf = (request: ComposerRequest): ComposerRequest => {
    if (request.dataSetId !== null) store.dataSet(request.dataSetId);
    return request;
  };
  const env = (value: unknown) => (value === undefined ? store.env : parseEnv(value));
  const runs = deps.simulations ?? new Simulations();

  const send = async (
    request: HttpRequest,
    options: SendOptionsRecord,
    meta: { requestId: string | null; requestName: string; dataSetId: string | null },
  ): Promise<HistoryEntry> => {
    const exchange = await sendHttp(request, options);
    const entry = history.add({ ...meta, options, exchange });
    events.emit('composerHistoryChanged', { latest: ComposerHistory.summary(entry), total: history.total });
    return entry;
  };

  return {
    getComposerState: async () => store.state,
    listComposerPresets: async () => COMPOSER_PRESETS,
    saveDataSet: async (request) => {
      const draft = objectArg(request);
      const id = draft.id === undefined || draft.id === '' ? newId('data') : text(draft.id, 'id');
      const dataSet: DataSet = {
        id,
        name: text(draft.name ?? 'Untitled data', 'name').trim() || 'Untitled data',
        stateText: checkedText(text(draft.stateText, 'stateText'), 'The state'),
        eventText: checkedText(text(draft.eventText, 'eventText'), 'The event'),
      };
      store.putDataSet(dataSet);
      return { state: changed(), dataSet };
    },
    deleteDataSet: async (request) => {
      store.deleteDataSet(text(objectArg(request).id, 'id'));
      return changed();
    },
    saveComposerRequest: async (request) => {
      const saved = store.putRequest(dataSetIdOf(parseComposerRequest(request)));
      return { state: changed(), request: saved };
    },
    deleteComposerRequest: async (request) => {
      store.deleteRequest(text(objectArg(request).id, 'id'));
      return changed();
    },
    setComposerEnv: async (request) => {
      store.setEnv(parseEnv(objectArg(request).env));
      return changed();
    },
    previewComposerRequest: async (request) => {
      const args = objectArg(request);
      const vars = env(args.env);
      return previewRequest(parseComposerRequest(args.request), resolveData(args.data, store.dataSets, vars));
    },
    previewAcrossDataSets: async (request) => {
      const args = objectArg(request);
      const ids = args.dataSetIds;
      if (ids !== undefined && (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')))
        throw new CoreError('bad_request', 'dataSetIds must be a list of data set ids.');
      const sets = ids === undefined ? store.dataSets : (ids as string[]).map((id) => store.dataSet(id));
      return checkAcrossDataSets(parseComposerRequest(args.request), sets, env(args.env));
    },
    sendComposerRequest: async (request) => {
      const args = objectArg(request);
      const definition = parseComposerRequest(args.request);
      const built = sendableOrThrow(
        buildRequest(definition, resolveData(args.data, store.dataSets, store.env)),
      );
      const saved = store.state.requests.some((r) => r.id === definition.id);
      const dataSetId =
        args.data && typeof args.data === 'object' && 'dataSetId' in args.data
          ? String(args.data.dataSetId)
          : null;
      return send(
        { method: built.method, url: built.url, headers: built.headers, body: built.body },
        {
          timeoutMs: definition.timeoutMs,
          followRedirects: definition.followRedirects,
          verifyTls: definition.verifyTls,
        },
        { requestId: saved ? definition.id : null, requestName: definition.name, dataSetId },
      );
    },
    // The platform sends one call per event: each call renders the templates anew, so helpers such
    // as {{uuid}}, {{now}} or {{randomInt}} make every event different. Not kept in the history.
    streamComposerRequest: async (request) => {
      const args = objectArg(request);
      const definition = parseComposerRequest(args.request);
      const data = resolveData(args.data, store.dataSets, store.env);
      sendableOrThrow(buildRequest(definition, data));
      const count = Math.floor(positive(args.count, 'count', 100_000));
      const rate = positive(args.ratePerSecond, 'ratePerSecond', 10_000);
      const options = {
        timeoutMs: definition.timeoutMs,
        followRedirects: definition.followRedirects,
        verifyTls: definition.verifyTls,
      };
      // A cancel stops new calls; those in flight end within the request's timeout.
      return runs.run('composer-stream', (signal) =>
        runLoad(count, rate, () => sendBuilt(buildRequest(definition, data), options), signal),
      );
    },
    cancelComposerStream: async () => ({ cancelled: runs.cancel('composer-stream') }),
    listComposerHistory: async (request) => {
      const args = request === undefined ? {} : objectArg(request);
      const limit = args.limit ?? 50;
      if (!Number.isSafeInteger(limit) || (limit as number) < 1 || (limit as number) > HISTORY_LIMIT)
        throw new CoreError('bad_request', `limit must be a whole number from 1 to ${HISTORY_LIMIT}.`);
      return {
        items: history.list({
          limit: limit as number,
          ...(args.beforeId === undefined ? {} : { beforeId: historyId(args.beforeId) }),
          ...(args.requestId === undefined ? {} : { requestId: text(args.requestId, 'requestId') }),
        }),
        total: history.total,
      };
    },
    getComposerHistoryEntry: async (request) => history.get(historyId(objectArg(request).id)),
    resendComposerHistoryEntry: async (request) => {
      const id = historyId(objectArg(request).id);
      const entry = history.get(id);
      if (!entry) throw new CoreError('not_found', `History entry ${id} no longer exists.`);
      if (!entry.resendable)
        throw new CoreError(
          'bad_request',
          `History entry ${id}'s body was too large to keep whole, so it cannot be re-sent exactly.`,
        );
      const sent = entry.exchange.request;
      const headers: HeaderPair[] = sent.headers.filter(([name]) => !CLIENT_HEADERS.has(name.toLowerCase()));
      const body = Buffer.from(sent.bodyBase64, 'base64');
      return send({ method: sent.method, url: sent.url, headers, body }, entry.options, {
        requestId: entry.requestId,
        requestName: entry.requestName,
        dataSetId: entry.dataSetId,
      });
    },
    clearComposerHistory: async () => {
      history.clear();
      events.emit('composerHistoryChanged', { latest: null, total: 0 });
      return { total: 0 };
    },
    useCaptureAsSample: async (request) => {
      const args = objectArg(request);
      if (!Number.isSafeInteger(args.captureId))
        throw new CoreError('bad_request', 'captureId must be a capture id.');
      const capture = deps.captures.get(args.captureId as number);
      if (!capture) throw new CoreError('not_found', `Capture ${String(args.captureId)} no longer exists.`);
      const eventText = jsonTextOf(captureAsEvent(capture));
      const name = args.name === undefined ? undefined : text(args.name, 'name').trim();
      const dataSet: DataSet =
        args.dataSetId === undefined
          ? { id: newId('data'), name: name || captureSampleName(capture), stateText: '{}', eventText }
          : { ...store.dataSet(text(args.dataSetId, 'dataSetId')), eventText, ...(name ? { name } : {}) };
      store.putDataSet(dataSet);
      return { state: changed(), dataSet };
    },
    exportComposerCollection: async (request) => {
      const args = objectArg(request);
      return exportCollection(store.state, text(args.collection, 'collection'), args.includeSecrets === true);
    },
    importComposerCollection: async (request) => {
      const args = objectArg(request);
      const rename = args.collection === undefined ? undefined : text(args.collection, 'collection');
      const imported = importCollection(text(args.text, 'text'), rename);
      store.addAll(imported.dataSets, imported.requests);
      return { state: changed(), imported: imported.requests.length };
    },
  };
}
