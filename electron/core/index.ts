import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CommandHandlers } from '../../shared/contract';
import type { ReceiverSettings } from '../../shared/domain';
import { createCommandHandlers } from './commands';
import { createComposerCommands } from './composer/composer-commands';
import { COMPOSER_FILE_NAME } from './composer/composer-store';
import { HISTORY_FILE_NAME } from './composer/history';
import { CoreEvents } from './events';
import { Forwarder } from './forward/forwarder';
import { createInspectorCommands } from './inspector/inspector-commands';
import { ECHO_LIST_LIMIT } from './receiver/echo';
import type { ReceiverLimits } from './receiver/limits';
import { Receiver, receiverUrl } from './receiver/receiver';
import { createReplayCommands } from './replay/replay-commands';
import { ReplayService } from './replay/replay-service';
import { ReplayStore } from './replay/replay-store';
import { RuleEngine } from './rules/engine';
import { createRuleCommands } from './rules/rule-commands';
import { type DataFile, describeDataFolder } from './settings/data-folder';
import { SETTINGS_FILE_NAME } from './settings/defaults';
import { ReceiverOverrides } from './settings/receiver-overrides';
import { SettingsService } from './settings/settings-service';
import { Simulations } from './simulate/simulations';
import type { CaptureStore } from './store/capture-store';
import { CaptureWriter } from './store/capture-writer';
import { openCaptureStore, openOrSetAside } from './store/open-store';
import { type Retention, type RetentionOptions, RetentionPruner } from './store/retention';
import { StoreHealthMonitor } from './store/store-health';
import { templateCommands } from './templates/template-commands';
import { throttle } from './throttle';
import type { CreateHookbenchOptions, HookbenchCore, Logger } from './types';
import { WORKSPACE_FILE_NAME, Workspace } from './workspace/workspace';

export { CoreError, toCommandError } from './errors';
export { invokeCommand } from './invoke';
export type { ReceiverLimits } from './receiver/limits';
export type { Retention } from './store/retention';
export type { CreateHookbenchOptions, HookbenchCore, Logger } from './types';

/** Options the shells do not need: retention other than the saved setting, limits and hooks for tests. */
export interface HookbenchOptions extends CreateHookbenchOptions {
  /** How much capture history to keep; a function is read before every prune, so changes apply at once. */
  retention?: Retention | (() => Retention);
  /** When pruning runs (tests make it prompt). */
  retentionTiming?: RetentionOptions;
  /** Receiver timeouts and sizes (tests shorten them). */
  receiverLimits?: Partial<ReceiverLimits>;
  /** Test hook: the opened capture store, for fault injection (e.g. a full disk). */
  onStoreOpened?: (store: CaptureStore) => void;
}

export const STORE_FILE_NAME = 'captures.sqlite';
export const REPLAY_STORE_FILE_NAME = 'replays.sqlite';

/** Hit counts change with every request; the UI needs them a few times a second at most. */
const HITS_EVENT_INTERVAL_MS = 250;

const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/**
 * Builds the core for one data folder: settings, capture store, receiver and
 * the contract's command handlers. Electron and the headless host both call
 * this and nothing else.
 */
