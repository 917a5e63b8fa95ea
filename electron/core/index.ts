import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CommandHandlers } from '../../shared/contract';
import type { ReceiverSettings } from '../../shared/domain';
import { createCommandHandlers } from './commands';
import { CoreEvents } from './events';
import { createInspectorCommands } from './inspector/inspector-commands';
import { ECHO_LIST_LIMIT } from './receiver/echo';
import { Receiver } from './receiver/receiver';
import { RuleEngine } from './rules/engine';
import { createRuleCommands } from './rules/rule-commands';
import { SettingsService } from './settings/settings-service';
import { CaptureStore } from './store/capture-store';
import { CaptureWriter } from './store/capture-writer';
import { StoreHealthMonitor } from './store/store-health';
import { templateCommands } from './templates/template-commands';
import { throttle } from './throttle';
import type { CreateHookbenchOptions, HookbenchCore, Logger } from './types';
import { Workspace } from './workspace/workspace';

export { CoreError, toCommandError } from './errors';
export { invokeCommand } from './invoke';
export type { CreateHookbenchOptions, HookbenchCore, Logger } from './types';

export const STORE_FILE_NAME = 'captures.sqlite';

/** Hit counts change with every request; the UI needs them a few times a second at most. */
const HITS_EVENT_INTERVAL_MS = 250;

const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/**
 * Builds the core for one data folder: settings, capture store, receiver and
 * the contract's command handlers. Electron and the headless host both call
 * this and nothing else.
 */
export async function createHookbench(options: CreateHookbenchOptions): Promise<HookbenchCore> {
  const dataDir = resolve(options.dataDir);
  const logger = options.logger ?? silentLogger;
  mkdirSync(dataDir, { recursive: true });

  const settings = new SettingsService(dataDir, options.settingsBackend);
  const store = new CaptureStore(join(dataDir, STORE_FILE_NAME));
  const events = new CoreEvents((error) => logger.error(`An event listener failed: ${String(error)}`));
  const workspace = new Workspace(dataDir, options.settingsBackend, (message) => logger.warn(message));
  const engine = new RuleEngine(() => workspace.ruleSet);
  const hits = throttle(() => events.emit('ruleHits', engine.hitCounts()), HITS_EVENT_INTERVAL_MS);
  const health = new StoreHealthMonitor((next) => events.emit('storeHealth', next));
  const writer = new CaptureWriter(
    store,
    (items) => {
      events.emit('capturesAdded', { items, total: store.count });
      hits.schedule();
    },
    health,
  );

  // Flags given for this run (e.g. `serve --port`) win over the saved settings without being saved,
  // until the user sets that same setting, which then takes over.
  const overrides: Partial<ReceiverSettings> = { ...options.receiver };
  const effectiveReceiverSettings = (): ReceiverSettings => ({ ...settings.get().receiver, ...overrides });
  const receiver = new Receiver({
    writer,
    settings: effectiveReceiverSettings,
    respond: (request) => engine.respond(request),
    echoList: (bucket) => store.bucketCaptures(bucket, ECHO_LIST_LIMIT),
    onStatus: (status) => events.emit('receiverStatus', status),
    logger,
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
  });
  const handlers: CommandHandlers = {
    ...commands,
    ...createRuleCommands({ workspace, engine, store, events }),
    ...createInspectorCommands(store, writer, events),
    ...templateCommands,
    getStoreHealth: async () => health.health,
    async updateSettings(request) {
      const next = await commands.updateSettings(request);
      for (const key of Object.keys(request.receiver ?? {})) delete overrides[key as keyof ReceiverSettings];
      return next;
    },
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
      await receiver.stop();
      hits.cancel();
      writer.flush();
      store.close();
    },
  };
}
