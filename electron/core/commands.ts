import type { CommandHandlers } from '../../shared/contract';
import type { CaptureQuery, SettingsPatch } from '../../shared/domain';
import { CoreError } from './errors';
import type { CoreEvents } from './events';
import type { Receiver } from './receiver/receiver';
import type { ReceiverOverrides } from './settings/receiver-overrides';
import type { SettingsService } from './settings/settings-service';
import { parseSettingsPatch } from './settings/validate';
import { type CaptureStore, MAX_PAGE_SIZE } from './store/capture-store';
import { parseFilterOrThrow } from './store/parse-filter';

export interface CommandDeps {
  store: CaptureStore;
  settings: SettingsService;
  receiver: Receiver;
  events: CoreEvents;
  restartReceiver: () => Promise<void>;
  overrides: ReceiverOverrides;
}

const DEFAULT_PAGE_SIZE = 200;

type CaptureAndSettingsCommands = Pick<
  CommandHandlers,
  | 'getReceiverStatus'
  | 'restartReceiver'
  | 'listCaptures'
  | 'getCapture'
  | 'deleteCaptures'
  | 'clearCaptures'
  | 'getSettings'
  | 'updateSettings'
>;

/**
 * The contract's commands, implemented. Requests come from a renderer or a
 * WebSocket client, so every argument is checked here before use.
 */
export function createCommandHandlers(deps: CommandDeps): CaptureAndSettingsCommands {
  const { store, settings, receiver, events, overrides } = deps;

  /**
   * A new receiver address is put to use before it is saved: if the receiver is listening and
   * cannot move there (a port another program holds, a host of another machine), nothing is saved
   * and it keeps listening where it was. One that is not listening because of an error is started
   * at the new address; the settings are saved either way, and its status says how that went.
   */
  const moveReceiverFor = async (patch: SettingsPatch): Promise<void> => {
    const asked = patch.receiver;
    const state = receiver.status.state;
    if (!asked || (asked.host === undefined && asked.port === undefined) || state === 'stopped') return;
    const now = overrides.apply(settings.get()).receiver;
    const host = asked.host ?? now.host;
    const port = asked.port ?? now.port;
    if (state === 'listening' && host === now.host && port === now.port) return;
    const problem = await receiver.moveTo(host, port);
    if (problem !== null && state === 'listening')
      throw new CoreError('bad_request', `${problem} The settings were not saved.`);
  };

  return {
    getReceiverStatus: async () => receiver.status,
    restartReceiver: async () => {
      await deps.restartReceiver();
      return receiver.status;
    },
    listCaptures: async (request) => {
      const query = parseQuery(request);
      return store.page({ ...query, filter: parseFilterOrThrow(query.filter) });
    },
    getCapture: async (request) => store.get(parseId(objectArg(request).id, 'id')),
    deleteCaptures: async (request) => {
      const ids = objectArg(request).ids;
      if (!Array.isArray(ids) || ids.length > 100_000) {
        throw new CoreError('bad_request', 'ids must be a list of capture ids.');
      }
      const checked = ids.map((id) => parseId(id, 'ids'));
      store.delete(checked);
      events.emit('capturesRemoved', { ids: checked, total: store.count });
      return { total: store.count };
    },
    clearCaptures: async () => {
      store.clear();
      events.emit('capturesRemoved', { ids: 'all', total: store.count });
      return { total: store.count };
    },
    getSettings: async () => overrides.apply(settings.get()),
    updateSettings: async (request) => {
      const patch = parseSettingsPatch(request);
      await moveReceiverFor(patch);
      const saved = settings.update(request);
      overrides.release(Object.keys(patch.receiver ?? {}));
      const next = overrides.apply(saved);
      events.emit('settingsChanged', next);
      return next;
    },
  };
}

function objectArg(request: unknown): Record<string, unknown> {
  if (typeof request !== 'object' || request === null) {
    throw new CoreError('bad_request', 'The request must be an object.');
  }
  return request as Record<string, unknown>;
}

function parseId(value: unknown, field: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 1) {
    throw new CoreError('bad_request', `${field} must hold positive whole numbers.`);
  }
  return value as number;
}

function parseQuery(request: unknown): Required<Pick<CaptureQuery, 'limit'>> & CaptureQuery {
  const args = request === undefined ? {} : objectArg(request);
  const query: Required<Pick<CaptureQuery, 'limit'>> & CaptureQuery = { limit: DEFAULT_PAGE_SIZE };
  if (args.limit !== undefined) {
    if (
      !Number.isSafeInteger(args.limit) ||
      (args.limit as number) < 1 ||
      (args.limit as number) > MAX_PAGE_SIZE
    ) {
      throw new CoreError('bad_request', `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}.`);
    }
    query.limit = args.limit as number;
  }
  if (args.beforeId !== undefined) query.beforeId = parseId(args.beforeId, 'beforeId');
  if (args.filter !== undefined) {
    if (typeof args.filter !== 'string') throw new CoreError('bad_request', 'filter must be text.');
    query.filter = args.filter;
  }
  return query;
}