export async function createHookbench(options: HookbenchOptions): Promise<HookbenchCore> {
  const dataDir = resolve(options.dataDir);
  const logger = options.logger ?? silentLogger;
  mkdirSync(dataDir, { recursive: true });
  const warn = (message: string) => logger.warn(message);

  const settings = new SettingsService(dataDir, options.settingsBackend, warn);
  const store = openCaptureStore(join(dataDir, STORE_FILE_NAME), warn);
  options.onStoreOpened?.(store);
  const events = new CoreEvents((error) => logger.error(`An event listener failed: ${String(error)}`));
  const workspace = new Workspace(dataDir, options.settingsBackend, warn);
  const engine = new RuleEngine(() => workspace.ruleSet);
  const hits = throttle(() => events.emit('ruleHits', engine.hitCounts()), HITS_EVENT_INTERVAL_MS);
  const replays = openOrSetAside(
    join(dataDir, REPLAY_STORE_FILE_NAME),
    'replay results store',
    (file) => new ReplayStore(file, warn),
    warn,
  );
  const simulations = new Simulations();
  const replayService = new ReplayService(
    store,
    replays,
    (progress) => events.emit('replayProgress', progress),
    (error) => logger.error(`A bulk replay failed: ${(error as Error).message}`),
  );
  const forwarder = new Forwarder(store, events);
  const health = new StoreHealthMonitor((next) => events.emit('storeHealth', next));
  // The saved setting, read before every prune so a change applies at once; tests may pass their own.
  const retention = options.retention ?? (() => settings.get().retention);
  const pruner = new RetentionPruner(
    store,
    typeof retention === 'function' ? retention : () => retention,
    (ids) => events.emit('capturesRemoved', { ids, total: store.count }),
    (error) => logger.warn(`Could not remove old captures: ${(error as Error).message}`),
    options.retentionTiming,
  );
  const writer = new CaptureWriter(
    store,
    (items) => {
      events.emit('capturesAdded', { items, total: store.count });
      hits.schedule();
      pruner.schedule();
    },
    health,
    warn,
  );
  // A store that grew past its limits while closed is trimmed soon after opening.
  pruner.schedule();

  const overrides = new ReceiverOverrides(options.receiver);
  const effectiveReceiverSettings = (): ReceiverSettings => overrides.apply(settings.get()).receiver;
  const receiver = new Receiver({
    writer,
    settings: effectiveReceiverSettings,
    respond: (request) => engine.respond(request),
    echoList: (bucket) => store.bucketCaptures(bucket, ECHO_LIST_LIMIT),
    forwarder,
    onStatus: (status) => events.emit('receiverStatus', status),
    logger,
    ...(options.receiverLimits ? { limits: options.receiverLimits } : {}),
  });
  const startReceiver = async () => {
    const { host, port } = effectiveReceiverSettings();
    const status = await receiver.start(host, port);
    if (status.state === 'error') logger.error(status.error ?? 'The receiver could not start.');
  };

  const commands = createCommandHandlers({
    store,
    settings,
    receiver,
    events,
    restartReceiver: startReceiver,
    overrides,
  });
  const handlers: CommandHandlers = {
    ...commands,
    ...createRuleCommands({ workspace, engine, store, events }),
    ...createInspectorCommands(store, writer, events),
    ...createReplayCommands(store, replays, replayService, simulations),
    ...templateCommands,
    ...createComposerCommands({
      dataDir,
      settingsBackend: options.settingsBackend,
      ...(options.secrets ? { secrets: options.secrets } : {}),
      captures: store,
      events,
      warn,
      simulations,
      ...starterBaseUrl(effectiveReceiverSettings()),
    }),
    getStoreHealth: async () => health.health,
    getDataFolder: async () => describeDataFolder(dataDir, DATA_FILES),
  };
  let closed = false;

  return {
    handlers,
    dataDir,
    on: (event, listener) => events.on(event, listener),
    start: startReceiver,
    async close() {
      if (closed) return;
      closed = true;
      replayService.cancelAll();
      simulations.cancelAll();
      await receiver.stop();
      await forwarder.settle();
      await pruner.stop();
      hits.cancel();
      await writer.close();
      store.close();
      await replays.close();
    },
  };
}

/** The data folder's files, as Settings lists them and `export --out` refuses to write over them. */
export const DATA_FILES: readonly DataFile[] = [
  { name: STORE_FILE_NAME, holds: 'Captured requests and the answers they got', sqlite: true },
  { name: REPLAY_STORE_FILE_NAME, holds: 'Replay results', sqlite: true },
  { name: `${WORKSPACE_FILE_NAME}.json`, holds: 'Responder rules and the fallback answer' },
  { name: `${COMPOSER_FILE_NAME}.json`, holds: 'Templates, data sets and saved requests' },
  { name: `${HISTORY_FILE_NAME}.json`, holds: 'Requests sent from the Composer' },
  { name: `${SETTINGS_FILE_NAME}.json`, holds: 'These settings' },
];

/** The receiver's URL without the final slash, when its port is known before it starts (not 0). */
function starterBaseUrl({ host, port }: ReceiverSettings): { receiverBaseUrl?: string } {
  return port === 0 ? {} : { receiverBaseUrl: receiverUrl(host, port).replace(/\/$/, '') };
}
